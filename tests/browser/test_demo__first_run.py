"""A newcomer's first minutes: the database `make run` prepares (its own manage.py steps, read
from the Makefile), a persona chosen with one click, and the "try this" panel followed through
a claim from submission to paid, switching persona from the panel."""

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
TITLE = "客户拜访出租车费"


def make_run_steps() -> list[list[str]]:
    """The manage.py commands of the Makefile's `run` recipe, in order."""
    lines = (ROOT / "Makefile").read_text().splitlines()
    start = lines.index(next(line for line in lines if line.startswith("run:")))
    steps = []
    for line in lines[start + 1:]:
        if not line.startswith("\t"):
            break
        words = shlex.split(line.strip())
        assert words[0] == "$(PY)" and words[1] == "manage.py", line
        steps.append(words[2:])
    return steps


@pytest.fixture
def made_run_database():
    """Everything `make run` does before serving, through the same commands."""
    steps = make_run_steps()
    assert [s[0] for s in steps] == ["migrate", "seed_demo", "serve_demo"]
    for step in steps[:-1]:  # serve_demo is the live server here
        call_command(*step)


def persona_button(page, username):
    return page.locator(f"button.persona[value='{username}']")


def panel(page):
    return page.locator("section.tour")


def switch_in_panel(page, username):
    with page.expect_navigation():
        panel(page).get_by_role("button", name=f"Switch to {username}").click()
    page.wait_for_url(re.compile(r"/$"))
    expect(page.locator("a.who")).to_have_count(1)


def test_first_run_from_one_click_login_to_a_paid_claim(page, made_run_database):
    from core.org.models import User

    page.goto("/accounts/login/")
    # Every person the seed created is a one-click choice, grouped by role.
    for username in User.objects.values_list("username", flat=True):
        expect(persona_button(page, username)).to_have_count(1)
    expect(page.locator("button.persona")).to_have_count(User.objects.count())
    expect(persona_button(page, "east_mgr")).to_contain_text("Regional manager (east)")

    # --- east_rep1, with one click; the panel says what to try --------------------------------
    with page.expect_navigation():
        persona_button(page, "east_rep1").click()
    expect(panel(page)).to_contain_text("Try this as Salesperson (east)")
    with page.expect_navigation():
        panel(page).get_by_role("link", name=re.compile("^Submit an expense claim")).click()
    page.wait_for_url("**/expenses/claims/new/")
    page.locator("#id_category").select_option("travel")
    page.locator("#id_title").fill(TITLE)
    today = page.locator("#id_expense_date").input_value() or None
    if not today:
        from django.utils import timezone

        today = timezone.localdate().isoformat()
        page.locator("#id_expense_date").fill(today)
    page.locator("#id_lines-0-date").fill(today)
    page.locator("#id_lines-0-item_type").select_option(label="Transport")
    page.locator("#id_lines-0-description").fill("出租车")
    page.locator("#id_lines-0-amount").fill("86.00")
    # A taxi fare needs its ticket (issue 27): save the draft, attach the ticket, then submit.
    with page.expect_navigation():
        page.get_by_role("button", name="Save as draft").last.click()
    page.wait_for_url(re.compile(r"/expenses/claims/\d+/$"))
    claim_path = re.sub(r"^https?://[^/]+", "", page.url)
    form = page.locator("form", has=page.get_by_role("button", name="Attach to the line"))
    form.locator("select[name$='kind']").select_option("ticket")
    form.locator("input[type='file']").set_input_files(
        files=[{"name": "taxi.pdf", "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n% taxi ticket\n%%EOF\n"}])
    with page.expect_navigation():
        form.get_by_role("button", name="Attach to the line").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit for approval").click()
    page.wait_for_url(re.compile(r"/expenses/claims/\d+/$"))
    number = page.locator("h1 .hint").inner_text()
    assert number.startswith("BX-"), number

    # --- the panel's switch: east_mgr approves it from the inbox -----------------------------
    page.goto("/")
    switch_in_panel(page, "east_mgr")
    expect(panel(page)).to_contain_text("Try this as Regional manager (east)")
    with page.expect_navigation():
        panel(page).get_by_role("link", name=re.compile("^Open the inbox")).click()
    row = page.locator("table.list tbody tr").filter(has_text=number)
    with page.expect_navigation():
        row.get_by_role("link").first.click()
    page.locator("#id_approve-comment").fill("同意。")
    with page.expect_navigation():
        page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".msg-success")).to_have_text(f"Approved: {TITLE}")

    # --- finance_clerk takes it from the queue and approves it: paid -------------------------
    page.goto("/")
    switch_in_panel(page, "finance_clerk")
    with page.expect_navigation():
        panel(page).get_by_role("link", name=re.compile("^Open the queue")).click()
    row = page.locator("table.list tbody tr").filter(has_text=number)
    with page.expect_navigation():
        row.get_by_role("link").first.click()
    task_url = page.url
    with page.expect_navigation():
        page.get_by_role("button", name="Claim this task").click()
    page.wait_for_url(task_url)
    page.locator("#id_approve-comment").fill("凭证齐全。")
    with page.expect_navigation():
        page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".msg-success")).to_have_text(f"Approved: {TITLE}")

    # --- back to east_rep1 from the panel: My requests shows it, the claim is paid ------------
    page.goto("/")
    switch_in_panel(page, "east_rep1")
    with page.expect_navigation():
        panel(page).get_by_role("link", name=re.compile("^Finance then reviews")).click()
    page.wait_for_url("**/requests/")
    expect(page.locator("table.list tbody tr").filter(has_text=number)).to_have_count(1)
    page.goto(claim_path)
    expect(page.locator("dl.facts dt:text-is('State') + dd")).to_have_text("Paid")
    assert page.problems == []


def test_panel_hides_with_one_click_and_comes_back(page, personas):
    page.goto("/accounts/login/")
    with page.expect_navigation():
        persona_button(page, "auditor").click()
    expect(panel(page)).to_contain_text("Search the audit trail")
    with page.expect_navigation():
        panel(page).get_by_role("button", name="Hide").click()
    expect(panel(page)).to_have_count(0)
    with page.expect_navigation():
        page.get_by_role("button", name="Show “Try this”").click()
    expect(panel(page)).to_have_count(1)
    assert page.problems == []
