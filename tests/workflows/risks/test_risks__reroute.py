"""A re-assessment that raises the level while the plan (or the closure) waits moves the open
approval to the new level's approver, audited as a reassignment; a lower level leaves it."""

import pytest

from core.audit.models import AuditEvent
from core.exceptions import NotYourTaskError
from core.inbox import services as inbox
from core.inbox.models import Request
from workflows.risks.models import Measure, RiskState
from workflows.risks.services import measure_done, risk_assess, risk_close

from .conftest import CRITICAL, HIGH, LOW, MEDIUM, fresh, holders, open_item, request_of

pytestmark = pytest.mark.django_db


def assess(risk, who, rating, personas):
    risk_assess(risk_id=risk.pk, actor=personas[who], likelihood=rating[0], impact=rating[1],
                comment="重新评估")


@pytest.mark.parametrize(("rating", "to"), [(HIGH, "gm"), (CRITICAL, "ceo")])
def test_approval_moves_up_when_plan_in_approval_is_reassessed_higher(with_plan, personas,
                                                                     rating, to):
    risk = with_plan(MEDIUM)
    item = open_item(risk)

    assess(risk, "east_mgr", rating, personas)

    moved = open_item(risk)
    assert moved.pk == item.pk and holders(moved) == {personas[to].pk}
    assert fresh(risk).routed_role == {"gm": "sales_gm", "ceo": "ceo"}[to]
    assert Request.objects.get(pk=item.request_id).waiting_on_ids == [personas[to].pk]
    event = AuditEvent.objects.filter(subject_kind="risk", subject_id=str(risk.pk),
                                      event="risk.task_reassigned").get()
    assert event.changes == {"assignee": [personas["east_mgr"].pk, personas[to].pk]}
    assert event.data["rerouted"] is True and event.actor == personas["east_mgr"]
    with pytest.raises(NotYourTaskError):
        inbox.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    inbox.task_approve(task_id=item.pk, actor=personas[to])
    assert fresh(risk).state == RiskState.MITIGATING


def test_approval_stays_when_reassessed_lower(with_plan, personas):
    risk = with_plan(HIGH)

    assess(risk, "gm", MEDIUM, personas)

    assert holders(open_item(risk)) == {personas["gm"].pk}
    assert not AuditEvent.objects.filter(subject_id=str(risk.pk),
                                         event="risk.task_reassigned").exists()


def test_resubmitted_plan_goes_to_the_new_level_when_reassessed_while_returned(
        with_plan, personas):
    risk = with_plan(MEDIUM)
    inbox.task_return(task_id=open_item(risk).pk, actor=personas["east_mgr"], reason="补充")

    assess(risk, "east_rep1", CRITICAL, personas)
    inbox.request_resubmit(request_id=request_of(risk).pk, actor=personas["east_rep1"])

    assert holders(open_item(risk)) == {personas["ceo"].pk}


def test_closure_moves_up_when_reassessed_critical_while_waiting(with_plan, personas):
    risk = with_plan(HIGH)
    inbox.task_approve(task_id=open_item(risk).pk, actor=personas["gm"])
    measure_done(measure_id=Measure.objects.get(risk=risk).pk, actor=personas["east_rep1"])
    risk_close(risk_id=risk.pk, actor=personas["east_rep1"], reason="已收回")
    assert holders(open_item(risk)) == {personas["gm"].pk}

    assess(risk, "gm", CRITICAL, personas)

    assert holders(open_item(risk)) == {personas["ceo"].pk}


def test_low_risk_in_mitigation_keeps_going_when_reassessed_medium(with_plan, personas):
    risk = with_plan(LOW)

    assess(risk, "east_rep1", MEDIUM, personas)

    risk = fresh(risk)
    assert (risk.state, risk.level) == (RiskState.MITIGATING, "medium")


def test_approval_stays_with_the_ceo_when_the_deadline_already_moved_it_up(with_plan, personas,
                                                                          django_capture_on_commit_callbacks):
    from datetime import timedelta

    from core.inbox import timers

    risk = with_plan(MEDIUM)
    item = open_item(risk)
    with django_capture_on_commit_callbacks(execute=True):
        timers.sweep(now=item.due + timedelta(minutes=1))  # east_mgr → gm
        moved = open_item(risk)
        timers.sweep(now=moved.due + timedelta(minutes=1))  # gm → ceo
    assert holders(open_item(risk)) == {personas["ceo"].pk}

    assess(risk, "east_rep1", HIGH, personas)

    assert holders(open_item(risk)) == {personas["ceo"].pk}
    assert fresh(risk).routed_role == "sales_gm"
