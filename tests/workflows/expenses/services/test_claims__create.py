"""Drafting a claim (policy 7.3): totals from the lines, each line checked against its
standard (cap per unit × units, and the excess), nothing reserved or numbered yet."""

from decimal import Decimal

import pytest

from core.exceptions import InvalidInputError, PermissionDeniedError, StateConflictError
from core.inbox.models import Request, RequestStatus
from workflows.expenses.models import (
    BudgetBalance,
    ClaimState,
    ExpenseClaim,
    ItemType,
    Reservation,
)
from workflows.expenses.services import claim_create, claim_update

from .helpers import MARCH, fresh, no_audit_event, one_audit_event, request_of

pytestmark = pytest.mark.django_db


def hotel(amount: str, nights: int, tier: str = "tier1", description: str = "上海住宿"):
    return {"date": MARCH, "item_type": ItemType.HOTEL, "city_tier": tier, "amount": amount,
            "units": nights, "description": description}


def line(amount: str, item_type: str = ItemType.TRANSPORT, description: str = "打车", **extra):
    return {"date": MARCH, "item_type": item_type, "amount": amount,
            "description": description, **extra}


def test_draft_with_total_and_request_when_rep_creates_claim(draft, standards, personas):
    with one_audit_event("expense.drafted") as audit:
        claim = draft(lines=[hotel("480.00", 1), line("120.50"), line("259.50")])

    claim = fresh(claim)
    assert claim.state == ClaimState.DRAFT
    assert claim.total == Decimal("860.00")
    assert claim.number == "" and claim.approved_total is None
    assert (claim.submitter, claim.department.code) == (personas["east_rep1"], "sales")
    assert not claim.over_standard and not claim.over_budget
    assert claim.lines.count() == 3
    req = request_of(claim)
    assert (req.status, req.amount, req.category) == (RequestStatus.DRAFT, Decimal("860.00"),
                                                      "travel")
    assert req.process is None
    assert audit["event"].data == {"lines": 3}
    assert not Reservation.objects.exists() and not BudgetBalance.objects.exists()


def test_line_flagged_with_cap_and_excess_when_hotel_over_its_standard(draft, standards):
    # East_rep1 is grade 3: tier-1 hotels are capped at 500.00 a night.
    claim = draft(lines=[hotel("1100.00", 2), line("80.00")])

    over, taxi = claim.lines.order_by("pk")
    assert (over.cap, over.excess) == (Decimal("1000.00"), Decimal("100.00"))
    assert (taxi.cap, taxi.excess) == (None, Decimal("0.00"))
    assert fresh(claim).over_standard is True
    assert fresh(claim).total == Decimal("1180.00")


def test_line_not_flagged_when_at_its_cap(draft, standards):
    claim = draft(lines=[hotel("1000.00", 2)])

    only = claim.lines.get()
    assert (only.cap, only.excess) == (Decimal("1000.00"), Decimal("0.00"))
    assert fresh(claim).over_standard is False


def test_manager_grade_standard_applies_when_submitter_is_a_manager(draft, standards):
    # East_mgr is grade 6: the tier-1 cap is 800.00 a night.
    claim = draft("east_mgr", lines=[hotel("1700.00", 2)])

    only = claim.lines.get()
    assert (only.cap, only.excess) == (Decimal("1600.00"), Decimal("100.00"))


def test_entertainment_flagged_per_guest_when_over_its_standard(draft, standards):
    claim = draft(category="entertainment",
                  lines=[line("1800.00", ItemType.ENTERTAINMENT, "宴请6位客户", units=6)])

    only = claim.lines.get()
    assert (only.cap, only.excess) == (Decimal("1200.00"), Decimal("600.00"))
    assert fresh(claim).over_standard is True


def test_any_city_standard_used_when_no_tier_specific_one_exists(draft, standards):
    claim = draft(lines=[line("250.00", ItemType.MEALS, "伙食补助", units=2)])

    assert claim.lines.get().cap == Decimal("200.00")
    assert claim.lines.get().excess == Decimal("50.00")


def test_no_cap_when_no_standard_covers_the_item(draft, standards):
    claim = draft(lines=[hotel("5000.00", 1, tier="other")])

    assert (claim.lines.get().cap, claim.lines.get().excess) == (None, Decimal("0.00"))
    assert fresh(claim).over_standard is False


@pytest.mark.parametrize("bad, field", [
    ({"amount": "0"}, "lines.0.amount"),
    ({"amount": "-5.00"}, "lines.0.amount"),
    ({"amount": "lots"}, "lines.0.amount"),
    ({"item_type": "yacht"}, "lines.0.item_type"),
    ({"date": "27/11/2026"}, "lines.0.date"),
    ({"units": -1}, "lines.0.units"),
    ({"units": 1000}, "lines.0.units"),
    ({"description": "   "}, "lines.0.description"),
])
def test_invalid_input_names_the_line_field_when_a_line_is_invalid(draft, standards, bad, field):
    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        draft(lines=[{**line("100.00"), **bad}])

    assert field in exc.value.fields
    assert not ExpenseClaim.objects.exists() and not Request.objects.exists()


def test_invalid_input_when_claim_has_no_lines(draft):
    with pytest.raises(InvalidInputError) as exc:
        draft(lines=[])

    assert "lines" in exc.value.fields


def test_invalid_input_when_claim_has_more_than_fifty_lines(draft):
    with pytest.raises(InvalidInputError) as exc:
        draft(lines=[line("1.00")] * 51)

    assert "lines" in exc.value.fields


@pytest.mark.parametrize("fields, name", [
    ({"category": "yachts"}, "category"),
    ({"title": "  "}, "title"),
    ({"expense_date": "2026-03-10"}, "expense_date"),
])
def test_invalid_input_names_the_field_when_header_is_invalid(personas, fields, name):
    kwargs = {"category": "travel", "title": "差旅", "expense_date": MARCH, **fields}

    with pytest.raises(InvalidInputError) as exc:
        claim_create(actor=personas["east_rep1"], lines=[line("10.00")], **kwargs)

    assert name in exc.value.fields


def test_permission_denied_when_auditor_creates_claim(draft):
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        draft("auditor")

    assert not ExpenseClaim.objects.exists()


def test_totals_and_flags_recomputed_when_submitter_edits_draft(draft, standards, personas):
    claim = draft(lines=[hotel("1100.00", 2)])

    with one_audit_event("expense.edited") as audit:
        claim_update(claim_id=claim.pk, actor=personas["east_rep1"], title="上海出差",
                     lines=[hotel("900.00", 2), line("60.00")])

    claim = fresh(claim)
    assert (claim.title, claim.total, claim.over_standard) == ("上海出差", Decimal("960.00"),
                                                               False)
    assert claim.lines.count() == 2
    assert request_of(claim).amount == Decimal("960.00")
    assert request_of(claim).title == "上海出差"
    assert audit["event"].changes["total"] == ["1100.00", "960.00"]


@pytest.mark.parametrize("who", ["east_rep2", "east_mgr", "finance"])
def test_permission_denied_when_someone_else_edits_the_claim(draft, personas, who):
    claim = draft()

    with pytest.raises(PermissionDeniedError):
        claim_update(claim_id=claim.pk, actor=personas[who], title="mine now")

    assert fresh(claim).title == "杭州客户拜访"


def test_state_conflict_when_editing_a_submitted_claim(travel_budget, submitted, personas):
    claim = submitted()

    with no_audit_event(), pytest.raises(StateConflictError):
        claim_update(claim_id=claim.pk, actor=personas["east_rep1"], lines=[line("1.00")])

    assert fresh(claim).total == Decimal("860.00")
