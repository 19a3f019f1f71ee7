"""The contracts demo: idempotent, made by the services, and rich enough for the statistics
(every state, a year of months, breaches, collections on time, late and overdue)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.audit.models import AuditEvent
from core.inbox.models import Request, WorkItem
from core.org.demo import seed_org
from core.org.models import User
from workflows.contracts import demo
from workflows.contracts import statistics as st
from workflows.contracts.models import (
    Contract,
    ContractState,
    CreditAlert,
    CreditLimitChange,
    Customer,
    Milestone,
)

pytestmark = pytest.mark.django_db


def _counts() -> dict:
    return {model.__name__: model.objects.count()
            for model in (Customer, CreditLimitChange, Contract, Milestone, CreditAlert, Request,
                          WorkItem, AuditEvent)}


@pytest.fixture
def seeded(db):
    seed_org()
    demo.seed()
    return _counts()


def test_nothing_added_when_seeded_twice(seeded):
    demo.seed()
    assert _counts() == seeded
    assert seeded["Customer"] == 12 and seeded["Contract"] >= 30
    pairs = set(Customer.objects.values_list("region__code", "rating"))
    assert {rating for _r, rating in pairs} == {"A", "B", "C", "D"}
    assert {region for region, _r in pairs} == {"east", "south", "north"}
    # Limits went through finance's approval, like any other limit change.
    assert not Customer.objects.filter(credit_limit=0).exists()
    assert CreditLimitChange.objects.filter(state="approved").count() == 12


def test_statistics_show_every_figure_over_a_year_when_seeded(seeded):
    assert set(Contract.objects.values_list("state", flat=True)) == set(ContractState.values)
    today = timezone.localdate()
    f = st.contract_statistics(User.objects.get(username="gm"), period=st.period_for(
        date_from=today - timedelta(days=364), date_to=today))
    assert sum(1 for m in f["by_month"] if m["count"]) >= 11
    assert sum(1 for m in f["signed_by_month"] if m["count"]) >= 10
    assert all(r["count"] for r in f["by_state"])
    assert all(r["count"] for r in f["by_region"])
    assert 0 < f["credit_breach"]["breached"] < f["credit_breach"]["submitted"]
    c = f["collections"]
    assert c["on_time"] and c["late"] and c["overdue"] > c["overdue_30"] > 0
    assert {s["key"] for s in f["cycle_times"]} >= {"regional_review", "legal_review",
                                                    "credit_review", "sales_gm", "ceo"}
    # The histories are spread over the past year, each in a sensible order.
    submitted = sorted(Request.objects.filter(kind="contract", submitted_at__isnull=False)
                       .values_list("submitted_at", flat=True))
    now = timezone.now()
    assert now - submitted[0] > timedelta(days=330)
    assert now - submitted[-1] < timedelta(days=7)
    # Every signed contract was signed after it was submitted, and before now.
    for c in Contract.objects.filter(signed_at__isnull=False):
        assert c.submitted_at < c.signed_at <= now
    assert CreditAlert.objects.exists()
    assert Contract.objects.filter(version=2, state=ContractState.SIGNED).exists()
    assert Contract.objects.filter(version=2, state=ContractState.IN_REVIEW).exists()


def test_demo_contracts_sell_catalogue_products_adding_up_to_their_value(seeded):
    from decimal import Decimal

    from workflows.contracts.models import UNSPECIFIED_PRODUCT, ContractLine

    for contract in Contract.objects.prefetch_related("lines__product"):
        lines = list(contract.lines.all())
        assert lines and sum(line.value for line in lines) == contract.value, contract
        assert all(line.product.code != UNSPECIFIED_PRODUCT for line in lines)
    # the amendment adds spare parts (10 × 12,000.00 less 5 %) and a year's maintenance
    amended = Contract.objects.get(title="自动化产线改造合同", version=2)
    assert amended.value == Decimal("1950000.00")
    added = {line.product.code: line.value for line in amended.lines.all()}
    assert added["PRT-KIT"] == Decimal("114000.00") and added["SVC-MNT"] == Decimal("36000.00")
    assert ContractLine.objects.filter(product__code="ROB-A6").exists()
