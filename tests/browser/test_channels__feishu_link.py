"""Issue 20, done when: a claim is submitted → east_mgr receives a Feishu card (fake server,
signature verified) → taps "approve" → the confirmation page on a phone (390 px) → the claim
moves on and the audit says "via Feishu link"; the same link again → already decided, nothing
changes; an expired, forged or other-user link → refused."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.core.channels.fakes import FakePlatform
from tests.core.channels.scenario import submit_claim, travel_budget

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECRET = "feishu-e2e-secret"
OUT = Path("/tmp/h20-out")


@pytest.fixture
def context_options():
    return {"locale": "en-US", "viewport": {"width": 390, "height": 844},
            "is_mobile": True, "has_touch": True}


@pytest.fixture
def feishu(personas, live_server, settings):
    from core.channels import crypto
    from core.channels.models import PlatformIdentity, Robot

    settings.SITE_URL = live_server.url
    fake = FakePlatform("feishu", SECRET)
    Robot.objects.create(name="审批群", platform="feishu",
                         webhook_url_enc=crypto.encrypt(fake.url),
                         secret_enc=crypto.encrypt(SECRET))
    PlatformIdentity.objects.create(user=personas["east_mgr"], platform="feishu",
                                    external_id="ou_7d8a6e6df7621556ce0d21922b676706")
    yield fake
    fake.stop()


def _buttons(card: dict) -> dict[str, str]:
    return {a["text"]["content"]: a["url"] for el in card["card"]["elements"]
            for a in el.get("actions", [])}


def test_claim_approved_from_a_feishu_card_on_a_phone(page, context, feishu, personas,
                                                      login):
    from core.audit.models import AuditEvent
    from core.channels.models import ActionToken
    from core.inbox.models import WorkItem, WorkItemStatus
    from core.inbox.templatetags.countersign import describe

    travel_budget(personas)
    feishu.received.clear()  # the budget's own approval cards
    req = submit_claim(personas, title="杭州客户拜访交通费", amount="860.00")

    assert feishu.refused == [], feishu.refused  # the fake checked the signature
    assert len(feishu.received) == 1
    card = feishu.received[0]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "feishu-card.json").write_text(json.dumps(card, ensure_ascii=False, indent=2))
    assert card["msg_type"] == "interactive"
    assert "<at id=ou_7d8a6e6df7621556ce0d21922b676706></at>" in json.dumps(
        card, ensure_ascii=False)
    buttons = _buttons(card)
    item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
    assert item.assignee == personas["east_mgr"]

    # Tap "Approve": the confirmation page, phone-sized, logged out.
    page.goto(buttons["Approve"])
    expect(page.locator("h1")).to_contain_text("杭州客户拜访交通费")
    expect(page.locator("dl.facts")).to_contain_text("¥860.00")
    expect(page.locator("dl.facts")).to_contain_text("赵磊")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone: {width}px"
    page.screenshot(path=str(OUT / "confirm-390.png"), full_page=True)
    assert WorkItem.objects.get(pk=item.pk).status == WorkItemStatus.OPEN  # GET decided nothing

    page.locator("#id_comment").fill("行程合理，同意。")
    page.get_by_role("button", name="Confirm: Approve").click()
    expect(page.locator(".msg-success")).to_contain_text("Done: Approve.")
    page.screenshot(path=str(OUT / "done-390.png"), full_page=True)

    item.refresh_from_db()
    assert (item.status, item.decided_by) == (WorkItemStatus.DONE, personas["east_mgr"])
    nxt = WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).first()
    assert nxt is not None and nxt.pk != item.pk  # the claim moved on
    events = AuditEvent.objects.filter(subject_kind="expense", subject_id=str(req.object_id))
    last = events.order_by("-subject_seq").first()
    assert last.data.get("via") == "feishu"
    assert describe(last).endswith("via Feishu link")
    count = events.count()

    # The same link again: already decided, nothing changes.
    page.goto(buttons["Approve"])
    expect(page.locator("[data-refusal]")).to_have_attribute("data-refusal", "used")
    expect(page.locator(".msg-error")).to_contain_text("already used")
    assert events.count() == count

    # A forged link: refused.
    forged = buttons["Reject"][:-6] + "xxxxx/"
    page.goto(forged)
    expect(page.locator("[data-refusal]")).to_have_attribute("data-refusal", "invalid")

    # A link of the next step's card, opened logged in as someone else: refused.
    assert len(feishu.received) >= 2  # one card per holder of the next step
    nxt_buttons = _buttons(feishu.received[1])
    login("east_rep1")
    page.goto(nxt_buttons["Approve"])
    expect(page.locator("[data-refusal]")).to_have_attribute("data-refusal", "other_user")
    page.screenshot(path=str(OUT / "refused-other-user-390.png"), full_page=True)
    context.clear_cookies()

    # An expired link: refused.
    ActionToken.objects.filter(work_item=nxt).update(
        expires_at=ActionToken.objects.filter(work_item=nxt).first().created - timedelta(1))
    page.goto(nxt_buttons["Approve"])
    expect(page.locator("[data-refusal]")).to_have_attribute("data-refusal", "expired")
    assert WorkItem.objects.get(pk=nxt.pk).status == WorkItemStatus.OPEN
    assert events.count() == count
    assert page.problems == []
