"""The demo's personas: one source (core/org/demo.py) for the seed, the login page's one-click
choices, `make run`'s ready block and README.md; the one-click login and the "try this" panel
exist only with DEMO_LOGINS_ALLOWED."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from core.org import demo
from core.org.models import Role, User

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"


def _buttons(html: str) -> list[str]:
    return re.findall(r'<button type="submit" name="username" value="([\w.-]+)" class="persona"',
                      html)


def test_every_seeded_person_has_a_note_and_exactly_one_group():
    usernames = [p[0] for p in demo.PEOPLE]
    assert set(demo.PERSONA_NOTES) == set(usernames)
    grouped = [p.username for _label, people in demo.persona_groups() for p in people]
    assert sorted(grouped) == sorted(usernames)
    assert all(people for _label, people in demo.persona_groups())
    assert set(demo.FEATURED) <= set(usernames)
    assert {str(role) for role in demo.TOURS} == {str(r) for r in Role}


def test_persona_line_names_role_region_and_what_they_do():
    with translation.override("en"):
        assert demo.persona("east_mgr").line == (
            "east_mgr — Regional manager (east): approves the east region's claims and "
            "contracts; confirms its plan")
    with translation.override("zh-hans"):
        assert demo.persona("east_mgr").note == "审批华东区的报销和合同；确认本区销售计划"


def test_login_page_offers_every_person_the_seed_creates_grouped_by_role(client, personas):
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    seeded = list(User.objects.order_by("pk").values_list("username", flat=True))
    assert len(seeded) == 20
    assert sorted(_buttons(html)) == sorted(seeded)
    for missing_before in ("east_rep3", "finance_clerk", "legal2", "marketing2", "south_rep2",
                           "north_rep2"):
        assert missing_before in _buttons(html)
    assert "<h3>Regional managers</h3>" in html
    assert "approves the east region&#x27;s claims and contracts" in html
    assert 'action="/demo/login/"' in html and "csrfmiddlewaretoken" in html


def test_login_page_has_no_personas_when_demo_logins_not_allowed(client, personas, settings):
    settings.DEMO_LOGINS_ALLOWED = False
    html = client.get("/accounts/login/").content.decode()
    assert _buttons(html) == []
    assert "/demo/login/" not in html
    assert "countersign-demo" not in html


def test_one_click_logs_in_as_the_persona_and_goes_to_next(client, personas):
    response = client.post("/demo/login/", {"username": "east_mgr", "next": "/inbox/"})
    assert response.status_code == 302
    assert response["Location"] == "/inbox/"
    assert client.get("/").context["user"].username == "east_mgr"


def test_one_click_refuses_get_and_an_outside_next(client, personas):
    assert client.get("/demo/login/?username=east_mgr").status_code == 405
    response = client.post("/demo/login/", {"username": "east_mgr",
                                            "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_one_click_is_404_for_anyone_not_a_persona(client, personas):
    from core.org.models import Department

    User.objects.create_user("outsider", password=demo.DEMO_PASSWORD,
                             department=Department.objects.first())
    assert client.post("/demo/login/", {"username": "outsider"}).status_code == 404
    assert client.post("/demo/login/", {"username": ""}).status_code == 404
    assert "_auth_user_id" not in client.session


def test_one_click_does_not_log_in_a_persona_whose_password_changed(client, personas):
    user = personas["gm"]
    user.set_password("something-private-now")
    user.save()
    response = client.post("/demo/login/", {"username": "gm"}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/"
    assert "_auth_user_id" not in client.session
    assert "This demo login is not available" in response.content.decode()


def test_one_click_and_tour_urls_404_when_demo_logins_not_allowed(client, personas, settings):
    settings.DEMO_LOGINS_ALLOWED = False
    assert client.post("/demo/login/", {"username": "east_mgr"}).status_code == 404
    assert "_auth_user_id" not in client.session
    client.force_login(personas["east_rep1"])
    assert client.post("/demo/tour/", {"action": "hide"}).status_code == 404
    assert 'class="card tour"' not in client.get("/").content.decode()


def test_home_shows_the_try_this_panel_with_the_switch_to_the_manager(client, personas):
    client.force_login(personas["east_rep1"])
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="card tour"' in html
    assert 'href="/expenses/claims/new/"' in html
    assert 'name="username" value="east_mgr" class="tour-switch"' in html
    assert "Switch to east_mgr" in html

    client.force_login(personas["east_mgr"])
    html = client.get("/").content.decode()
    assert 'value="finance_clerk" class="tour-switch"' in html
    assert 'href="/inbox/"' in html


def test_try_this_panel_is_in_both_languages(client, personas):
    client.force_login(personas["east_rep1"])
    client.post("/i18n/setlang/", {"language": "zh-hans"})
    html = client.get("/").content.decode()
    assert "以销售人员 (华东)的身份试一试" in html
    assert "切换为你的区域经理 east_mgr，在待办中审批它。" in html


def test_panel_hides_and_stays_hidden_across_a_persona_switch(client, personas):
    client.force_login(personas["east_rep1"])
    response = client.post("/demo/tour/", {"action": "hide", "next": "/"})
    assert response.status_code == 302
    assert 'class="card tour"' not in client.get("/").content.decode()
    client.post("/demo/login/", {"username": "east_mgr"})
    html = client.get("/").content.decode()
    assert 'class="card tour"' not in html
    assert 'name="action" value="show"' in html
    client.post("/demo/tour/", {"action": "show"})
    assert 'class="card tour"' in client.get("/").content.decode()


def test_no_panel_for_a_user_who_is_not_a_persona(client, personas):
    outsider = User.objects.create_user("outsider", password="x-private-1")
    client.force_login(outsider)
    assert 'class="card tour"' not in client.get("/").content.decode()


def test_readme_lists_exactly_the_personas_the_seed_creates():
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- personas:start -->")
    end = text.index("<!-- personas:end -->")
    with translation.override("en"):
        expected = demo.personas_markdown()
    assert text[start + len("<!-- personas:start -->"):end].strip() == expected.strip(), (
        "README.md's persona table differs from core/org/demo.py; paste this between the "
        "markers:\n" + expected)
