"""Issue 21's journey: an administrator defines a three-field template with a conditional
step and publishes it; a salesperson submits it on a phone-sized page (an error first, the
input kept, the route preview), and the line manager approves it from the inbox."""

import json
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# FORMS_SHOTS=/some/dir keeps screenshots of the editor, the form with errors and the preview
SHOTS = os.environ.get("FORMS_SHOTS")

DEFINITION = {
    "title_field": "subject", "amount_field": "amount",
    "fields": [
        {"key": "subject", "type": "text", "label": {"zh": "事由", "en": "Subject"},
         "required": True},
        {"key": "amount", "type": "money", "label": {"zh": "金额", "en": "Amount"},
         "required": True, "min": 0},
        {"key": "reason", "type": "textarea", "label": {"zh": "理由", "en": "Reason"},
         "required_when": {"field": "amount", "op": "gt", "value": 1000},
         "visible_when": {"field": "amount", "op": "gt", "value": 1000}},
    ],
    "steps": [
        {"key": "mgr", "type": "line_manager", "label": {"zh": "直属上级", "en": "Manager"}},
        {"key": "gm", "type": "role", "role": "sales_gm", "label": {"zh": "销售总经理",
                                                                 "en": "Sales GM"},
         "when": {"field": "amount", "op": "gt", "value": 5000}},
    ],
}


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_admin_defines_rep_submits_on_a_phone_manager_approves(browser, live_server, personas,
                                                               login, page):
    login("admin", "/forms/templates/new/")
    page.locator("#id_code").fill("sample")
    page.locator("#id_name_zh").fill("样品申请")
    page.locator("#id_name_en").fill("Sample request")
    page.locator("#id_number_prefix").fill("YP")
    page.get_by_role("button", name="Create").click()
    page.wait_for_url(re.compile(r"/forms/templates/\d+/$"))
    page.locator("#id_definition").fill(json.dumps(DEFINITION, ensure_ascii=False))
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".msg-success")).to_contain_text("Draft saved.")
    # the route preview for an example submitter and values
    page.locator("#id_submitter").select_option(str(personas["east_rep1"].pk))
    page.locator("#id_values").fill('{"amount": "8000"}')
    page.get_by_role("button", name="Preview the route").click()
    expect(page.locator("#route-preview")).to_contain_text("张伟")
    expect(page.locator("#route-preview")).to_contain_text("李明")
    shot(page, "editor-preview-en")
    page.locator("#id_note").fill("first")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".msg-success")).to_contain_text("Published version 1.")

    phone = browser.new_context(base_url=live_server.url, locale="zh-CN",
                                viewport={"width": 390, "height": 844})
    rep = phone.new_page()
    rep.goto("/accounts/login/?next=/forms/new/")
    rep.locator("#id_username").fill("east_rep1")
    rep.locator("#id_password").fill("countersign-demo")
    with rep.expect_navigation():
        rep.locator("form[action$='/accounts/login/'] button[type=submit]").click()
    rep.get_by_role("link", name="样品申请").click()
    rep.locator("#id_subject").fill("展会样品")
    # the reason shows only above 1,000 (static/js/forms.js; the server keeps the same rule)
    expect(rep.locator("[data-key=reason]")).to_be_hidden()
    rep.locator("#id_amount").fill("1200")
    expect(rep.locator("[data-key=reason]")).to_be_visible()
    rep.locator("button[value=submit]").click()
    # the reason is required above 1,000: an error by the field, the input kept
    expect(rep.locator("[data-key=reason] .error")).to_be_visible()
    expect(rep.locator("#id_subject")).to_have_value("展会样品")
    assert rep.evaluate("document.documentElement.scrollWidth") <= 390
    shot(rep, "form-errors-zh-390")
    rep.locator("#id_reason").fill("客户要求现场演示")
    rep.locator("button[value=preview]").click()
    expect(rep.locator("#route-preview")).to_contain_text("张伟")
    shot(rep, "form-preview-zh-390")
    rep.locator("button[value=submit]").click()
    rep.wait_for_url(re.compile(r"/requests/\d+/$"))
    expect(rep.locator(".msg-success")).to_contain_text("YP-")
    phone.close()

    login("east_mgr", "/inbox/")
    row = page.locator("table.list tbody tr").filter(has_text="展会样品")
    expect(row).to_have_count(1)
    row.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/inbox/tasks/\d+/$"))
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_url("**/inbox/")
    expect(page.locator(".msg-success")).to_contain_text("展会样品")
    from workflows.forms.models import Submission

    assert Submission.objects.get().state == "approved"
    assert page.problems == []
