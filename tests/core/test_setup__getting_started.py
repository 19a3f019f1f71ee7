import re

import pytest

from core.org.models import Department, Role, RoleAssignment, User

pytestmark = pytest.mark.django_db

PAGE = "/getting-started/"


def _steps(html: str) -> list[tuple[str, bool]]:
    """(label, ticked) for each step on the page."""
    items = re.findall(r'<li class="card( done)?">(.*?)</li>', html, re.S)
    return [(re.search(r"<h2>(.*?) <span", item, re.S).group(1).strip(), bool(done))
            for done, item in items]


@pytest.fixture
def operator(db):
    return User.objects.create_superuser("operator", "op@acme.example", "x" * 12)


def _client(client, user, language="en"):
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client


def test_an_empty_installation_sends_its_administrator_to_getting_started(client, operator):
    home = _client(client, operator).get("/").content.decode()
    assert "This installation has no organisation yet" in home
    assert f'href="{PAGE}"' in home

    page = client.get(PAGE).content.decode()

    assert _steps(page) == [("Import the organisation", False), ("Authority matrix", False),
                            ("Budgets", False), ("Reimbursement standards", False)]
    for link in ("/admin/org/user/import/", "/admin/authority/authoritymatrix/",
                 "/expenses/budgets/", "/admin/expenses/reimbursementstandard/"):
        assert f'href="{link}"' in page


def test_the_page_speaks_chinese(client, operator):
    page = _client(client, operator, "zh-hans").get(PAGE).content.decode()

    assert "导入组织架构" in page and "审批权限矩阵" in page


def test_steps_are_ticked_once_configured_and_the_banner_goes(client, personas):
    page = _client(client, personas["admin"]).get(PAGE).content.decode()

    assert dict(_steps(page)) == {"Import the organisation": True, "Authority matrix": True,
                                  "Budgets": False, "Reimbursement standards": False}
    assert "This installation has no organisation yet" not in client.get("/").content.decode()


def test_an_administrator_role_without_superuser_sees_it_too(client, db):
    clerk = User.objects.create_user("it", "it@acme.example", "x" * 12)
    RoleAssignment.objects.create(user=clerk, role=Role.ADMINISTRATOR)
    Department.objects.create(code="it", name="IT")  # departments, but nobody else yet

    assert "no organisation yet" in _client(client, clerk).get("/").content.decode()
    assert client.get(PAGE).status_code == 200


def test_other_people_neither_see_the_banner_nor_open_the_page(client, db):
    rep = User.objects.create_user("rep", "rep@acme.example", "x" * 12)

    assert "no organisation yet" not in _client(client, rep).get("/").content.decode()
    assert client.get(PAGE).status_code == 404
    client.logout()
    assert client.get(PAGE).status_code == 302
