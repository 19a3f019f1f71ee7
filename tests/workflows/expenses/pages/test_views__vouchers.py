"""The voucher pages: the claim form names each line's missing vouchers, the claim page adds a
voucher to a line, serves its file inline only to those who may see the claim, and lets
finance reject a receipt; the admin's voucher requirements are finance's and audited."""

import pytest

from core.audit.models import AuditEvent
from core.inbox import services as inbox
from workflows.expenses.models import ClaimState, ExpenseClaim, Receipt, VoucherRequirement
from workflows.expenses.services import claim_submit
from workflows.expenses.services.vouchers import receipt_add

from ..vouchers import COMPANY, COMPANY_CODE, SELLER_CODE, digital, pdf, require_defaults
from .helpers import claim_post, line, open_item, today

pytestmark = pytest.mark.django_db

HOTEL = line("480.00", item_type="hotel", city_tier="tier1", description="上海住宿")


def add(claim, kind="invoice", invoice=None, upload=None):
    return receipt_add(claim_id=claim.pk, actor=claim.submitter,
                       line_id=claim.lines.order_by("pk").first().pk, kind=kind,
                       upload=upload or pdf(), invoice=invoice)


def test_save_and_submit_without_vouchers_names_them_on_the_line(client_for, travel_budget,
                                                                 standards):
    require_defaults()
    client = client_for("east_rep1")

    response = client.post("/expenses/claims/new/", claim_post(action="submit", lines=[HOTEL]))

    assert response.status_code == 400
    body = response.content.decode()
    assert "Line 1 (上海住宿) needs: Invoice; Hotel folio." in body
    assert "Missing vouchers: Invoice; Hotel folio" in body
    claim = ExpenseClaim.objects.get()
    assert claim.state == ClaimState.DRAFT  # saved, not submitted
    # The row carries its line's id, so saving again keeps the line (and its receipts).
    assert f'name="lines-0-line_id" value="{claim.lines.get().pk}"' in body


def test_the_edit_form_keeps_a_line_and_its_receipts(client_for, make_claim):
    claim = make_claim("east_rep1")
    receipt = add(claim, "ticket")
    client = client_for("east_rep1")
    page = client.get(f"/expenses/claims/{claim.pk}/edit/").content.decode()
    line_id = claim.lines.get().pk
    assert f'name="lines-0-line_id" value="{line_id}"' in page

    data = claim_post(lines=[line("330.00")], **{"lines-0-line_id": str(line_id)})
    response = client.post(f"/expenses/claims/{claim.pk}/edit/", data)

    assert response.status_code == 302
    assert Receipt.objects.get(pk=receipt.pk).line.amount == 330


def test_a_voucher_with_invoice_data_is_added_from_the_claim_page(client_for, make_claim):
    claim = make_claim("east_rep1")
    client = client_for("east_rep1")
    data = {"receipt-line": claim.lines.get().pk, "receipt-kind": "invoice",
            "receipt-file": pdf("票.pdf"), "receipt-invoice_type": "vat_special",
            "receipt-invoice_code": "3100231130", "receipt-invoice_number": "12345678",
            "receipt-invoice_date": today().isoformat(), "receipt-invoice_amount": "320.00",
            "receipt-seller_code": SELLER_CODE, "receipt-buyer_name": COMPANY,
            "receipt-buyer_code": COMPANY_CODE}

    response = client.post(f"/expenses/claims/{claim.pk}/vouchers/", data)

    assert response.status_code == 302
    receipt = Receipt.objects.get()
    assert (receipt.invoice_type, receipt.invoice_code, receipt.invoice_number) == (
        "vat_special", "3100231130", "12345678")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("receipt-invoice_code", "03100231130", "A VAT special invoice&#x27;s code has 10 digits."),
    ("receipt-invoice_number", "1234567", "This invoice&#x27;s number has 8 digits."),
    ("receipt-seller_code", "91440300MA5FAB2C1X",
     "The check character is X but should be Y: a typo?"),
])
def test_a_wrong_invoice_is_refused_on_the_page_with_what_was_typed(client_for, make_claim,
                                                                    field, value, message):
    claim = make_claim("east_rep1")
    client = client_for("east_rep1")
    data = {"receipt-line": claim.lines.get().pk, "receipt-kind": "invoice",
            "receipt-file": pdf(), "receipt-invoice_type": "vat_special",
            "receipt-invoice_code": "3100231130", "receipt-invoice_number": "12345678",
            "receipt-invoice_date": today().isoformat(), "receipt-invoice_amount": "320.00",
            "receipt-seller_code": SELLER_CODE, "receipt-buyer_name": COMPANY,
            "receipt-buyer_code": COMPANY_CODE, field: value}

    response = client.post(f"/expenses/claims/{claim.pk}/vouchers/", data)

    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert f'value="{value}"' in body
    assert not Receipt.objects.exists()


@pytest.mark.parametrize(("username", "status"), [
    ("east_rep1", 200), ("finance", 200), ("auditor", 200), ("east_rep2", 404),
    ("south_mgr", 404)])
def test_a_receipts_file_is_served_inline_only_to_those_who_see_the_claim(
        client_for, make_claim, username, status):
    claim = make_claim("east_rep1")
    receipt = add(claim, "ticket")

    response = client_for(username).get(
        f"/expenses/claims/{claim.pk}/vouchers/{receipt.pk}/file/")

    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("inline")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_receipt_of_another_claim_is_not_served_under_this_one(client_for, make_claim):
    mine = make_claim("east_rep1")
    other = make_claim("east_rep1", title="另一张")
    receipt = add(other, "ticket")

    response = client_for("east_rep1").get(
        f"/expenses/claims/{mine.pk}/vouchers/{receipt.pk}/file/")

    assert response.status_code == 404


def to_finance(claim) -> ExpenseClaim:
    """Approve a submitted claim's steps as their holders until finance's voucher review."""
    while (item := open_item("expense", claim.pk)).step_code != "finance_review":
        inbox.task_approve(task_id=item.pk, actor=item.assignee or item.candidates.first(),
                           comment="同意")
    return ExpenseClaim.objects.get(pk=claim.pk)


def test_finance_sees_the_flagged_duplicate_and_rejects_it(client_for, make_claim,
                                                          travel_budget):
    first = make_claim("east_rep1")
    add(first, "invoice", digital("26312000000000000042", amount="320.00", when=today()))
    claim_submit(claim_id=first.pk, actor=first.submitter)
    first = ExpenseClaim.objects.get(pk=first.pk)
    claim = make_claim("south_rep1", stage="submitted")
    # Added during the approval: nothing refuses it any more, so it is flagged to finance.
    late = add(claim, "invoice", digital("26312000000000000042", amount="320.00",
                                         when=today()))
    claim = to_finance(claim)
    client = client_for("finance")

    page = client.get(f"/expenses/claims/{claim.pk}/").content.decode()
    assert "Not used on another claim" in page
    assert f"Also on claim {first.number}" in page
    assert "Reject this receipt" in page
    # The submitter's own page shows no other claim's number.
    own = client_for("south_rep1").get(f"/expenses/claims/{claim.pk}/").content.decode()
    assert first.number not in own

    response = client.post(f"/expenses/claims/{claim.pk}/vouchers/{late.pk}/reject/",
                           {f"reject-{late.pk}-reason": "与另一报销单重复"})

    assert response.status_code == 302
    assert ExpenseClaim.objects.get(pk=claim.pk).state == ClaimState.RETURNED
    page = client_for("south_rep1").get(f"/expenses/claims/{claim.pk}/").content.decode()
    assert "与另一报销单重复" in page
    assert "A receipt was rejected: replace it" in page


def test_a_reject_without_a_reason_keeps_the_page(client_for, make_claim, travel_budget):
    claim = make_claim("east_rep1")
    receipt = add(claim, "ticket")
    claim_submit(claim_id=claim.pk, actor=claim.submitter)
    claim = to_finance(claim)

    response = client_for("finance").post(
        f"/expenses/claims/{claim.pk}/vouchers/{receipt.pk}/reject/", {})

    assert response.status_code == 400
    assert "A reason is required." in response.content.decode()
    assert ExpenseClaim.objects.get(pk=claim.pk).state == ClaimState.APPROVED


def test_finance_edits_required_vouchers_in_the_admin_and_each_change_is_audited(
        client_for, personas):
    finance = personas["finance"]
    finance.is_staff = True
    finance.save(update_fields=["is_staff"])
    client = client_for("finance")

    response = client.post("/admin/expenses/voucherrequirement/add/", {
        "item_type": "transport", "category": "", "kinds": ["ticket", "invoice"],
        "note": "车票或发票"})

    assert response.status_code == 302, response.content.decode()[:2000]
    row = VoucherRequirement.objects.get()
    assert row.kinds == ["ticket", "invoice"]
    event = AuditEvent.objects.get(event="config.created",
                                   data__model="expenses.voucherrequirement")
    assert event.actor == finance
    assert event.changes["kinds"] == [None, ["ticket", "invoice"]]
    client.post(f"/admin/expenses/voucherrequirement/{row.pk}/change/", {
        "item_type": "transport", "category": "", "kinds": ["ticket"], "note": "车票"})
    changed = AuditEvent.objects.get(event="config.changed",
                                     data__model="expenses.voucherrequirement")
    assert changed.changes["kinds"] == [["ticket", "invoice"], ["ticket"]]
    assert client_for("gm").get("/admin/expenses/voucherrequirement/").status_code == 302
