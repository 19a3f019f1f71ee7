"""Customer classification A/B/C (policy §4(二), issue 22): figures of the twelve whole months
before the month, thresholds from settings (a figure exactly at a threshold reaches it), the
monthly sweep idempotent, each change a history row and an audit event."""

from datetime import date, datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.audit.models import AuditEvent
from core.org.models import Region
from core.registry import get as spec_of
from workflows.contracts.models import (
    Contract,
    ContractState,
    Customer,
    CustomerClassChange,
    Milestone,
)
from workflows.contracts.services import classification
from workflows.contracts.services.classification import (
    Thresholds,
    classification_sweep,
    classify,
    classify_customers,
    figures,
)

pytestmark = pytest.mark.django_db

D = Decimal
LIMITS = Thresholds(a_signed=D("1000000"), a_collected=D("500000"), b_signed=D("200000"),
                    b_collected=D("100000"))
DECEMBER = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _thresholds(settings):
    settings.CUSTOMER_CLASS_THRESHOLDS = {
        "A": {"signed": "1000000", "collected": "500000"},
        "B": {"signed": "200000", "collected": "100000"},
    }


def at(y, m, d, hh=0, mm=0):
    return timezone.make_aware(datetime(y, m, d, hh, mm), timezone.get_default_timezone())


def make(personas, name, code):
    owner = personas["east_rep1"]
    return Customer.objects.create(name=name, credit_code=code, account_owner=owner,
                                   region=Region.objects.get(code="east"))


def signed(customer, value, when, state=ContractState.SIGNED):
    return Contract.objects.create(customer=customer, owner=customer.account_owner, title="t",
                                   value=D(value), state=state, signed_at=when)


def collected(contract, amount, done, kind=Milestone.Kind.COLLECTION):
    return Milestone.objects.create(contract=contract, kind=kind, amount=D(amount),
                                    due_date=done, done_date=done)


@pytest.fixture
def book(personas):
    """Four customers with hand-computed figures for December 2026 (window 2025-12-01 to
    2026-11-30, Asia/Shanghai):
    x: signed 600,000 at the window's first minute + 400,000 at its last = 1,000,000.00
       (300,000 a minute before the window and a withdrawn 900,000 do not count);
       collected 500,000.00 on 2026-11-30 (50,000 on 2026-12-01 and a done invoice do not) → A
    y: signed 999,999.99, collected 600,000.00 → B (signed one cent short of A)
    z: signed 200,000.00, collected 99,999.99 → C (collections one cent short of B)
    w: nothing → C"""
    x, y = make(personas, "X", "X" * 18), make(personas, "Y", "Y" * 18)
    z, w = make(personas, "Z", "Z" * 18), make(personas, "W", "W" * 18)
    first = signed(x, "600000", at(2025, 12, 1, 0, 0))
    signed(x, "400000", at(2026, 11, 30, 23, 59))
    signed(x, "300000", at(2025, 11, 30, 23, 59))
    signed(x, "900000", at(2026, 6, 1), state=ContractState.WITHDRAWN)
    collected(first, "500000", date(2026, 11, 30))
    collected(first, "50000", date(2026, 12, 1))
    collected(first, "700000", date(2026, 6, 1), kind=Milestone.Kind.INVOICE)
    cy = signed(y, "999999.99", at(2026, 6, 1))
    collected(cy, "600000", date(2026, 7, 1))
    cz = signed(z, "200000", at(2026, 3, 1))
    collected(cz, "99999.99", date(2026, 3, 2))
    return {"x": x, "y": y, "z": z, "w": w}


def test_classify_at_the_thresholds():
    assert classify(D("1000000"), D("500000"), LIMITS) == "A"
    assert classify(D("999999.99"), D("500000"), LIMITS) == "B"
    assert classify(D("1000000"), D("499999.99"), LIMITS) == "B"
    assert classify(D("200000"), D("100000"), LIMITS) == "B"
    assert classify(D("199999.99"), D("10000000"), LIMITS) == "C"
    assert classify(D("200000"), D("99999.99"), LIMITS) == "C"
    assert classify(D("0"), D("0"), LIMITS) == "C"


def test_thresholds_come_from_settings(settings):
    settings.CUSTOMER_CLASS_THRESHOLDS = {"A": {"signed": "10", "collected": "5"},
                                          "B": {"signed": "2", "collected": "1"}}
    assert classification.thresholds() == Thresholds(D("10"), D("5"), D("2"), D("1"))
    assert classify(D("10"), D("5")) == "A"


def test_figures_equal_the_hand_computed_ones(book):
    got = figures(DECEMBER)
    assert got[book["x"].pk] == (D("1000000.00"), D("500000.00"))
    assert got[book["y"].pk] == (D("999999.99"), D("600000.00"))
    assert got[book["z"].pk] == (D("200000.00"), D("99999.99"))
    assert book["w"].pk not in got


def test_monthly_sweep_classifies_once_and_records_history(book):
    assert classification_sweep(today=date(2026, 12, 15)) == 4
    classes = dict(Customer.objects.values_list("name", "value_class"))
    assert classes == {"X": "A", "Y": "B", "Z": "C", "W": "C"}
    assert set(Customer.objects.values_list("classified_for", flat=True)) == {DECEMBER}
    row = CustomerClassChange.objects.get(customer=book["x"])
    assert (row.month, row.old_class, row.new_class, row.signed_value, row.collected) == (
        DECEMBER, "", "A", D("1000000.00"), D("500000.00"))
    events = AuditEvent.objects.filter(event="customer.class_changed")
    assert events.count() == 4
    ev = events.get(subject_id=str(book["x"].pk))
    assert ev.changes == {"value_class": ["", "A"]}
    assert ev.data["signed_value"] == "1000000.00"

    # a second run in the month, even after new business, changes nothing
    collected(Contract.objects.filter(customer=book["z"]).first(), "0.01", date(2026, 11, 1))
    seen = (CustomerClassChange.objects.count(), AuditEvent.objects.count())
    assert classification_sweep(today=date(2026, 12, 31)) == 0
    assert classification_sweep(today=date(2026, 12, 1)) == 0
    assert (CustomerClassChange.objects.count(), AuditEvent.objects.count()) == seen


def test_next_month_moves_the_window_and_only_changes_are_rows(book):
    classification_sweep(today=date(2026, 12, 15))
    collected(Contract.objects.filter(customer=book["z"]).first(), "0.01", date(2026, 12, 20))

    # January 2027: x loses the 600,000 signed on 2025-12-01 (400,000 left) but gains the
    # 50,000 collected on 2026-12-01 → B; z reaches 100,000.00 collected → B; y, w unchanged
    assert classification_sweep(today=date(2027, 1, 5)) == 2
    classes = dict(Customer.objects.values_list("name", "value_class"))
    assert classes == {"X": "B", "Y": "B", "Z": "B", "W": "C"}
    x_rows = list(CustomerClassChange.objects.filter(customer=book["x"]).values_list(
        "month", "old_class", "new_class", "signed_value", "collected"))
    assert x_rows == [(date(2027, 1, 1), "A", "B", D("400000.00"), D("550000.00")),
                      (DECEMBER, "", "A", D("1000000.00"), D("500000.00"))]
    assert not CustomerClassChange.objects.filter(customer=book["y"],
                                                  month=date(2027, 1, 1)).exists()
    assert set(Customer.objects.values_list("classified_for", flat=True)) == {date(2027, 1, 1)}


def test_the_process_sweep_runs_the_classification(book):
    sweep = spec_of("contract").sweep
    assert sweep(at(2026, 12, 15, 9)) == 4
    assert sweep(at(2026, 12, 16, 9)) == 0
    assert Customer.objects.filter(value_class="").count() == 0


def test_command_recomputes_on_demand(book):
    out = StringIO()
    call_command("classify_customers", "--month", "2026-12", stdout=out)
    assert "4 customer(s) changed class" in out.getvalue()
    assert classify_customers(month=DECEMBER) == 0
    # --force recomputes customers already classified this month (same figures: no change)
    call_command("classify_customers", "--month", "2026-12", "--force", stdout=StringIO())
    assert CustomerClassChange.objects.count() == 4
    Customer.objects.filter(pk=book["w"].pk).update(value_class="A")
    call_command("classify_customers", "--month", "2026-12", "--force", stdout=StringIO())
    assert Customer.objects.get(pk=book["w"].pk).value_class == "C"
    assert CustomerClassChange.objects.filter(customer=book["w"]).count() == 2
