"""Measures carried out, then monitoring, then closing (policy 8.2): a low or medium risk is
closed by whoever manages it; a high or critical risk's closure goes to the same approver as
its plan (the sales GM, the CEO)."""

import pytest

from core.exceptions import (
    InvalidInputError,
    NotYourTaskError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.inbox import services as inbox
from core.inbox.models import RequestStatus
from tests.core.inbox.helpers import one_audit_event
from workflows.risks.models import Measure, Review, RiskState
from workflows.risks.services import measure_add, measure_done, risk_close

from .conftest import (
    CRITICAL,
    HIGH,
    LOW,
    MEDIUM,
    TODAY,
    fresh,
    holders,
    open_item,
    open_items,
    request_of,
)

pytestmark = pytest.mark.django_db

APPROVER = {MEDIUM: "east_mgr", HIGH: "gm", CRITICAL: "ceo"}


@pytest.fixture
def monitored(personas, with_plan):
    """monitored(HIGH) -> a risk whose plan was approved and whose one measure is done."""

    def run(rating=MEDIUM, **kwargs):
        risk = with_plan(rating, **kwargs)
        if rating != LOW:
            inbox.task_approve(task_id=open_item(risk).pk, actor=personas[APPROVER[rating]])
        (measure,) = Measure.objects.filter(risk=risk)
        measure_done(measure_id=measure.pk, actor=personas["east_rep1"])
        risk = fresh(risk)
        assert risk.state == RiskState.MONITORING
        return risk

    return run


def test_risk_monitored_when_its_last_measure_is_done(with_plan, personas):
    risk = with_plan(LOW)
    first = Measure.objects.get(risk=risk)
    measure_add(risk_id=risk.pk, actor=personas["east_rep1"], description="客户信用评估",
                owner=personas["east_rep2"], due_date=TODAY())

    measure_done(measure_id=first.pk, actor=personas["east_rep1"])
    assert fresh(risk).state == RiskState.MITIGATING
    with one_audit_event("risk.measure_done"):
        measure_done(measure_id=Measure.objects.get(risk=risk, done_date=None).pk,
                     actor=personas["east_rep2"])  # the measure's own owner

    assert fresh(risk).state == RiskState.MONITORING


def test_back_to_mitigating_when_a_measure_is_added_while_monitoring(monitored, personas):
    risk = monitored(LOW)

    measure_add(risk_id=risk.pk, actor=personas["east_mgr"], description="复查",
                owner=personas["east_rep1"], due_date=TODAY())

    assert fresh(risk).state == RiskState.MITIGATING


@pytest.mark.parametrize(("rating", "who"), [(LOW, "east_rep1"), (MEDIUM, "east_rep1"),
                                             (MEDIUM, "east_mgr"), (MEDIUM, "gm")])
def test_closed_at_once_when_low_or_medium_risk_is_closed_by_its_manager(monitored, personas,
                                                                         rating, who):
    risk = monitored(rating)

    with one_audit_event("risk.closed"):
        risk_close(risk_id=risk.pk, actor=personas[who], reason="风险已消除")

    risk = fresh(risk)
    assert risk.state == RiskState.CLOSED and risk.closed_at is not None
    assert request_of(risk).status == RequestStatus.DONE


@pytest.mark.parametrize("rating", [HIGH, CRITICAL])
def test_closure_waits_on_the_plans_approver_when_high_or_critical(monitored, personas,
                                                                   rating):
    risk = monitored(rating)

    risk_close(risk_id=risk.pk, actor=personas["east_rep1"], reason="应收账款已收回")

    risk = fresh(risk)
    assert risk.state == RiskState.CLOSING
    item = open_item(risk)
    assert item.step_code == "close_review"
    assert holders(item) == {personas[APPROVER[rating]].pk}
    inbox.task_approve(task_id=item.pk, actor=personas[APPROVER[rating]], comment="同意关闭")
    risk = fresh(risk)
    assert risk.state == RiskState.CLOSED and risk.closed_at is not None


@pytest.mark.parametrize(("rating", "wrong"), [(HIGH, "east_mgr"), (CRITICAL, "gm"),
                                               (HIGH, "east_rep2")])
def test_refused_when_closure_approved_without_the_levels_authority(monitored, personas,
                                                                    rating, wrong):
    risk = monitored(rating)
    risk_close(risk_id=risk.pk, actor=personas["east_rep1"], reason="已收回")

    with pytest.raises(NotYourTaskError):
        inbox.task_approve(task_id=open_item(risk).pk, actor=personas[wrong])
    with pytest.raises(SegregationOfDutiesError):
        inbox.task_approve(task_id=open_item(risk).pk, actor=personas["east_rep1"])
    assert fresh(risk).state == RiskState.CLOSING


def test_risk_monitored_again_when_closure_rejected(monitored, personas):
    risk = monitored(HIGH)
    risk_close(risk_id=risk.pk, actor=personas["east_rep1"], reason="已收回")

    inbox.task_reject(task_id=open_item(risk).pk, actor=personas["gm"], reason="仍有风险")

    assert fresh(risk).state == RiskState.MONITORING
    assert open_items(risk) == []


def test_closure_resubmitted_when_returned_to_its_requester(monitored, personas):
    risk = monitored(CRITICAL)
    risk_close(risk_id=risk.pk, actor=personas["east_rep1"], reason="已收回")
    inbox.task_return(task_id=open_item(risk).pk, actor=personas["ceo"], reason="附上收款凭证")
    assert fresh(risk).state == RiskState.CLOSING
    assert open_item(risk).is_revision

    inbox.request_resubmit(request_id=request_of(risk).pk, actor=personas["east_rep1"],
                           comment="已附")

    item = open_item(risk)
    assert item.step_code == "close_review" and holders(item) == {personas["ceo"].pk}
    inbox.task_approve(task_id=item.pk, actor=personas["ceo"])
    assert fresh(risk).state == RiskState.CLOSED


def test_risk_monitored_again_when_closure_withdrawn(monitored, personas):
    risk = monitored(HIGH)
    risk_close(risk_id=risk.pk, actor=personas["east_rep1"], reason="已收回")

    inbox.request_withdraw(request_id=request_of(risk).pk, actor=personas["east_rep1"])

    assert fresh(risk).state == RiskState.MONITORING


@pytest.mark.parametrize(("who", "error"), [
    ("east_rep2", PermissionDeniedError), ("south_mgr", PermissionDeniedError),
    ("legal", PermissionDeniedError), ("auditor", ReadOnlyRoleError),
])
def test_refused_when_closed_without_authority(monitored, personas, who, error):
    risk = monitored(MEDIUM)

    with pytest.raises(error):
        risk_close(risk_id=risk.pk, actor=personas[who], reason="x")
    assert fresh(risk).state == RiskState.MONITORING


def test_refused_when_closed_before_its_measures_are_done(with_plan, personas):
    risk = with_plan(LOW)

    with pytest.raises(StateConflictError):
        risk_close(risk_id=risk.pk, actor=personas["east_rep1"], reason="x")
    assert fresh(risk).state == RiskState.MITIGATING


def test_refused_when_closed_without_a_reason(monitored, personas):
    risk = monitored(LOW)

    with pytest.raises(InvalidInputError) as exc:
        risk_close(risk_id=risk.pk, actor=personas["east_rep1"], reason="  ")
    assert "reason" in exc.value.fields


def test_open_reviews_lapse_when_risk_is_closed(monitored, personas):
    risk = monitored(MEDIUM)
    review = Review.objects.create(risk=risk, due_date=TODAY(), assignee=personas["east_rep1"])

    risk_close(risk_id=risk.pk, actor=personas["east_rep1"], reason="已消除")

    assert fresh(review).state == Review.State.DONE


@pytest.mark.parametrize("who", ["east_rep2", "south_mgr", "auditor"])
def test_refused_when_measure_marked_done_by_someone_unrelated(with_plan, personas, who):
    risk = with_plan(LOW)
    measure = Measure.objects.get(risk=risk)

    with pytest.raises(PermissionDeniedError):
        measure_done(measure_id=measure.pk, actor=personas[who])
    assert fresh(measure).done_date is None


def test_refused_when_measure_done_twice_or_before_plan_is_in_force(with_plan, personas):
    pending = with_plan(MEDIUM)
    with pytest.raises(StateConflictError):
        measure_done(measure_id=Measure.objects.get(risk=pending).pk,
                     actor=personas["east_rep1"])
    risk = with_plan(LOW, title="另一风险")
    measure = Measure.objects.get(risk=risk)
    measure_add(risk_id=risk.pk, actor=personas["east_rep1"], description="第二项",
                owner=personas["east_rep1"], due_date=TODAY())
    measure_done(measure_id=measure.pk, actor=personas["east_rep1"])

    with pytest.raises(StateConflictError):
        measure_done(measure_id=measure.pk, actor=personas["east_rep1"])
