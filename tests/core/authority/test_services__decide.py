from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from core.authority.services import DecisionContext, ensure_can_decide
from core.exceptions import (
    NotYourTaskError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.org import selectors
from core.org.models import Role, RoleAssignment, User
from tests.factories import DelegationFactory


def deputise(principal, deputy, *, kinds=(), days=(-1, 1)):
    today = selectors.today()
    return DelegationFactory(
        principal=principal,
        deputy=deputy,
        starts_on=today + timedelta(days=days[0]),
        ends_on=today + timedelta(days=days[1]),
        kinds=list(kinds),
    )


@pytest.fixture
def task(personas):
    """east_rep1's expense claim, waiting for east_mgr."""
    return DecisionContext(
        kind="expense",
        submitter_id=personas["east_rep1"].pk,
        assignee_id=personas["east_mgr"].pk,
    )


@pytest.fixture
def queue_task(personas):
    """east_rep1's expense claim in the finance queue: any finance holder may take it."""
    return DecisionContext(
        kind="expense",
        submitter_id=personas["east_rep1"].pk,
        assignee_id=None,
        candidate_ids=frozenset({personas["finance"].pk, personas["finance_clerk"].pk}),
    )


def test_assignee_decides_for_self_when_assigned(personas, task):
    decider = ensure_can_decide(personas["east_mgr"], task)

    assert decider.actor == personas["east_mgr"]
    assert decider.principal == personas["east_mgr"]
    assert decider.on_behalf is False


def test_deputy_decides_for_assignee_when_delegation_active_today(personas, task):
    deputise(personas["east_mgr"], personas["gm"])

    decider = ensure_can_decide(personas["gm"], task)

    assert decider.actor == personas["gm"]
    assert decider.principal == personas["east_mgr"]
    assert decider.on_behalf is True


def test_refused_when_actor_is_someone_else(personas, task):
    with pytest.raises(NotYourTaskError):
        ensure_can_decide(personas["south_mgr"], task)


def test_refused_when_deputy_delegation_covers_other_kinds(personas, task):
    deputise(personas["east_mgr"], personas["gm"], kinds=["contract"])

    with pytest.raises(NotYourTaskError):
        ensure_can_decide(personas["gm"], task)


def test_refused_when_deputy_delegation_expired(personas, task):
    deputise(personas["east_mgr"], personas["gm"], days=(-5, -1))

    with pytest.raises(NotYourTaskError):
        ensure_can_decide(personas["gm"], task)


def test_deputy_refused_from_first_minute_after_delegation_ends(personas, task):
    last_day = date(2025, 7, 31)
    DelegationFactory(
        principal=personas["east_mgr"],
        deputy=personas["gm"],
        starts_on=last_day - timedelta(days=3),
        ends_on=last_day,
    )
    shanghai = ZoneInfo("Asia/Shanghai")

    with time_machine.travel(datetime.combine(last_day, time(23, 59), shanghai), tick=False):
        assert ensure_can_decide(personas["gm"], task).principal == personas["east_mgr"]
    next_day = last_day + timedelta(days=1)
    with (
        time_machine.travel(datetime.combine(next_day, time(0, 0), shanghai), tick=False),
        pytest.raises(NotYourTaskError),
    ):
        ensure_can_decide(personas["gm"], task)


def test_refused_when_deputy_delegation_not_started(personas, task):
    deputise(personas["east_mgr"], personas["gm"], days=(1, 5))

    with pytest.raises(NotYourTaskError):
        ensure_can_decide(personas["gm"], task)


def test_refused_when_actor_is_submitter(personas):
    own = DecisionContext(
        kind="expense",
        submitter_id=personas["east_mgr"].pk,
        assignee_id=personas["east_mgr"].pk,
    )

    with pytest.raises(SegregationOfDutiesError):
        ensure_can_decide(personas["east_mgr"], own)


def test_refused_when_actor_is_submitters_deputy(personas, task):
    deputise(personas["east_rep1"], personas["east_rep2"])

    with pytest.raises(SegregationOfDutiesError):
        ensure_can_decide(personas["east_rep2"], task)


def test_refused_when_submitters_deputy_is_also_assignees_deputy(personas, task):
    deputise(personas["east_rep1"], personas["gm"])
    deputise(personas["east_mgr"], personas["gm"])

    with pytest.raises(SegregationOfDutiesError):
        ensure_can_decide(personas["gm"], task)


def test_refused_when_submitters_deputy_is_the_assignee(personas, task):
    deputise(personas["east_rep1"], personas["east_mgr"])

    with pytest.raises(SegregationOfDutiesError):
        ensure_can_decide(personas["east_mgr"], task)


def test_refused_when_actor_is_auditor(personas, task):
    deputise(personas["east_mgr"], personas["auditor"])

    with pytest.raises(ReadOnlyRoleError):
        ensure_can_decide(personas["auditor"], task)


def test_auditor_decides_when_also_holding_working_role(personas, queue_task):
    RoleAssignment.objects.create(user=personas["auditor"], role=Role.FINANCE)
    auditor = User.objects.get(pk=personas["auditor"].pk)
    ctx = DecisionContext(
        kind=queue_task.kind,
        submitter_id=queue_task.submitter_id,
        assignee_id=None,
        candidate_ids=queue_task.candidate_ids | {auditor.pk},
    )

    assert ensure_can_decide(auditor, ctx).principal == auditor


def test_refused_when_task_closed(personas, task):
    closed = DecisionContext(
        kind=task.kind,
        submitter_id=task.submitter_id,
        assignee_id=task.assignee_id,
        is_open=False,
    )

    with pytest.raises(StateConflictError):
        ensure_can_decide(personas["east_mgr"], closed)


def test_refused_when_actor_inactive(personas, task):
    User.objects.filter(pk=personas["east_mgr"].pk).update(is_active=False)

    with pytest.raises(NotYourTaskError):
        ensure_can_decide(User.objects.get(pk=personas["east_mgr"].pk), task)


def test_context_read_from_task_when_task_provides_one(personas, task):
    class Task:
        def decision_context(self):
            return task

    assert ensure_can_decide(personas["east_mgr"], Task()).principal == personas["east_mgr"]
    with pytest.raises(NotYourTaskError):
        ensure_can_decide(personas["legal"], Task())


@pytest.mark.parametrize("name", ["finance", "finance_clerk"])
def test_candidate_decides_when_task_in_queue(personas, queue_task, name):
    decider = ensure_can_decide(personas[name], queue_task)

    assert decider.principal == personas[name]
    assert decider.on_behalf is False


def test_candidates_deputy_decides_when_task_in_queue(personas, queue_task):
    deputise(personas["finance"], personas["legal"])

    decider = ensure_can_decide(personas["legal"], queue_task)

    assert decider.principal == personas["finance"]
    assert decider.on_behalf is True


@pytest.mark.parametrize("name", ["legal", "east_mgr", "ceo"])
def test_refused_when_not_a_candidate_of_queue_task(personas, queue_task, name):
    with pytest.raises(NotYourTaskError):
        ensure_can_decide(personas[name], queue_task)


def test_refused_when_candidates_deputy_delegation_expired(personas, queue_task):
    deputise(personas["finance"], personas["legal"], days=(-3, -1))

    with pytest.raises(NotYourTaskError):
        ensure_can_decide(personas["legal"], queue_task)


def test_refused_when_queue_candidates_deputy_also_acts_for_submitter(personas, queue_task):
    deputise(personas["finance"], personas["legal"])
    deputise(personas["east_rep1"], personas["legal"])

    with pytest.raises(SegregationOfDutiesError):
        ensure_can_decide(personas["legal"], queue_task)
