from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.inbox import selectors, services
from core.inbox.models import Candidate, Notification, WorkItem
from core.inbox.selectors import ARCHIVE, INBOX, QUEUE, UNREAD, TaskFilters, tasks_for
from core.org.models import Delegation

from .helpers import open_item

pytestmark = pytest.mark.django_db


def set_due(item: WorkItem, due, created=None) -> WorkItem:
    fields = {"due": due, **({"created": created} if created else {})}
    WorkItem.objects.filter(pk=item.pk).update(**fields)
    Candidate.objects.filter(work_item=item).update(**fields)  # the queue's mirror of the task
    item.refresh_from_db()
    return item


def delegate(principal, deputy, *, kinds=None, days=(0, 0)):
    today = timezone.localdate()
    return Delegation.objects.create(principal=principal, deputy=deputy,
                                     starts_on=today + timedelta(days=days[0]),
                                     ends_on=today + timedelta(days=days[1]), kinds=kinds or [])


@pytest.fixture
def five_for_east_mgr(submit):
    """Five open tasks for east_mgr with known deadlines (relative to now)."""
    now = timezone.now()
    items = {
        name: open_item(submit(user, amount, title=name))
        for name, user, amount in [
            ("due-later-new", "east_rep1", "100"),
            ("overdue-1h", "east_rep2", "2000"),
            ("no-due", "east_rep1", "300"),
            ("overdue-2d", "east_rep3", "15000"),
            ("due-later-old", "east_rep2", "500"),
        ]
    }
    set_due(items["due-later-new"], now + timedelta(days=1), created=now - timedelta(hours=1))
    set_due(items["overdue-1h"], now - timedelta(hours=1))
    set_due(items["no-due"], None)
    set_due(items["overdue-2d"], now - timedelta(days=2))
    set_due(items["due-later-old"], now + timedelta(days=1), created=now - timedelta(days=3))
    return items


def titles(qs) -> list[str]:
    return [t.title for t in qs]


def test_overdue_first_then_due_then_created_when_listing_inbox(personas, five_for_east_mgr):
    assert titles(tasks_for(personas["east_mgr"], INBOX)) == [
        "overdue-2d", "overdue-1h", "due-later-old", "due-later-new", "no-due"]


ALL_FIVE = ["overdue-2d", "overdue-1h", "due-later-old", "due-later-new", "no-due"]
FILTERED = [
    (TaskFilters(overdue=True), ["overdue-2d", "overdue-1h"]),
    (TaskFilters(amount_min=Decimal("500")), ["overdue-2d", "overdue-1h", "due-later-old"]),
    (TaskFilters(amount_max=Decimal("300")), ["due-later-new", "no-due"]),
    (TaskFilters(amount_min=Decimal("300"), amount_max=Decimal("2000")),
     ["overdue-1h", "due-later-old", "no-due"]),
    (TaskFilters(kind="demo"), ALL_FIVE),
    (TaskFilters(kind="expense"), []),
    (TaskFilters(step="line_manager"), ALL_FIVE),
    (TaskFilters(step="sales_gm"), []),
    (TaskFilters(overdue=True, amount_max=Decimal("5000")), ["overdue-1h"]),
]


def test_only_matching_tasks_when_inbox_filtered(personas, five_for_east_mgr):
    got = [titles(tasks_for(personas["east_mgr"], INBOX, f)) for f, _expected in FILTERED]

    assert got == [expected for _f, expected in FILTERED]


def test_only_that_submitters_tasks_when_filtered_by_submitter(personas, five_for_east_mgr):
    filters = TaskFilters(submitter=personas["east_rep2"].pk)

    assert titles(tasks_for(personas["east_mgr"], INBOX, filters)) == [
        "overdue-1h", "due-later-old"]


def test_inbox_empty_when_user_holds_no_task(personas, five_for_east_mgr):
    for name in ("south_mgr", "east_rep1", "gm", "auditor"):
        assert list(tasks_for(personas[name], INBOX)) == []


def test_error_when_scope_unknown(personas):
    with pytest.raises(ValueError):
        tasks_for(personas["east_mgr"], "everything")


def test_decided_tasks_newest_first_when_listing_archive(submit, personas):
    first = open_item(submit(title="first"))
    second = open_item(submit(title="second"))
    third = open_item(submit(title="third"))
    services.task_approve(task_id=first.pk, actor=personas["east_mgr"])
    services.task_reject(task_id=second.pk, actor=personas["east_mgr"], reason="no")

    archive = list(tasks_for(personas["east_mgr"], ARCHIVE))

    assert titles(archive) == ["second", "first"]
    assert third.pk not in [t.pk for t in archive]
    assert titles(tasks_for(personas["east_mgr"], ARCHIVE, TaskFilters(amount_min=1000))) == []
    assert list(tasks_for(personas["gm"], ARCHIVE)) == []


def test_queue_ordered_by_due_then_created_when_listing_candidates_queue(
    submit, personas, east_queue, queue_matrix
):
    now = timezone.now()
    later = set_due(open_item(submit(title="later")), now + timedelta(hours=5))
    overdue = set_due(open_item(submit(title="overdue")), now - timedelta(hours=5))
    soon_old = set_due(open_item(submit(title="soon-old")), now + timedelta(hours=1),
                       created=now - timedelta(days=1))
    soon_new = set_due(open_item(submit(title="soon-new")), now + timedelta(hours=1))

    for user in (personas["east_mgr"], east_queue):
        assert titles(tasks_for(user, QUEUE)) == ["overdue", "soon-old", "soon-new", "later"]
        assert list(tasks_for(user, INBOX)) == []

    services.task_claim(task_id=soon_new.pk, actor=east_queue)
    assert titles(tasks_for(personas["east_mgr"], QUEUE)) == ["overdue", "soon-old", "later"]
    assert titles(tasks_for(east_queue, INBOX)) == ["soon-new"]
    assert titles(tasks_for(east_queue, QUEUE, TaskFilters(overdue=True))) == ["overdue"]
    assert {later.pk, overdue.pk, soon_old.pk} == {
        t.pk for t in tasks_for(east_queue, QUEUE)}
    assert list(tasks_for(personas["south_mgr"], QUEUE)) == []


def test_counts_match_lists_when_user_has_inbox_and_queue(submit, personas, east_queue,
                                                          queue_matrix):
    queued = [open_item(submit()) for _ in range(3)]
    services.task_claim(task_id=queued[0].pk, actor=east_queue)

    for user, inbox, queue in ((east_queue, 1, 2), (personas["east_mgr"], 0, 2)):
        unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        assert selectors.task_counts(user) == {INBOX: inbox, QUEUE: queue, UNREAD: unread}
        assert inbox == tasks_for(user, INBOX).count() and queue == tasks_for(user, QUEUE).count()


def test_counts_the_same_one_statement_or_the_deputy_way(submit, personas, east_queue,
                                                         queue_matrix):
    queued = [open_item(submit()) for _ in range(3)]
    services.task_claim(task_id=queued[0].pk, actor=east_queue)
    for i in range(3):
        Notification.objects.create(recipient=east_queue, kind="task", text=f"n{i}", url="/",
                                    dedupe_key=f"counts:{i}",
                                    read_at=timezone.now() if i == 0 else None)
    east_queue = type(east_queue).objects.get(pk=east_queue.pk)

    with CaptureQueriesContext(connection) as one:
        quick = selectors.task_counts(east_queue)
    # the way a deputy's counts are taken (ORM, acting_q), for the same person
    east_queue = type(east_queue).objects.get(pk=east_queue.pk)
    east_queue._cs_delegations = {10**9: None}  # acts for someone with no tasks at all
    slow = selectors.task_counts(east_queue)

    assert quick == slow
    assert quick == {INBOX: 1, QUEUE: 2, UNREAD: 2}
    assert len([q for q in one.captured_queries if "COUNT" in q["sql"]]) == 1


def test_deputy_sees_principals_inbox_when_delegation_active_today(personas, five_for_east_mgr):
    delegate(personas["east_mgr"], personas["south_rep1"])
    deputy = personas["south_rep1"]

    assert titles(tasks_for(deputy, INBOX)) == [
        "overdue-2d", "overdue-1h", "due-later-old", "due-later-new", "no-due"]
    assert selectors.task_counts(deputy)[INBOX] == 5


def test_deputy_inbox_empty_when_delegation_not_active_today(personas, five_for_east_mgr):
    delegate(personas["east_mgr"], personas["south_rep1"], days=(1, 4))

    assert list(tasks_for(personas["south_rep1"], INBOX)) == []


def test_principals_tasks_hidden_when_delegation_covers_other_kinds(submit, personas):
    item = open_item(submit())
    delegate(personas["east_mgr"], personas["south_rep1"], kinds=["expense"])

    assert item.pk not in [t.pk for t in tasks_for(personas["south_rep1"], INBOX)]


def test_candidates_carry_the_task_columns_the_four_eyes_rule_reads(submit, east_queue,
                                                                    queue_matrix):
    item = open_item(submit())

    rows = list(Candidate.objects.filter(work_item=item).values(
        "request_id", "step_code", "round", "is_revision", "submitter_id"))
    assert len(rows) == 2
    assert all(row == {"request_id": item.request_id, "step_code": item.step_code,
                       "round": item.round, "is_revision": item.is_revision,
                       "submitter_id": item.submitter_id} for row in rows)


def queued_after_deciding_the_first_step(submit, personas, east_queue):
    """east_mgr queued for the GM step of a request whose first step he decided (as the record
    says), and for another request's step he may decide: (east_mgr, barred task, other task)."""
    east_mgr = personas["east_mgr"]
    req = submit("east_rep1", "12000.00")
    first = open_item(req)
    services.task_approve(task_id=first.pk, actor=east_queue)
    gm_step = open_item(req)
    WorkItem.objects.filter(pk=first.pk).update(decided_by=east_mgr)
    Candidate.objects.create(work_item=gm_step, user=east_mgr, due=gm_step.due,
                             request_id=gm_step.request_id, step_code=gm_step.step_code,
                             round=gm_step.round, submitter_id=gm_step.submitter_id)
    other = open_item(submit("east_rep1", "12000.00"))
    return type(east_mgr).objects.get(pk=east_mgr.pk), gm_step, other


def test_queue_and_its_count_leave_out_a_step_the_candidate_may_not_decide(
        submit, personas, east_queue, queue_matrix):
    """The menu counts the queue from the candidate rows alone: a candidate who decided
    another step of the request this round neither sees the task nor counts it."""
    user, gm_step, other = queued_after_deciding_the_first_step(submit, personas, east_queue)
    assert list(tasks_for(user, QUEUE)) == [other]
    assert selectors.task_counts(user)[QUEUE] == 1
    # the rule still holds for everyone else: east_queue decided the first step too
    assert gm_step not in tasks_for(type(east_queue).objects.get(pk=east_queue.pk), QUEUE)


# --- the compiled lists (selectors.TaskList): the same rows, in the same order ---------------

SORTS = ["", *selectors.search.TASK_SORTS]


def pages(listed, size=2) -> list:
    """Every row of a list read a page at a time, as the paginator reads it."""
    rows, start = [], 0
    while chunk := list(listed[start:start + size]):
        rows.extend(chunk)
        start += size
    return rows


def test_a_compiled_list_has_the_selectors_rows_in_its_order_for_every_scope_and_sort(
        submit, personas, east_queue, queue_matrix, five_for_east_mgr):
    east_mgr = personas["east_mgr"]
    queued = [open_item(submit(title=f"queued-{i}")) for i in range(3)]
    services.task_claim(task_id=queued[0].pk, actor=east_queue)
    services.task_approve(task_id=queued[0].pk, actor=east_queue)  # east_queue's archive
    services.task_approve(task_id=five_for_east_mgr["no-due"].pk, actor=east_mgr)
    compared = 0
    for user in (east_mgr, east_queue, personas["east_rep1"]):
        for scope in selectors.SCOPES:
            for sort in SORTS:
                user = type(user).objects.get(pk=user.pk)
                listed = selectors.task_list(user, scope, TaskFilters(sort=sort))
                assert isinstance(listed, selectors.TaskList)
                expected = list(tasks_for(user, scope, TaskFilters(sort=sort)))
                assert [t.pk for t in pages(listed)] == [t.pk for t in expected], (
                    user, scope, sort)
                assert listed.count() == len(expected)
                compared += len(expected)
    assert compared > 30  # every user's lists held rows, not only empty ones


def test_a_compiled_list_leaves_out_what_the_four_eyes_rule_leaves_out(
        submit, personas, east_queue, queue_matrix):
    user, _barred, other = queued_after_deciding_the_first_step(submit, personas, east_queue)
    listed = selectors.task_list(user, QUEUE)
    assert [t.pk for t in listed[0:25]] == [other.pk] and listed.count() == 1


def test_a_compiled_list_reads_two_statements_a_page_and_none_to_build(
        submit, personas, five_for_east_mgr):
    user = type(personas["east_mgr"]).objects.get(pk=personas["east_mgr"].pk)
    list(selectors.task_list(user, INBOX)[0:25])  # compiled (if not yet in this process)
    with CaptureQueriesContext(connection) as queries:
        rows = selectors.task_list(user, INBOX)[0:3]
    assert len(rows) == 3 and len(queries) == 2, [q["sql"][:80] for q in queries]
    # the page's own columns only: reading a row's shown fields asks nothing more
    with CaptureQueriesContext(connection) as more:
        [(row.title, row.amount, str(row.submitter), row.due) for row in rows]
    assert len(more) == 0


def test_a_deputy_or_a_filter_gets_the_selectors_queryset(submit, personas, five_for_east_mgr):
    east_mgr = personas["east_mgr"]
    assert not isinstance(selectors.task_list(east_mgr, INBOX, TaskFilters(q="overdue")),
                          selectors.TaskList)
    delegate(east_mgr, personas["south_rep1"])
    deputy = type(east_mgr).objects.get(pk=personas["south_rep1"].pk)
    listed = selectors.task_list(deputy, INBOX)
    assert not isinstance(listed, selectors.TaskList)
    assert {t.pk for t in listed} == {t.pk for t in five_for_east_mgr.values()}


def test_a_compiled_list_is_each_users_own(submit, personas, five_for_east_mgr):
    """The statement is compiled once for a probe id: each user's run lists their own."""
    mine = selectors.task_list(personas["east_mgr"], INBOX)[0:25]
    theirs = selectors.task_list(personas["south_mgr"], INBOX)[0:25]
    assert {t.pk for t in mine} == {t.pk for t in five_for_east_mgr.values()}
    assert theirs == [] and all(t.assignee_id == personas["east_mgr"].pk for t in mine)
