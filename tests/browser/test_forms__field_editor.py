"""The template editor's field list: an administrator adds, fills in and reorders fields as a
form; the JSON below follows, keeps what the list does not edit (steps, choices), and is what
is saved and checked."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEFINITION = {
    "fields": [{"key": "subject", "type": "text", "label": {"zh": "事由", "en": "Subject"},
                "required": True},
               {"key": "kind", "type": "choice", "label": {"zh": "类型", "en": "Kind"},
                "choices": [{"value": "a", "label": {"zh": "甲", "en": "A"}}]}],
    "steps": [{"key": "mgr", "type": "line_manager",
               "label": {"zh": "直属上级", "en": "Manager"}}],
}


def test_the_field_list_edits_the_json_and_the_draft_saves(browser, live_server, personas,
                                                            login, page):
    login("admin", "/forms/templates/new/")
    page.locator("#id_code").fill("sample")
    page.locator("#id_name_zh").fill("样品申请")
    page.locator("#id_name_en").fill("Sample request")
    page.locator("#id_number_prefix").fill("YP")
    page.get_by_role("button", name="Create").click()
    page.wait_for_url(re.compile(r"/forms/templates/\d+/$"))
    page.locator("#id_definition").fill(json.dumps(DEFINITION, ensure_ascii=False))
    page.locator("#id_definition").dispatch_event("input")
    rows = page.get_by_test_id("field-row")
    expect(rows).to_have_count(2)
    page.get_by_test_id("field-add").click()
    expect(rows).to_have_count(3)
    new = rows.nth(2)
    new.locator("[data-col=key]").fill("amount")
    new.locator("[data-col=type]").select_option("money")
    new.locator("[data-col=label_zh]").fill("金额")
    new.locator("[data-col=label_en]").fill("Amount")
    new.locator("[data-col=required]").check()
    new.get_by_role("button", name="Move up").click()  # now second, before "kind"
    definition = json.loads(page.locator("#id_definition").input_value())
    assert [f["key"] for f in definition["fields"]] == ["subject", "amount", "kind"]
    assert definition["fields"][1] == {"key": "amount", "type": "money", "required": True,
                                       "label": {"zh": "金额", "en": "Amount"}}
    assert definition["fields"][2]["choices"] == DEFINITION["fields"][1]["choices"]
    assert definition["steps"] == DEFINITION["steps"]
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".msg-success")).to_contain_text("Draft saved.")
    from workflows.forms.models import FormTemplate

    draft = FormTemplate.objects.get(code="sample").draft
    assert [f["key"] for f in draft["fields"]] == ["subject", "amount", "kind"]
    # JSON that does not parse: the list steps aside and says so
    page.locator("#id_definition").fill("{")
    page.locator("#id_definition").dispatch_event("input")
    expect(page.locator("#field-editor .error")).to_be_visible()
    expect(page.get_by_test_id("field-add")).to_be_hidden()
