"""signed_value_by_product (the monthly report reads it): signed lines by product in a date
window, amendments by their difference, a region filter."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.org.models import Region
from workflows.contracts.models import Contract, Customer
from workflows.contracts.selectors import signed_value_by_product
from workflows.contracts.services import contract_amend, contract_create

from ...plans.test_selectors__business_actuals import sign
from ..conftest import OTHER_CODE, make_customer

pytestmark = pytest.mark.django_db


def _by_code(rows):
    return {r.code: (r.quantity, r.value) for r in rows}


def test_signed_lines_by_product_and_amendments_by_difference(personas, customer, products):
    today = timezone.localdate()
    window = (today, today + timedelta(days=1))
    rep = personas["east_rep1"]
    first = sign(personas, contract_create(actor=rep, customer=customer, title="一", lines=[
        {"product": "CNC-500", "quantity": "2", "unit_price": "800000", "discount": "10"},
        {"product": "SVC-YEAR", "quantity": "1"}]))
    sign(personas, contract_create(actor=rep, customer=customer, title="二", lines=[
        {"product": "CNC-500", "quantity": "1", "unit_price": "900000"}]))
    contract_create(actor=rep, customer=customer, title="草稿", lines=[  # a draft: not counted
        {"product": "CNC-500", "quantity": "9"}])
    # By hand: CNC-500 = 2 × 800,000 × 0.9 + 900,000 = 2,340,000.00 over 3 units;
    # SVC-YEAR = 60,000.00 for 1.
    assert _by_code(signed_value_by_product(*window)) == {
        "CNC-500": (Decimal("3"), Decimal("2340000.00")),
        "SVC-YEAR": (Decimal("1"), Decimal("60000.00"))}
    row = signed_value_by_product(*window)[0]
    assert (row.code, row.category, row.name_zh) == ("CNC-500", "machines", "五轴加工中心")

    # An amendment signed later drops the service and adds a spare kit: that later window
    # shows only the difference.
    amendment = contract_amend(contract_id=first.pk, actor=rep, reason="改配置", lines=[
        {"product": "CNC-500", "quantity": "2", "unit_price": "800000", "discount": "10"},
        {"product": "SPARE-KIT", "quantity": "2"}])
    sign(personas, amendment)
    later = timezone.now() + timedelta(days=40)
    Contract.objects.filter(pk=amendment.pk).update(signed_at=later)
    day = timezone.localdate(later)
    assert _by_code(signed_value_by_product(day, day + timedelta(days=1))) == {
        "SVC-YEAR": (Decimal("-1"), Decimal("-60000.00")),
        "SPARE-KIT": (Decimal("2"), Decimal("24000.00"))}
    # Over both windows: the value in force per product.
    assert _by_code(signed_value_by_product(today, day + timedelta(days=1))) == {
        "CNC-500": (Decimal("3"), Decimal("2340000.00")),
        "SPARE-KIT": (Decimal("2"), Decimal("24000.00"))}
    assert signed_value_by_product(today - timedelta(days=30), today) == []


def test_region_filter_counts_only_that_regions_customers(personas, customer, products):
    today = timezone.localdate()
    other = make_customer(personas["east_rep1"], code=OTHER_CODE, name="北方客户")
    for who in (customer, other):
        sign(personas, contract_create(actor=personas["east_rep1"], customer=who, title="合同",
                                       lines=[{"product": "SPARE-KIT", "quantity": "1"}]))
    # the customer moves north (the report reads the customer's region, like plan actuals)
    Customer.objects.filter(pk=other.pk).update(region=Region.objects.get(code="north"))
    north = Customer.objects.get(pk=other.pk)
    window = (today, today + timedelta(days=1))
    assert _by_code(signed_value_by_product(*window, region=customer.region)) == {
        "SPARE-KIT": (Decimal("1"), Decimal("12000.00"))}
    assert _by_code(signed_value_by_product(*window, region=north.region.pk)) == {
        "SPARE-KIT": (Decimal("1"), Decimal("12000.00"))}
    assert _by_code(signed_value_by_product(*window))["SPARE-KIT"][1] == Decimal("24000.00")
