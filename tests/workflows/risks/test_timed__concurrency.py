"""Two sweepers at once (two beat ticks overlapping, two workers) on PostgreSQL: each overdue
measure escalates exactly once per level, each due review opens once, and two collection sweeps
raise one credit risk per contract. Real threads, each with its own connection."""

from collections import Counter
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.audit.models import AuditEvent
from core.inbox import services as inbox
from core.inbox.models import OutboxMessage
from tests.core.inbox.helpers import run_together, verify_in_own_connection
from tests.workflows.contracts.conftest import (  # noqa: F401  (fixtures)
    customer,
    in_parallel,
    signed,
    submitted,
)
from workflows.contracts.models import Milestone
from workflows.contracts.services import collections_sweep, milestone_add
from workflows.risks.models import CreditAlertLink, Measure, Review, Risk, RiskEscalation
from workflows.risks.services import credit_risks_from_alerts, risks_sweep

from .conftest import CRITICAL, LOW, TODAY, open_item

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

RISKS = 12


def sweeping_on(day):
    now = timezone.make_aware(datetime.combine(day, time(10)))
    return lambda: risks_sweep(now=now)


def test_each_measure_escalated_once_per_level_when_two_sweepers_run_together(
        personas, with_plan):
    risks = [with_plan(LOW, title=f"风险{n}") for n in range(RISKS)]
    measures = list(Measure.objects.filter(risk__in=risks))
    due = TODAY()
    Measure.objects.filter(pk__in=[m.pk for m in measures]).update(due_date=due)

    for level, late in enumerate((1, 8, 15), start=1):
        outcomes = run_together([sweeping_on(due + timedelta(days=late))] * 2)

        assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
        assert sum(outcomes) == RISKS
        rows = Counter(RiskEscalation.objects.values_list("measure_id", "level"))
        assert rows == Counter({(m.pk, n): 1 for m in measures for n in range(1, level + 1)})
        events = Counter((d["measure"], d["level"]) for d in AuditEvent.objects.filter(
            event="risk.escalated").values_list("data", flat=True))
        assert events == rows
    # One notification job per escalation and recipient.
    keys = Counter(OutboxMessage.objects.filter(key__startswith="risk-escalation:")
                   .values_list("key", flat=True))
    assert keys and set(keys.values()) == {1}
    result = verify_in_own_connection()
    assert result.ok, result.first_broken


def test_each_review_opened_once_when_two_sweepers_run_together(personas, make_risk):
    risks = [make_risk(CRITICAL, title=f"风险{n}") for n in range(RISKS)]
    start = TODAY() - timedelta(days=7)
    Risk.objects.filter(pk__in=[r.pk for r in risks]).update(
        assessed_at=timezone.make_aware(datetime.combine(start, time(9))))

    outcomes = run_together([sweeping_on(TODAY())] * 2)

    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    assert sum(outcomes) == RISKS
    assert Counter(Review.objects.values_list("risk_id", flat=True)) == Counter(
        {r.pk: 1 for r in risks})


def test_one_credit_risk_per_contract_when_two_collection_sweeps_run_together(
        personas, signed):  # noqa: F811
    contracts = [signed("800000.00") for _ in range(3)]
    for contract in contracts:
        for days in (40, 50):
            milestone_add(contract_id=contract.pk, actor=personas["east_rep1"],
                          kind=Milestone.Kind.COLLECTION, amount=Decimal("100000.00"),
                          due_date=TODAY() - timedelta(days=days))

    outcomes = run_together([collections_sweep] * 2)
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    outcomes = run_together([credit_risks_from_alerts] * 2)

    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    assert Counter(Risk.objects.values_list("contract_id", flat=True)) == Counter(
        {c.pk: 1 for c in contracts})
    assert CreditAlertLink.objects.count() == 6
    assert collections_sweep() == 0 and credit_risks_from_alerts() == 0
    assert Risk.objects.count() == 3


def test_decision_and_sweep_do_not_deadlock_when_they_meet(personas, with_plan):
    """A sweeper escalating a late measure while the approver decides that risk's plan."""
    risks = [with_plan((3, 3), title=f"风险{n}") for n in range(RISKS)]
    Measure.objects.filter(risk__in=risks).update(due_date=TODAY() - timedelta(days=1))
    items = [open_item(r).pk for r in risks]

    def approve_all():
        from core.org.models import User
        mgr = User.objects.get(username="east_mgr")
        return [inbox.task_approve(task_id=pk, actor=mgr).pk for pk in items]

    outcomes = run_together([approve_all, sweeping_on(TODAY())])

    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    assert set(Risk.objects.values_list("state", flat=True)) == {"mitigating"}
