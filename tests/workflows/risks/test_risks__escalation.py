"""Escalation (policy 8, DOMAIN §4): a risk assessed high tells the sales GM at once, critical the
CEO at once; a measure past its due date climbs one level per week late (regional manager →
sales GM → CEO), each level exactly once; a risk approval left past its deadline goes one level
up through the task engine's own sweep."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from core.inbox import timers
from core.inbox.models import Notification, WorkItem
from workflows.risks.models import Measure, RiskEscalation
from workflows.risks.services import risk_assess, risks_sweep

from .conftest import CRITICAL, HIGH, LOW, MEDIUM, TODAY, fresh, holders, open_item

pytestmark = pytest.mark.django_db


def notified(user, risk) -> list[str]:
    rows = Notification.objects.filter(recipient=user, kind="escalated",
                                       request__kind="risk", request__object_id=risk.pk)
    assert all(n.link == f"/risks/{risk.pk}/" for n in rows)
    return [n.display for n in rows]


@pytest.mark.parametrize(("rating", "told", "not_told"), [
    (HIGH, "gm", "ceo"), (CRITICAL, "ceo", "gm"),
])
def test_told_at_once_when_assessed_high_or_critical(make_risk, personas, rating, told,
                                                     not_told,
                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        risk = make_risk(rating)

    assert len(notified(personas[told], risk)) == 1
    assert notified(personas[not_told], risk) == []
    (escalation,) = RiskEscalation.objects.filter(risk=risk)
    assert escalation.reason == "assessed"
    assert escalation.recipients == [personas[told].pk]


@pytest.mark.parametrize("rating", [LOW, MEDIUM])
def test_nobody_told_when_assessed_low_or_medium(make_risk, personas, rating,
                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        risk = make_risk(rating)

    assert not RiskEscalation.objects.filter(risk=risk).exists()
    assert notified(personas["gm"], risk) == [] and notified(personas["ceo"], risk) == []


def test_told_once_per_level_when_reassessed_up_and_down(make_risk, personas,
                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        risk = make_risk(HIGH)
        # Lowering a risk that reached high is the sales GM's call (issue 17).
        for rating, who in ((HIGH, "east_rep1"), (MEDIUM, "gm"), (HIGH, "east_rep1"),
                            (CRITICAL, "east_rep1"), (CRITICAL, "east_rep1")):
            risk_assess(risk_id=risk.pk, actor=personas[who], likelihood=rating[0],
                        impact=rating[1])

    assert len(notified(personas["gm"], risk)) == 1
    assert len(notified(personas["ceo"], risk)) == 1
    assert sorted(RiskEscalation.objects.filter(risk=risk).values_list("level", flat=True)) \
        == [2, 3]


@pytest.fixture
def late_measure(personas, with_plan):
    """A medium east risk in mitigation whose one measure (east_rep2's) was due today."""
    risk = with_plan((1, 5), owner="east_rep1", submit=False)  # score 5: medium
    Measure.objects.filter(risk=risk).update(owner=personas["east_rep2"])
    from core.inbox import services as inbox
    from workflows.risks.services import plan_submit

    plan_submit(risk_id=risk.pk, actor=personas["east_rep1"])
    inbox.task_approve(task_id=open_item(risk).pk, actor=personas["east_mgr"])
    measure = Measure.objects.get(risk=risk)
    Measure.objects.filter(pk=measure.pk).update(due_date=TODAY())
    return fresh(measure)


def sweep_on(day, django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return risks_sweep(now=timezone.make_aware(datetime.combine(day, time(10))))


def test_measure_climbs_one_level_per_week_late_exactly_once(late_measure, personas,
                                                             django_capture_on_commit_callbacks):
    risk, due = late_measure.risk, late_measure.due_date
    sweep = lambda days: sweep_on(due + timedelta(days=days),  # noqa: E731
                                  django_capture_on_commit_callbacks)

    assert sweep(0) == 0  # due today: not late yet
    assert sweep(1) == 1
    assert sweep(1) == 0 and sweep(6) == 0
    assert notified(personas["east_mgr"], risk)
    assert sweep(8) == 1
    assert len(notified(personas["gm"], risk)) == 1
    assert sweep(15) == 1
    assert len(notified(personas["ceo"], risk)) == 1
    assert sweep(15) == 0 and sweep(60) == 0

    rows = RiskEscalation.objects.filter(measure=late_measure).order_by("level")
    assert [(e.level, e.role) for e in rows] == [(1, "regional_manager"), (2, "sales_gm"),
                                                 (3, "ceo")]
    assert len(notified(personas["east_mgr"], risk)) == 1
    # The person responsible hears it is late, once.
    assert Notification.objects.filter(recipient=personas["east_rep2"], kind="reminder",
                                       target=["risks:risk", {"risk_id": risk.pk}]).count() == 1


def test_one_level_per_sweep_when_sweeps_were_missed(late_measure,
                                                     django_capture_on_commit_callbacks):
    day = late_measure.due_date + timedelta(days=30)

    assert [sweep_on(day, django_capture_on_commit_callbacks) for _ in range(4)] == [1, 1, 1, 0]
    assert RiskEscalation.objects.filter(measure=late_measure).count() == 3


def test_no_escalation_when_late_measure_is_done(late_measure, personas,
                                                 django_capture_on_commit_callbacks):
    from workflows.risks.services import measure_done

    with time_machine.travel(timezone.make_aware(
            datetime.combine(late_measure.due_date + timedelta(days=3), time(9))), tick=False):
        measure_done(measure_id=late_measure.pk, actor=personas["east_rep2"])
        assert sweep_on(timezone.localdate(), django_capture_on_commit_callbacks) == 0
    assert not RiskEscalation.objects.filter(measure=late_measure).exists()


def test_skips_the_level_nobody_holds_when_escalating(personas, with_plan,
                                                      django_capture_on_commit_callbacks):
    # The measure's owner is the region's manager: level 1 goes to the sales GM instead.
    risk = with_plan(LOW, owner="east_rep1")
    measure = Measure.objects.get(risk=risk)
    Measure.objects.filter(pk=measure.pk).update(owner=personas["east_mgr"],
                                                 due_date=TODAY() - timedelta(days=1))

    assert sweep_on(TODAY(), django_capture_on_commit_callbacks) == 1
    (row,) = RiskEscalation.objects.filter(measure=measure)
    assert (row.level, row.role, row.recipients) == (1, "sales_gm", [personas["gm"].pk])


def test_risk_approval_goes_one_level_up_when_its_deadline_passes(with_plan, personas,
                                                                  django_capture_on_commit_callbacks):
    risk = with_plan(MEDIUM)
    item = open_item(risk)
    assert holders(item) == {personas["east_mgr"].pk}

    with django_capture_on_commit_callbacks(execute=True):
        result = timers.sweep(now=item.due + timedelta(minutes=1))

    assert result["escalated"] == 1
    assert WorkItem.objects.get(pk=item.pk).assignee_id == personas["gm"].pk
    assert WorkItem.objects.get(pk=item.pk).escalation_level == 1
    assert "risk" in result


def test_fully_escalated_measure_not_looked_at_again(late_measure, monkeypatch,
                                                    django_capture_on_commit_callbacks):
    from workflows.risks.services import timed

    day = late_measure.due_date + timedelta(days=30)
    for _round in range(3):
        sweep_on(day, django_capture_on_commit_callbacks)
    calls = []
    monkeypatch.setattr(timed, "escalate_measure", lambda *args: calls.append(args) or False)

    timed.escalate_overdue_measures(today=day + timedelta(days=30))

    assert calls == []
