"""A 2-of-3 countersign step (会签 n-of-m) on the task page and the request's route, in English
and zh-hans, on a laptop and a phone: the group says "2 of 3 must approve (1 so far)" and each
signer's state; the page does not scroll sideways. Screenshots: test-artifacts/screenshots/."""

from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CASES = {"en-1366": ("en-US", "en", 1366), "en-390": ("en-US", "en", 390),
         "zh-1366": ("zh-CN", "zh-hans", 1366), "zh-390": ("zh-CN", "zh-hans", 390)}
SAYS = {"en": "2 of 3 must approve (1 so far)", "zh-hans": "3 人中须 2 人同意（已同意 1 人）"}


@pytest.fixture(params=list(CASES))
def case(request):
    return request.param


@pytest.fixture
def context_options(case):
    locale, lang, width = CASES[case]
    return {"locale": locale, "extra_http_headers": {"Accept-Language": lang},
            "viewport": {"width": width, "height": 900}}


def test_a_two_of_three_step_shows_each_signer(page, login, personas, submit_demo, case):
    from core.authority.models import AuthorityBand, AuthorityMatrix
    from core.inbox import services
    from core.inbox.models import WorkItem, WorkItemStatus
    from core.org.models import Role, RoleAssignment, User

    third = User.objects.create_user(username="legal3", display_name="孙倩",
                                     email="l3@example.com", manager=personas["legal"])
    RoleAssignment.objects.create(user=third, role=Role.LEGAL)
    AuthorityMatrix.objects.filter(kind="demo").delete()
    matrix = AuthorityMatrix.objects.create(kind="demo")
    AuthorityBand.objects.create(matrix=matrix, min_amount=Decimal("0"),
                                 steps=["line_manager", Role.LEGAL, Role.SALES_GM],
                                 quorums={Role.LEGAL: 2})
    req = submit_demo("east_rep1", "华东区年度框架协议法务会签", "86000.00")
    services.task_approve(task_id=WorkItem.objects.get(request=req, status="open").pk,
                          actor=personas["east_mgr"])
    tasks = {i.assignee.username: i for i in
             WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN)}
    services.task_approve(task_id=tasks["legal"].pk, actor=personas["legal"], comment="条款可以")

    _locale, lang, width = CASES[case]
    login("legal2", f"/inbox/tasks/{tasks['legal2'].pk}/")
    group = page.locator("#route li.stop-group")
    expect(group).to_contain_text(SAYS[lang])
    expect(group.locator(".branch")).to_have_count(3)
    expect(group.locator(".branch[data-state='done']")).to_contain_text("郭琳")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"quorum-task-{case}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width + 1, f"scrolls sideways at {width}px: {overflow}"

    page.goto(f"/requests/{req.pk}/")
    expect(page.locator("#route li.stop-group")).to_contain_text(SAYS[lang])
    page.screenshot(path=str(SHOTS / f"quorum-request-{case}.png"), full_page=True)
    assert page.problems == []
