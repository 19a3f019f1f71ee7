"""The approver's desk (issue 18): approve and open the next through three tasks; a candidate
deciding straight from a shared queue (或签); and the clicks a line manager and finance need
per claim, counted as the test clicks (figures printed as FIGURE: lines)."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from .test_expenses__journey import PNG_1X1, travel_budget  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# a task opened from the queue tab keeps to that list (?from=tab=queue)
TASK_URL = re.compile(r"/inbox/tasks/(\d+)/(\?from=tab%3Dqueue)?$")


class Clicks:
    """Every click of a person counted, so a figure reads what a person would do."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def __call__(self, locator, *, navigates: bool = True):
        self.count += 1
        if navigates:
            with self.page.expect_navigation():
                locator.click()
        else:
            locator.click()


def _task_id(page) -> int:
    match = TASK_URL.search(page.url)
    assert match, page.url
    return int(match.group(1))


def test_approve_and_open_the_next_walks_three_tasks(page, login, submit_demo, figure):
    from core.inbox.models import WorkItem

    reqs = [submit_demo(rep, title, amount) for rep, title, amount in (
        ("east_rep1", "客户拜访交通费", "860.00"), ("east_rep2", "展会物料", "1200.00"),
        ("east_rep1", "客户招待", "450.00"))]
    login("east_mgr")
    click = Clicks(page)
    click(page.locator(".mainnav a[href='/inbox/']"))
    first_row = page.locator("table.list tbody tr").first
    click(first_row.locator("td[data-label='Number']").get_by_role("link"))

    seen = []
    for i in range(3):
        expect(page.locator("[data-testid='approve-form']")).to_be_visible()
        seen.append(_task_id(page))
        click(page.get_by_role("button", name="Approve and open the next"))
        if i < 2:
            page.wait_for_url(TASK_URL)
            # the next task comes with its own title and the last decision's message
            expect(page.locator(".msg-success")).to_contain_text("Approved: ")
    page.wait_for_url("**/inbox/")
    expect(page.locator(".msg-info")).to_have_text(
        "That was the last one: nothing else waits for you.")
    expect(page.locator("table.list tbody")).to_contain_text("Nothing waits for you.")

    decided = WorkItem.objects.filter(request__in=reqs, decision="approved")
    assert sorted(seen) == sorted(decided.values_list("pk", flat=True))
    assert len(set(seen)) == 3
    # The choice sticks: the next task page offers "and open the next" first.
    figure("clicks for three decisions from the menu", click.count)
    assert click.count == 5  # inbox, the first row, then one click per decision
    assert page.problems == []


def test_candidate_decides_from_the_queue_without_claiming(page, login, personas, submit_demo):
    from core.authority.models import AuthorityBand, AuthorityMatrix
    from core.inbox.models import WorkItem
    from core.org.models import Role, RoleAssignment, User

    from .conftest import PASSWORD

    east = personas["east_mgr"]
    second = User.objects.create_user(
        username="east_mgr2", password=PASSWORD, display_name="钱芳", region=east.region,
        manager=personas["gm"], department=east.department)
    RoleAssignment.objects.create(user=second, role=Role.REGIONAL_MANAGER, region=east.region)
    AuthorityMatrix.objects.filter(kind="demo").delete()
    matrix = AuthorityMatrix.objects.create(kind="demo", category="", region=None)
    AuthorityBand.objects.create(matrix=matrix, min_amount=Decimal("0"), max_amount=None,
                                 steps=[Role.REGIONAL_MANAGER])
    req = submit_demo("east_rep1", "客户拜访交通费", "860.00")
    item = WorkItem.objects.get(request=req, status="open")
    assert item.assignee_id is None

    login("east_mgr2")
    page.locator(".mainnav").get_by_role("link", name=re.compile(r"^Queue")).click()
    page.wait_for_url("**/inbox/?tab=queue")
    page.locator("table.list tbody tr").filter(has_text=req.number).locator(
        "td[data-label='Number']").get_by_role("link").click()
    page.wait_for_url(TASK_URL)
    expect(page.locator(".decide")).to_contain_text("Shared queue (或签)")
    expect(page.get_by_role("button", name="Claim this task")).to_be_visible()
    page.locator("#id_approve-comment").fill("同意。")
    with page.expect_navigation():
        page.get_by_role("button", name="Approve", exact=True).click()

    page.wait_for_url("**/inbox/?tab=queue")  # back to the list the task was opened from
    expect(page.locator(".msg-success")).to_have_text("Approved: 客户拜访交通费")
    item.refresh_from_db()
    assert (item.status, item.decided_by, item.assignee) == ("done", second, second)
    # the other candidate's queue is empty now
    page.goto("/inbox/?tab=queue")
    expect(page.locator("table.list tbody tr").filter(has_text=req.number)).to_have_count(0)
    assert page.problems == []


def _claims(personas, count: int):
    """`count` submitted travel claims of east_rep1, each with a ticket on its line."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from workflows.expenses import services
    from workflows.expenses.services import vouchers

    rep = personas["east_rep1"]
    claims = []
    for i in range(count):
        claim = services.claim_create(
            actor=rep, category="travel", title=f"杭州客户拜访 {i + 1}",
            expense_date=timezone.localdate(),
            lines=[{"date": timezone.localdate(), "item_type": "transport",
                    "description": "往返高铁二等座", "amount": Decimal("320.00")}])
        vouchers.receipt_add(claim_id=claim.pk, actor=rep, line_id=claim.lines.get().pk,
                             kind="ticket",
                             upload=SimpleUploadedFile(f"ticket-{i}.png", PNG_1X1 + bytes([i]),
                                                                "image/png"))
        services.claim_submit(claim_id=claim.pk, actor=rep)
        claims.append(claim)
    return claims


def _decide_all(page, click, count: int):
    for i in range(count):
        # the claim itself is on the task page: its line, standard and the ticket, inline
        expect(page.locator("[data-testid='claim-lines']")).to_contain_text("往返高铁二等座")
        expect(page.locator("[data-testid='preview'] img")).to_have_count(1)
        click(page.get_by_role("button", name="Approve and open the next"))
        page.wait_for_url(TASK_URL if i < count - 1 else re.compile(r"/inbox/$"))


@pytest.mark.usefixtures("travel_budget")
def test_clicks_per_decision_for_the_line_manager_and_finance(page, login, personas, figure):
    claims = _claims(personas, 3)

    login("east_mgr")
    click = Clicks(page)
    click(page.locator(".mainnav a[href='/inbox/']"))
    click(page.locator("table.list tbody tr").first.locator(
        "td[data-label='Number']").get_by_role("link"))
    _decide_all(page, click, len(claims))
    figure("line manager: clicks for 3 claims", click.count)
    figure("line manager: clicks per claim", f"{click.count / len(claims):.2f}")
    assert click.count == 2 + len(claims)
    page.context.clear_cookies()

    login("finance_clerk")
    click = Clicks(page)
    click(page.locator(".mainnav").get_by_role("link", name=re.compile(r"^Queue")))
    click(page.locator("table.list tbody tr").first.locator(
        "td[data-label='Number']").get_by_role("link"))
    _decide_all(page, click, len(claims))  # straight from the queue: no claim click
    figure("finance voucher review: clicks for 3 claims", click.count)
    figure("finance voucher review: clicks per claim", f"{click.count / len(claims):.2f}")
    assert click.count == 2 + len(claims)
    assert page.problems == []
