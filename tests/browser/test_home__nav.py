import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_says_nothing_waits_when_inbox_is_empty(page, login, personas):
    login("east_rep1")
    waiting = page.locator("section.card").filter(has_text="Waiting for you")
    expect(waiting.locator("tbody")).to_contain_text("Nothing waits for you.", timeout=1_000)


def test_audit_link_is_hidden_when_user_is_not_an_auditor(page, login, personas):
    login("east_rep1")
    expect(page.locator(".mainnav a[href='/audit/']")).to_have_count(0, timeout=1_000)
