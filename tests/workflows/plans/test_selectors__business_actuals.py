"""Actual sales from the business (policy 4.1): with signed contracts as the plan's basis, the
actual is each signed version's value by signing month for its owner and customer's region;
an amendment moves it by exactly its difference; entries by hand are adjustments, apart."""

from decimal import Decimal

import pytest
from django.utils import timezone

from core.exceptions import PermissionDeniedError
from core.inbox import services as inbox
from workflows.contracts.services import contract_amend, contract_create, contract_submit
from workflows.plans import selectors, services
from workflows.plans.models import Actual, ActualBasis
from workflows.plans.selectors.business import signed_rows

from ..contracts.conftest import item, make_customer, request_of
from .conftest import YEAR, fresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(personas):
    """signed("500000.00") -> a contract of east_rep1's east customer, signed now."""
    customer = make_customer(personas["east_rep1"])

    def run(value: str):
        contract = contract_create(actor=personas["east_rep1"], customer=customer,
                                   title="年度供货合同", value=Decimal(value),
                                   payment_terms_days=30)
        return sign(personas, contract)

    return run


def sign(personas, contract):
    contract_submit(contract_id=contract.pk, actor=contract.owner)
    inbox.task_approve(task_id=item(contract, "regional_review").pk, actor=personas["east_mgr"],
                       comment="ok")
    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"])
    inbox.task_approve(task_id=item(contract, "credit_review").pk, actor=personas["finance"])
    for step in request_of(contract).chain:
        inbox.task_approve(task_id=item(contract, step["code"]).pk,
                           actor=personas["gm" if step["code"] == "sales_gm" else "ceo"])
    return fresh(contract)


def test_attainment_from_contracts_equals_the_hand_computed_figure(personas, signed):
    plan = _published(personas)
    first = signed("500000.00")
    signed("300000.00")
    user = personas["east_rep2"]
    Actual.objects.create(salesperson=user, region=user.region, year=YEAR,
                          month=timezone.localdate().month, amount=Decimal("30000.00"),
                          note="补录线下订单", recorded_by=personas["gm"])
    with pytest.raises(PermissionDeniedError):
        services.plan_set_actual_basis(plan_id=plan.pk, actor=personas["east_mgr"],
                                       basis=ActualBasis.CONTRACTS)
    before = selectors.attainment(fresh(plan), personas["gm"]).company.year_actual
    assert before == Decimal("30000.00")  # entered by hand only: the contracts do not count
    services.plan_set_actual_basis(plan_id=plan.pk, actor=personas["gm"],
                                   basis=ActualBasis.CONTRACTS)
    a = selectors.attainment(fresh(plan), personas["gm"])
    # by hand: 500,000.00 + 300,000.00 signed by east_rep1 in east this month, and 30,000.00
    # typed in for east_rep2 as an adjustment
    assert a.company.year_actual == Decimal("830000.00")
    assert a.company.year_business == Decimal("800000.00")
    assert a.company.year_adjustments == Decimal("30000.00")
    east = next(r for r in a.regions if r.region == "east")
    assert east.year_actual == Decimal("830000.00")
    rep1 = next(p for p in a.people if p.person == "east_rep1")
    assert rep1.year_actual == Decimal("800000.00") and rep1.year_adjustments == 0
    month = timezone.localdate().month
    assert a.company.actual[month - 1] == Decimal("830000.00")

    amendment = contract_amend(contract_id=first.pk, actor=first.owner, reason="增加数量",
                               value=Decimal("560000.00"))
    assert selectors.attainment(fresh(plan), personas["gm"]).company.year_actual == \
        Decimal("830000.00")  # a draft amendment changes nothing
    sign(personas, amendment)
    after = selectors.attainment(fresh(plan), personas["gm"]).company.year_actual
    assert after - Decimal("830000.00") == Decimal("60000.00")  # exactly the difference
    assert sorted(r.amount for r in signed_rows(YEAR)) == [
        Decimal("60000.00"), Decimal("300000.00"), Decimal("500000.00")]


def _published(personas):
    from tests.workflows.plans.conftest import confirm_all, open_items

    plan = services.plan_create(actor=personas["gm"], fiscal_year=YEAR,
                                target=Decimal("3600000.00"), strategy="深耕华东")
    services.plan_submit_for_confirmation(plan_id=plan.pk, actor=personas["gm"])
    confirm_all(personas, plan)
    services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
    (ceo,) = open_items(plan)
    inbox.task_approve(task_id=ceo.pk, actor=personas["ceo"], comment="同意发布")
    return fresh(plan)
