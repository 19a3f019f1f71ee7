"""Vouchers at submission (policy 7(三)1): each line's required vouchers, invoice data checked
as entered, one claim per file and per invoice, finance's rejection of a receipt."""

from datetime import date

import pytest

from core.exceptions import InvalidInputError, PermissionDeniedError
from workflows.expenses.models import (
    ClaimState,
    ItemType,
    Receipt,
    ReceiptStatus,
    VoucherHold,
)
from workflows.expenses.services import claim_submit, claim_update
from workflows.expenses.services.vouchers import (
    InvoiceData,
    receipt_add,
    receipt_reject,
    voucher_errors,
)

from ..vouchers import digital, pdf, require_defaults
from .helpers import MARCH, fresh, open_item

pytestmark = pytest.mark.django_db


def add(claim, kind="invoice", invoice=None, upload=None, line=None, actor=None):
    line = line or claim.lines.order_by("pk").first()
    return receipt_add(claim_id=claim.pk, actor=actor or claim.submitter, line_id=line.pk,
                       kind=kind, upload=upload or pdf(), invoice=invoice)


def refusal(claim) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as exc:
        claim_submit(claim_id=claim.pk, actor=claim.submitter)
    return exc.value


@pytest.mark.parametrize(("item", "kinds", "missing"), [
    (ItemType.HOTEL, [], "Invoice; Hotel folio"),
    (ItemType.HOTEL, ["invoice"], "Hotel folio"),
    (ItemType.HOTEL, ["folio"], "Invoice"),
    (ItemType.TRANSPORT, [], "Ticket or boarding pass or Invoice"),
    (ItemType.ENTERTAINMENT, ["invoice"], "Guest list"),
    (ItemType.ENTERTAINMENT, ["guest_list"], "Invoice"),
])
def test_a_line_without_its_required_vouchers_is_not_submitted(
        draft, travel_budget, item, kinds, missing):
    require_defaults()
    claim = draft(lines=[{"date": MARCH, "item_type": item, "amount": "300.00",
                          "description": "第一行", "city_tier": "tier1"}])
    for kind in kinds:
        add(claim, kind, digital(amount="300.00") if kind == "invoice" else None)
    exc = refusal(claim)
    assert exc.fields == {"lines.0.vouchers": [f"Line 1 (第一行) needs: {missing}."]}
    assert fresh(claim).state == ClaimState.DRAFT
    assert not VoucherHold.objects.exists()


@pytest.mark.parametrize(("item", "kinds"), [
    (ItemType.HOTEL, ["invoice", "folio"]),
    (ItemType.TRANSPORT, ["ticket"]),  # a ticket is enough ...
    (ItemType.TRANSPORT, ["invoice"]),  # ... or an invoice
    (ItemType.ENTERTAINMENT, ["invoice", "guest_list"]),
    (ItemType.OTHER, []),  # nothing required
])
def test_a_line_with_its_required_vouchers_is_submitted(draft, travel_budget, item, kinds):
    require_defaults()
    claim = draft(lines=[{"date": MARCH, "item_type": item, "amount": "300.00",
                          "description": "第一行", "city_tier": "tier1"}])
    for kind in kinds:
        add(claim, kind, digital(amount="300.00") if kind == "invoice" else None)
    claim_submit(claim_id=claim.pk, actor=claim.submitter)
    assert fresh(claim).state == ClaimState.SUBMITTED


def test_only_the_failing_line_is_named_with_its_index(draft, travel_budget):
    require_defaults()
    claim = draft(lines=[
        {"date": MARCH, "item_type": ItemType.TRANSPORT, "amount": "100.00",
         "description": "高铁"},
        {"date": MARCH, "item_type": ItemType.HOTEL, "amount": "400.00",
         "description": "酒店", "city_tier": "tier1"},
    ])
    add(claim, "ticket")
    assert set(refusal(claim).fields) == {"lines.1.vouchers"}


def test_invoices_short_of_the_line_amount_are_refused(draft, travel_budget):
    claim = draft(amount="860.00")
    add(claim, "invoice", digital(amount="800.00"))
    assert refusal(claim).fields == {"lines.0.vouchers": [
        "Line 1 (高铁往返): its invoices add up to ¥800.00, less than the ¥860.00 claimed."]}


@pytest.mark.parametrize(("fields", "bad"), [
    ({"invoice_number": "2631000000000000000"}, "invoice_number"),  # 19 digits
    ({"invoice_code": "3100231130"}, "invoice_code"),  # a digital invoice has no code
    ({"seller_code": "91440300MA5FAB2C1X"}, "seller_code"),  # wrong check character
    ({"seller_code": ""}, "seller_code"),
    ({"buyer_code": "91110108MA01C9XW0C"}, "buyer_code"),  # valid, but not the company
    ({"buyer_name": "别的公司"}, "buyer_name"),
    ({"invoice_date": date(2099, 1, 1)}, "invoice_date"),
    ({"invoice_amount": None}, "invoice_amount"),
])
def test_invoice_data_is_checked_when_the_receipt_is_added(draft, fields, bad):
    claim = draft()
    with pytest.raises(InvalidInputError) as exc:
        add(claim, "invoice", digital(**fields))
    assert bad in exc.value.fields
    assert not Receipt.objects.exists()


def test_the_seller_code_check_character_names_the_expected_one(draft):
    claim = draft()
    with pytest.raises(InvalidInputError) as exc:
        add(claim, "invoice", digital(seller_code="91440300MA5FAB2C1X"))
    assert exc.value.fields["seller_code"] == [
        "The check character is X but should be Y: a typo?"]


def test_an_invoice_receipt_needs_invoice_data(draft):
    claim = draft()
    with pytest.raises(InvalidInputError) as exc:
        add(claim, "invoice", InvoiceData())
    assert "invoice_type" in exc.value.fields


def test_the_same_file_on_another_persons_claim_is_refused_without_naming_it(
        draft, submitted, travel_budget):
    first = draft("east_rep1")
    add(first, "ticket", upload=pdf(body=b"one and the same"))
    claim_submit(claim_id=first.pk, actor=first.submitter)
    second = draft("south_rep1")
    add(second, "ticket", upload=pdf("copy.pdf", body=b"one and the same"))
    assert refusal(second).fields == {"lines.0.vouchers": [
        "The file copy.pdf is already used on another person's claim (finance can see "
        "which)."]}
    # The submitter's own earlier claim is named.
    third = draft("east_rep1")
    add(third, "ticket", upload=pdf("copy.pdf", body=b"one and the same"))
    number = fresh(first).number
    assert refusal(third).fields["lines.0.vouchers"] == [
        f"The file copy.pdf is already used on claim {number}."]


def test_the_same_invoice_in_another_file_is_refused(draft, travel_budget):
    first = draft("east_rep1")
    add(first, "invoice", digital("26312000000000000001"))
    claim_submit(claim_id=first.pk, actor=first.submitter)
    second = draft("south_rep1")
    add(second, "invoice", digital("26312000000000000001"))  # another scan of the same invoice
    assert refusal(second).fields["lines.0.vouchers"] == [
        "Invoice 26312000000000000001 is already used on another person's claim (finance "
        "can see which)."]


def test_one_file_on_two_lines_of_one_claim_is_refused(draft, travel_budget):
    claim = draft(lines=[
        {"date": MARCH, "item_type": ItemType.TRANSPORT, "amount": "100.00",
         "description": "去程"},
        {"date": MARCH, "item_type": ItemType.TRANSPORT, "amount": "100.00",
         "description": "回程"},
    ])
    first, second = claim.lines.order_by("pk")
    add(claim, "ticket", upload=pdf(body=b"same"), line=first)
    add(claim, "ticket", upload=pdf(body=b"same"), line=second)
    assert refusal(claim).fields["lines.1.vouchers"] == [
        "The file 发票.pdf is already used on another line of this claim."]


@pytest.mark.parametrize("end", ["reject", "withdraw"])
def test_a_rejected_or_withdrawn_claims_invoice_may_be_used_again(
        draft, travel_budget, personas, end):
    from core.inbox import services as inbox

    first = draft("east_rep1")
    add(first, "invoice", digital("26312000000000000002"))
    claim_submit(claim_id=first.pk, actor=first.submitter)
    if end == "reject":
        inbox.task_reject(task_id=open_item(first).pk, actor=personas["east_mgr"],
                          reason="not a business trip")
    else:
        inbox.request_withdraw(request_id=open_item(first).request_id,
                               actor=personas["east_rep1"], reason="wrong month")
    assert not VoucherHold.objects.filter(claim=first).exists()
    second = draft("east_rep1")
    add(second, "invoice", digital("26312000000000000002"))
    claim_submit(claim_id=second.pk, actor=second.submitter)
    assert fresh(second).state == ClaimState.SUBMITTED


def test_a_paid_claims_invoice_stays_held(draft, travel_budget, personas, through_chain):
    from core.inbox import services as inbox

    first = draft("east_rep1")
    add(first, "invoice", digital("26312000000000000003"))
    claim_submit(claim_id=first.pk, actor=first.submitter)
    review = through_chain(fresh(first))
    inbox.task_approve(task_id=review.pk, actor=personas["finance"], comment="ok")
    assert fresh(first).state in (ClaimState.VOUCHER_APPROVED, ClaimState.PAID)
    second = draft("east_rep1")
    add(second, "invoice", digital("26312000000000000003"))
    assert "lines.0.vouchers" in refusal(second).fields


def test_a_duplicate_added_during_approval_is_flagged_to_finance(draft, travel_budget):
    first = draft("east_rep1")
    add(first, "invoice", digital("26312000000000000004"))
    claim_submit(claim_id=first.pk, actor=first.submitter)
    second = draft("south_rep1")
    add(second, "ticket")
    claim_submit(claim_id=second.pk, actor=second.submitter)
    late = add(fresh(second), "invoice", digital("26312000000000000004"))
    assert late.duplicate_of_id == first.pk  # finance sees which claim, whoever submitted it
    assert VoucherHold.objects.get(key=late.invoice_key).claim_id == first.pk


def test_finance_rejects_a_receipt_and_the_claim_goes_back(
        draft, travel_budget, personas, through_chain):
    require_defaults()
    claim = draft("east_rep1")
    receipt = add(claim, "invoice", digital("26312000000000000005"))
    claim_submit(claim_id=claim.pk, actor=claim.submitter)
    through_chain(fresh(claim))
    with pytest.raises(PermissionDeniedError):
        receipt_reject(receipt_id=receipt.pk, actor=personas["east_rep1"], reason="x")
    receipt_reject(receipt_id=receipt.pk, actor=personas["finance"], reason="抬头不对")
    claim = fresh(claim)
    assert claim.state == ClaimState.RETURNED
    receipt = Receipt.objects.get(pk=receipt.pk)
    assert (receipt.status, receipt.reject_reason) == (ReceiptStatus.REJECTED, "抬头不对")
    assert not VoucherHold.objects.filter(receipt=receipt).exists()
    # The line now misses its voucher again, and says so.
    assert voucher_errors(claim) == {"lines.0.vouchers": [
        "Line 1 (高铁往返) needs: Ticket or boarding pass or Invoice."]}


def test_editing_lines_with_their_ids_keeps_their_receipts(draft):
    claim = draft()
    line = claim.lines.get()
    receipt = add(claim, "ticket")
    claim_update(claim_id=claim.pk, actor=claim.submitter, lines=[
        {"id": line.pk, "date": MARCH, "item_type": "transport", "amount": "900.00",
         "description": "高铁往返（改签）"},
        {"date": MARCH, "item_type": "other", "amount": "10.00", "description": "新行"},
    ])
    assert Receipt.objects.get(pk=receipt.pk).line_id == line.pk
    assert claim.lines.get(pk=line.pk).amount == 900
    claim_update(claim_id=claim.pk, actor=claim.submitter, lines=[
        {"date": MARCH, "item_type": "other", "amount": "10.00", "description": "只剩一行"}])
    assert not Receipt.objects.filter(pk=receipt.pk).exists()
