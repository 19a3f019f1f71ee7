import re
from html import unescape

import pytest

from core.org.models import Delegation, User
from tests.core.org.htmlform import form_fields, post_data

DELEGATION_ADD = "/admin/org/delegation/add/"


@pytest.fixture
def admin_client(client, personas):
    client.force_login(personas["admin"])
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def page_form(response) -> dict[str, list[str]]:
    fields = form_fields(response.content.decode())
    return {k: v for k, v in fields.items() if k != "csrfmiddlewaretoken" and "__prefix__" not in k}


def field_errors(response, field: str) -> list[str]:
    """Texts of the error list the admin renders for one field of the main form."""
    html = response.content.decode()
    match = re.search(
        rf'<ul class="errorlist"[^>]*id="id_{field}_error"[^>]*>(.*?)</ul>', html, re.S
    )
    if match is None:
        return []
    return [unescape(m) for m in re.findall(r"<li>(.*?)</li>", match.group(1), re.S)]


def delegation_post(personas, **overrides):
    data = {
        "principal": str(personas["east_mgr"].pk),
        "deputy": str(personas["east_rep1"].pk),
        "starts_on": "2025-06-02",
        "ends_on": "2025-06-06",
        "kinds": ["expense", "contract"],
        "reason": "Annual leave in Hainan",
    }
    data.update(overrides)
    return data


def assert_rerendered(response, data):
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    form = page_form(response)
    for name in ("principal", "deputy", "starts_on", "ends_on", "reason"):
        assert form[name] == [data[name]], name
    assert sorted(form.get("kinds", [])) == sorted(data["kinds"])


def test_delegation_saved_when_valid(admin_client, personas):
    response = admin_client.post(DELEGATION_ADD, delegation_post(personas))

    assert response.status_code == 302
    saved = Delegation.objects.get()
    assert (saved.principal, saved.deputy) == (personas["east_mgr"], personas["east_rep1"])
    assert sorted(saved.kinds) == ["contract", "expense"]


def test_delegation_saved_with_every_kind_when_no_kind_ticked(admin_client, personas):
    data = delegation_post(personas)
    del data["kinds"]

    response = admin_client.post(DELEGATION_ADD, data)

    assert response.status_code == 302
    assert Delegation.objects.get().kinds == []


def test_delegation_refused_when_delegating_to_oneself(admin_client, personas):
    data = delegation_post(personas, deputy=str(personas["east_mgr"].pk))

    response = admin_client.post(DELEGATION_ADD, data)

    assert_rerendered(response, data)
    assert field_errors(response, "deputy")
    assert not Delegation.objects.exists()


def test_delegation_refused_when_last_day_before_first(admin_client, personas):
    data = delegation_post(personas, starts_on="2025-06-06", ends_on="2025-06-02")

    response = admin_client.post(DELEGATION_ADD, data)

    assert_rerendered(response, data)
    assert field_errors(response, "ends_on")
    assert not Delegation.objects.exists()


def test_delegation_refused_when_kind_unknown(admin_client, personas):
    data = delegation_post(personas, kinds=["expense", "holiday"])

    response = admin_client.post(DELEGATION_ADD, data)

    assert response.status_code == 200
    assert field_errors(response, "kinds")
    assert not Delegation.objects.exists()


def test_delegation_refused_when_overlapping_same_principal(admin_client, personas):
    first = delegation_post(personas)
    assert admin_client.post(DELEGATION_ADD, first).status_code == 302
    data = delegation_post(
        personas,
        deputy=str(personas["east_rep2"].pk),
        starts_on="2025-06-06",
        ends_on="2025-06-09",
        kinds=["contract"],
    )

    response = admin_client.post(DELEGATION_ADD, data)

    assert_rerendered(response, data)
    assert response.context["adminform"].form.non_field_errors()
    assert "overlapping" in response.content.decode()
    assert Delegation.objects.count() == 1


def test_manager_change_refused_when_it_creates_a_cycle(admin_client, personas):
    ceo = personas["ceo"]
    url = f"/admin/org/user/{ceo.pk}/change/"
    data = page_form(admin_client.get(url))
    data["manager"] = [str(personas["east_rep1"].pk)]  # east_rep1 -> east_mgr -> gm -> ceo
    data["display_name"] = ["王总"]

    response = admin_client.post(url, post_data(data))

    assert response.status_code == 200
    assert field_errors(response, "manager")
    rendered = page_form(response)
    assert rendered["manager"] == [str(personas["east_rep1"].pk)]
    assert rendered["display_name"] == ["王总"]
    ceo.refresh_from_db()
    assert ceo.manager_id is None
    assert ceo.display_name == "王建国"


def test_manager_change_refused_when_user_is_own_manager(admin_client, personas):
    gm = personas["gm"]
    url = f"/admin/org/user/{gm.pk}/change/"
    data = page_form(admin_client.get(url))
    data["manager"] = [str(gm.pk)]

    response = admin_client.post(url, post_data(data))

    assert response.status_code == 200
    assert field_errors(response, "manager")
    assert User.objects.get(pk=gm.pk).manager == personas["ceo"]


def test_manager_change_saved_when_valid(admin_client, personas):
    rep = personas["east_rep1"]
    url = f"/admin/org/user/{rep.pk}/change/"
    data = page_form(admin_client.get(url))
    data["manager"] = [str(personas["south_mgr"].pk)]

    response = admin_client.post(url, post_data(data))

    assert response.status_code == 302
    assert User.objects.get(pk=rep.pk).manager == personas["south_mgr"]
