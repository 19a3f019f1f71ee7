"""The demo: open risks of every type and level, an overdue measure escalated, a plan waiting on
each approver, the credit risks of the contracts demo; seeding twice changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from core.inbox.models import WorkItem
from workflows.contracts.models import CreditAlert
from workflows.risks.models import (
    CreditAlertLink,
    Measure,
    Review,
    Risk,
    RiskEscalation,
    RiskType,
    Source,
)

pytestmark = pytest.mark.django_db


def test_demo_covers_types_levels_stages_and_is_idempotent(settings):
    settings.DEMO_LOGINS_ALLOWED = True
    call_command("seed_demo", stdout=StringIO())
    counts = (Risk.objects.count(), Measure.objects.count(), RiskEscalation.objects.count(),
              Review.objects.count())

    call_command("seed_demo", stdout=StringIO())

    assert (Risk.objects.count(), Measure.objects.count(), RiskEscalation.objects.count(),
            Review.objects.count()) == counts
    open_risks = Risk.objects.exclude(state="closed")
    assert set(open_risks.values_list("type", flat=True)) == set(RiskType.values)
    assert set(open_risks.exclude(level="").values_list("level", flat=True)) == {
        "low", "medium", "high", "critical"}
    assert {"identified", "plan_submitted", "plan_returned", "mitigating", "monitoring"} <= set(
        open_risks.values_list("state", flat=True))
    assert Risk.objects.filter(state="closed").exists()
    assert RiskEscalation.objects.filter(reason="measure_overdue", level=2).exists()
    waiting_on = set(WorkItem.objects.filter(kind="risk", status="open", is_revision=False)
                     .values_list("assignee__username", flat=True))
    assert {"gm", "ceo"} <= waiting_on
    # Every overdue collection of the contracts demo raised (or joined) a credit risk.
    assert CreditAlert.objects.exists()
    assert CreditAlertLink.objects.count() == CreditAlert.objects.count()
    assert Risk.objects.filter(source=Source.COLLECTION, type="credit").exists()
    assert Review.objects.filter(state="open").exists()
