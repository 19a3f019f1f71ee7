"""Credit risks from overdue collections (policy 8.1 信用风险, 8.3): the contracts' collection
sweep records an alert per collection overdue over 30 days, and the risks sweep raises one
credit risk per contract from them, linked to its customer and contract, assessed by the rule
and owned by the account owner; sweeping again raises nothing more. risks reads contracts;
contracts knows nothing of risks."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core import engine
from core.inbox import services as inbox
from core.inbox.models import WorkItem
from tests.workflows.contracts.conftest import (  # noqa: F401  (fixtures)
    customer,
    in_parallel,
    signed,
    submitted,
)
from workflows.contracts.models import CreditAlert, Milestone
from workflows.contracts.services import collections_sweep, milestone_add, milestone_done
from workflows.risks.models import CreditAlertLink, Risk, RiskState, Source
from workflows.risks.services import (
    credit_risks_from_alerts,
    measure_add,
    measure_done,
    plan_submit,
    risk_assess,
    risk_close,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def sweep() -> int:
    """The contracts' alerts, then the risks raised from them (as the periodic sweep runs them,
    contracts first); returns the alerts recorded."""
    made = collections_sweep()
    credit_risks_from_alerts()
    return made


def collection(personas, contract, amount, days_from_today):
    return milestone_add(contract_id=contract.pk, actor=personas["east_rep1"],
                         kind=Milestone.Kind.COLLECTION, amount=Decimal(amount),
                         due_date=TODAY() + timedelta(days=days_from_today))


def test_one_credit_risk_per_contract_when_swept_twice(personas, customer, signed):  # noqa: F811
    contract = signed("900000.00")
    collection(personas, contract, "100000.00", -31)
    collection(personas, contract, "200000.00", -45)
    collection(personas, contract, "300000.00", -30)  # not yet over 30 days

    assert sweep() == 2
    assert sweep() == 0

    (risk,) = Risk.objects.all()
    assert (risk.type, risk.source) == ("credit", Source.COLLECTION)
    assert (risk.customer_id, risk.contract_id) == (customer.pk, contract.pk)
    assert risk.owner == personas["east_rep1"] and risk.region.code == "east"
    assert risk.identified_by is None  # raised by the system
    assert risk.state == RiskState.ASSESSED and risk.level == "medium"  # 3 × 3
    assert CreditAlertLink.objects.filter(risk=risk).count() == 2
    assert CreditAlert.objects.count() == 2


def test_other_contract_gets_its_own_risk_when_its_collection_is_late(personas, customer,  # noqa: F811
                                                                      signed):  # noqa: F811
    first, second = signed("500000.00"), signed("700000.00")
    collection(personas, first, "100000.00", -40)
    collection(personas, second, "600000.00", -95)

    sweep()

    risks = {r.contract_id: r for r in Risk.objects.all()}
    assert set(risks) == {first.pk, second.pk}
    assert risks[second.pk].level == "critical"  # 95 days, 600,000: 5 × 4


def test_no_risk_when_collection_was_collected(personas, customer, signed):  # noqa: F811
    contract = signed("500000.00")
    paid = collection(personas, contract, "100000.00", -40)
    milestone_done(milestone_id=paid.pk, actor=personas["finance"])

    assert sweep() == 0
    assert not Risk.objects.exists()


def test_joins_the_open_risk_until_closed_then_raises_a_new_one(personas, customer,  # noqa: F811
                                                                 signed):  # noqa: F811
    contract = signed("500000.00")
    collection(personas, contract, "100000.00", -40)
    sweep()
    old = Risk.objects.get()
    collection(personas, contract, "50000.00", -35)
    sweep()
    assert Risk.objects.count() == 1 and CreditAlertLink.objects.filter(risk=old).count() == 2

    rep = personas["east_rep1"]
    measure = measure_add(risk_id=old.pk, actor=rep, description="催收", owner=rep,
                          due_date=TODAY())
    plan_submit(risk_id=old.pk, actor=rep)
    item = WorkItem.objects.get(request__kind="risk", request__object_id=old.pk, status="open")
    inbox.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    measure_done(measure_id=measure.pk, actor=rep)
    risk_close(risk_id=old.pk, actor=rep, reason="已收回")
    collection(personas, contract, "80000.00", -50)

    sweep()

    assert Risk.objects.count() == 2
    assert Risk.objects.exclude(pk=old.pk).get().state == RiskState.ASSESSED


def test_escalated_to_ceo_at_once_when_raised_critical(personas, customer, signed):  # noqa: F811
    contract = signed("2500000.00")
    collection(personas, contract, "2100000.00", -120)

    sweep()

    risk = Risk.objects.get()
    assert risk.level == "critical"
    assert risk.escalations.get().recipients == [personas["ceo"].pk]
    risk_assess(risk_id=risk.pk, actor=personas["east_rep1"], likelihood=5, impact=5)
    assert risk.escalations.count() == 1


def test_one_risk_per_alert_when_the_periodic_sweep_runs_twice(personas, customer,  # noqa: F811
                                                               signed):  # noqa: F811
    contract = signed("500000.00")
    collection(personas, contract, "100000.00", -40)

    first = engine.sweep_timers()
    second = engine.sweep_timers()

    # The contracts sweep counts the one overdue alert and the customer's monthly classification.
    assert (first["contract"], first["risk"]) == (2, 1)
    assert CreditAlert.objects.count() == 1
    assert (second["contract"], second["risk"]) == (0, 0)
    risk = Risk.objects.get()
    assert (risk.contract_id, risk.source) == (contract.pk, Source.COLLECTION)
    assert CreditAlertLink.objects.filter(risk=risk).count() == 1


def test_alert_only_and_no_risk_when_contracts_sweep_alone(personas, customer,  # noqa: F811
                                                           signed):  # noqa: F811
    contract = signed("500000.00")
    collection(personas, contract, "100000.00", -40)

    assert collections_sweep() == 1

    assert CreditAlert.objects.count() == 1 and not Risk.objects.exists()
    assert credit_risks_from_alerts() == 1 and credit_risks_from_alerts() == 0
    assert Risk.objects.count() == 1


def test_contracts_import_nothing_of_risks():
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[3] / "workflows" / "contracts"
    pattern = re.compile(r"^\s*(from|import)\s+[\w.]*risks", re.MULTILINE)
    offenders = [str(p) for p in root.rglob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert offenders == []
