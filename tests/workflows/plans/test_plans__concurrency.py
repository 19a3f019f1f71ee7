"""Real threads on PostgreSQL: all regional managers confirming at the same instant meet in the
join exactly once (the process row lock serialises them): exactly one plan confirmation, one
waiting step for the sales GM, and then one CEO task."""

import pytest

from core.inbox import services as inbox
from core.org.models import User
from tests.concurrency import run_together
from tests.core.inbox.helpers import verify_in_own_connection
from workflows.plans import services
from workflows.plans.flows import PlanFlow
from workflows.plans.models import PlanState

from .conftest import MANAGERS, confirmation, fresh, open_items, request_of

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = [12, pytest.param(1000, marks=[pytest.mark.slow, pytest.mark.timeout(7200)],
                          id="1000-processes")]


def confirm_as(task_id: int, username: str):
    def run():
        actor = User.objects.get(username=username)  # this thread's own connection
        return inbox.task_approve(task_id=task_id, actor=actor, comment="同意")
    return run


def _race_confirmations(personas, plan):
    items = [(confirmation(plan, r), u) for r, u in MANAGERS.items()]

    outcomes = run_together([confirm_as(item.pk, user) for item, user in items])

    errors = [o for o in outcomes if isinstance(o, BaseException)]
    assert not errors, errors
    plan = fresh(plan)
    assert plan.state == PlanState.CONFIRMED
    assert open_items(plan) == []
    req = request_of(plan)
    handles = PlanFlow.task_class._default_manager.filter(
        process_id=req.process_id, flow_task=PlanFlow.submit_to_ceo)
    assert handles.count() == 1
    assert req.current_step == "sales_gm_submit"
    assert req.waiting_on_ids == [personas["gm"].pk]


@pytest.mark.parametrize("rounds", ROUNDS)
def test_exactly_one_next_step_when_every_region_confirms_at_once(personas, submitted, rounds):
    # One plan per fiscal year (2000-2100): rounds go in batches of 50 years, and a batch's
    # plans are withdrawn once raced so that the next batch may use the same years.
    done = 0
    while done < rounds:
        first = 2040 if done == 0 else 2043  # 2040-2042 stay published after the first batch
        batch = [submitted(year=first + i) for i in range(min(50, rounds - done))]
        for plan in batch:
            _race_confirmations(personas, plan)
        if done == 0:
            for plan in batch[:3]:
                services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
                (ceo,) = open_items(plan)
                inbox.task_approve(task_id=ceo.pk, actor=personas["ceo"])
                assert fresh(plan).state == PlanState.PUBLISHED
            batch = batch[3:]
        done += len(batch) + (3 if done == 0 else 0)
        if done < rounds:
            for plan in batch:
                inbox.request_withdraw(request_id=request_of(plan).pk, actor=personas["gm"])
    result = verify_in_own_connection()
    assert result.ok, result.first_broken


def test_one_outcome_when_a_push_back_races_the_other_confirmations(personas, submitted):
    for i in range(6):
        plan = submitted(year=2060 + i)
        east, south, north = (confirmation(plan, r) for r in ("east", "south", "north"))

        def push_back(item=east):
            actor = User.objects.get(username="east_mgr")
            return inbox.task_return(task_id=item.pk, actor=actor, reason="过高")

        outcomes = run_together([push_back, confirm_as(south.pk, "south_mgr"),
                                 confirm_as(north.pk, "north_mgr")])

        assert not isinstance(outcomes[0], BaseException), outcomes
        plan = fresh(plan)
        assert plan.state == PlanState.RETURNED
        (revise,) = open_items(plan)
        assert revise.is_revision
