"""The pages: catalogue, the generated form (errors by the field, input kept, 400), the route
preview, submit, the request read-only (404 to strangers), the editor and the export."""

import re
from io import BytesIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from core import engine
from workflows.forms.models import FormTemplate, Submission

pytestmark = pytest.mark.django_db


def login(personas, who):
    c = Client()
    c.force_login(personas[who])
    return c


def test_catalogue_lists_what_the_user_may_submit(shipped, personas):
    FormTemplate.objects.filter(code="minutes").update(submit_roles=["regional_manager"])
    page = login(personas, "east_rep1").get("/forms/new/").content.decode()
    assert "/forms/new/headcount/" in page and "/forms/new/minutes/" not in page
    page = login(personas, "east_rep1").get("/forms/new/?q=培训").content.decode()
    assert "/forms/new/training/" in page and "/forms/new/headcount/" not in page
    assert login(personas, "east_rep1").get("/forms/new/minutes/").status_code == 404


def test_errors_by_the_field_and_input_kept(shipped, personas):
    c = login(personas, "east_rep1")
    r = c.post("/forms/new/headcount/", {"position": "销售代表", "level": "staff",
                                         "headcount": "7", "requirements": "",
                                         "action": "submit"})
    assert r.status_code == 400
    page = r.content.decode()
    assert 'value="销售代表"' in page and 'value="7"' in page
    assert re.search(r'data-key="requirements".*?class="error"', page, re.S)
    assert re.search(r'data-key="reason".*?class="error"', page, re.S)
    assert not Submission.objects.exists()


def test_preview_then_submit_and_the_manager_reads_it(shipped, personas):
    c = login(personas, "south_rep1")
    data = {"topic": "华南例会", "held_on": "2026-12-07", "minutes": "纪要", "actions__rows": "3",
            "actions__0__item": "回款", "actions__0__owner": str(personas["south_rep2"].pk),
            "actions__0__due": "2026-12-11"}
    r = c.post("/forms/new/minutes/", {**data, "action": "preview"})
    assert r.status_code == 200 and "route-preview" in r.content.decode()
    assert str(personas["south_mgr"]) in r.content.decode()
    r = c.post("/forms/new/minutes/", {**data, "action": "submit"})
    assert r.status_code == 302
    obj = Submission.objects.get()
    req = engine.request_for("form", obj.pk)
    assert req.chain[0]["candidates"] == [personas["south_mgr"].pk]
    page = login(personas, "south_mgr").get(f"/forms/requests/{obj.pk}/")
    assert page.status_code == 200 and "回款" in page.content.decode()
    assert login(personas, "east_mgr").get(f"/forms/requests/{obj.pk}/").status_code == 404


def test_editor_saves_checks_and_publishes(shipped, personas):
    t = shipped["headcount"]
    c = login(personas, "admin")
    assert login(personas, "east_rep1").get(f"/forms/templates/{t.pk}/").status_code == 404
    assert c.get("/forms/templates/").status_code == 200
    c.post(f"/forms/templates/{t.pk}/", {"action": "edit"})
    bad = c.post(f"/forms/templates/{t.pk}/", {"action": "save", "definition": '{"fields": []}'})
    assert bad.status_code == 400 and "fields" in bad.content.decode()
    r = c.post(f"/forms/templates/{t.pk}/", {
        "action": "preview", "definition": FormTemplate.objects.get(pk=t.pk).draft and
        __import__("json").dumps(FormTemplate.objects.get(pk=t.pk).draft),
        "submitter": personas["east_rep1"].pk, "values": '{"headcount": 5}'})
    assert r.status_code == 200 and str(personas["ceo"]) in r.content.decode()
    r = c.post(f"/forms/templates/{t.pk}/", {"action": "publish", "note": "同上"})
    assert r.status_code == 302 and t.versions.count() == 2
    assert c.get(f"/forms/templates/{t.pk}/diff/?a=1&b=2").status_code == 200


def test_export_has_a_column_per_field_and_tables_on_a_second_sheet(shipped, personas):
    c = login(personas, "south_rep1")
    c.post("/forms/new/minutes/", {
        "topic": "=cmd()", "held_on": "2026-12-07", "minutes": "纪要", "actions__rows": "1",
        "actions__0__item": "回款", "actions__0__owner": str(personas["south_rep2"].pk),
        "actions__0__due": "2026-12-11", "action": "submit"})
    r = login(personas, "admin").get(f"/forms/templates/{shipped['minutes'].pk}/export.xlsx")
    book = load_workbook(BytesIO(r.content))
    rows = list(book["requests"].values)
    assert "会议主题" in rows[0] or "Meeting" in rows[0]
    assert rows[1][5] == "'=cmd()"
    assert [r[4] for r in book["tables"].values][1:] == ["回款", str(personas["south_rep2"]),
                                                        "2026-12-11"]


def test_new_template_page_keeps_input_and_creates(shipped, personas):
    c = login(personas, "admin")
    assert c.get("/forms/templates/new/").status_code == 200
    r = c.post("/forms/templates/new/", {"code": "headcount", "name_zh": "重复", "name_en": "x",
                                         "number_prefix": "RP"})
    assert r.status_code == 400 and "重复" in r.content.decode()
    r = c.post("/forms/templates/new/", {"code": "sample", "name_zh": "样品申请",
                                         "name_en": "Sample request", "number_prefix": "YP"})
    assert r.status_code == 302 and FormTemplate.objects.get(code="sample").draft is not None


def test_who_may_submit_and_the_process_owner_are_set_on_the_editor(shipped, personas):
    t = shipped["minutes"]
    c = login(personas, "admin")
    r = c.post(f"/forms/templates/{t.pk}/", {"action": "audience", "roles": ["regional_manager"],
                                             "owner": personas["gm"].pk})
    assert r.status_code == 302
    t = FormTemplate.objects.get(pk=t.pk)
    assert t.submit_roles == ["regional_manager"] and t.owner_id == personas["gm"].pk
    assert login(personas, "east_rep1").get("/forms/new/minutes/").status_code == 404
    # the process owner edits it, but cannot hand it to someone else
    owner = login(personas, "gm")
    assert owner.get(f"/forms/templates/{t.pk}/").status_code == 200
    r = owner.post(f"/forms/templates/{t.pk}/", {"action": "audience", "roles": ["bogus"]})
    assert r.status_code == 400
    r = owner.post(f"/forms/templates/{t.pk}/", {"action": "audience",
                                                 "owner": personas["east_mgr"].pk})
    assert r.status_code == 400
    assert FormTemplate.objects.get(pk=t.pk).owner_id == personas["gm"].pk


def test_templates_menu_shows_to_a_template_owner_and_administrators_only(shipped, personas):
    """`manages_any` (the menu's "Templates" entry): an administrator, or whoever owns one."""
    def sees_templates(who):
        return 'href="/forms/templates/"' in login(personas, who).get("/inbox/").content.decode()

    assert sees_templates("admin")
    assert not sees_templates("east_mgr")
    FormTemplate.objects.filter(code="headcount").update(owner=personas["east_mgr"])
    assert sees_templates("east_mgr")
    assert not sees_templates("south_mgr")
