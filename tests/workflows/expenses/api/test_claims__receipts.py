"""The API's vouchers: a receipt per line with its invoice data (multipart), the missing ones
per line in the claim, submission refused with field errors per line, duplicates across
submitters, finance's rejection (policy 7(三)1)."""

import pytest

from workflows.expenses.models import ClaimState, Receipt
from workflows.expenses.services import claim_submit

from ..vouchers import COMPANY, COMPANY_CODE, SELLER_CODE, pdf, require_defaults
from .conftest import EXPENSE_DAY, claim_url, fresh, open_item

pytestmark = pytest.mark.django_db


def invoice_fields(number="26312000000000000001", amount="500.00", **over) -> dict:
    body = {"invoice_type": "digital", "invoice_number": number,
            "invoice_date": EXPENSE_DAY.isoformat(), "invoice_amount": amount,
            "seller_name": "上海铁路", "seller_code": SELLER_CODE, "buyer_name": COMPANY,
            "buyer_code": COMPANY_CODE}
    body.update(over)
    return body


def post_receipt(client, claim, line_index=0, kind="invoice", upload=None, **fields):
    line = claim.lines.order_by("pk")[line_index]
    return client.post(claim_url(claim.pk, "receipts"),
                       {"file": upload or pdf(), "line": line.pk, "kind": kind, **fields},
                       format="multipart")


def test_an_invoice_receipt_is_added_to_a_line_and_listed(api, make_claim):
    claim = make_claim("east_rep1")
    client = api("east_rep1")

    response = post_receipt(client, claim, 0, "invoice", **invoice_fields())

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["kind"], body["invoice_number"], body["invoice_amount"]) == (
        "invoice", "26312000000000000001", "500.00")
    assert body["line"] == claim.lines.order_by("pk")[0].pk
    assert body["checks"] == [] and body["duplicate_of"] is None  # checks are finance's
    listed = api("finance").get(claim_url(claim.pk, "receipts")).json()
    assert [r["id"] for r in listed] == [body["id"]]
    assert all(c["ok"] for c in listed[0]["checks"])


@pytest.mark.parametrize(("fields", "bad"), [
    ({"invoice_number": "12345"}, "invoice_number"),
    ({"invoice_type": "vat_special", "invoice_code": "031002300111",
      "invoice_number": "12345678"}, "invoice_code"),
    ({"invoice_type": "vat_ordinary", "invoice_code": "0310023001",
      "invoice_number": "1234567"}, "invoice_number"),
    ({"seller_code": "91440300MA5FAB2C1X"}, "seller_code"),
    ({"buyer_code": "91110108MA01C9XW0C"}, "buyer_code"),
])
def test_invalid_invoice_data_is_a_field_error(api, make_claim, fields, bad):
    claim = make_claim("east_rep1")

    response = post_receipt(api("east_rep1"), claim, 0, "invoice", **invoice_fields(**fields))

    assert response.status_code == 400
    assert bad in response.json()["fields"]
    assert not Receipt.objects.exists()


def test_only_the_submitter_adds_a_receipt(api, make_claim):
    claim = make_claim("east_rep1")

    assert post_receipt(api("finance"), claim, 0, "ticket").status_code == 403
    assert post_receipt(api("east_rep2"), claim, 0, "ticket").status_code == 404


def test_the_claim_lists_missing_vouchers_and_submit_names_them_per_line(
        api, make_claim, make_budget):
    make_budget()
    require_defaults()
    claim = make_claim("east_rep1")
    client = api("east_rep1")
    post_receipt(client, claim, 1, "invoice", **invoice_fields(amount="360.00"))

    detail = client.get(claim_url(claim.pk)).json()
    assert [(v["required"], v["missing"]) for v in detail["vouchers"]] == [
        ([["ticket", "invoice"]], [["ticket", "invoice"]]),
        ([["invoice"], ["folio"]], [["folio"]]),
    ]
    response = client.post(claim_url(claim.pk, "submit"))
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "lines.0.vouchers": ["Line 1 (高铁 上海-杭州) needs: Ticket or boarding pass or Invoice."],
        "lines.1.vouchers": ["Line 2 (酒店一晚) needs: Hotel folio."],
    }

    post_receipt(client, claim, 0, "ticket")
    post_receipt(client, claim, 1, "folio")
    response = client.post(claim_url(claim.pk, "submit"))
    assert response.status_code == 200, response.json()
    assert response.json()["state"] == ClaimState.SUBMITTED


def test_a_duplicate_invoice_across_submitters_is_refused_at_submit(api, make_claim,
                                                                    make_budget):
    make_budget()
    first = make_claim("east_rep1")
    post_receipt(api("east_rep1"), first, 0, "invoice", **invoice_fields("26312000000000000077"))
    claim_submit(claim_id=first.pk, actor=first.submitter)
    second = make_claim("south_rep1")
    client = api("south_rep1")
    post_receipt(client, second, 0, "invoice", **invoice_fields("26312000000000000077"))

    response = client.post(claim_url(second.pk, "submit"))

    assert response.status_code == 400
    assert response.json()["fields"] == {"lines.0.vouchers": [
        "Invoice 26312000000000000077 is already used on another person's claim (finance can "
        "see which)."]}
    assert fresh(second).state == ClaimState.DRAFT


def test_a_duplicate_file_across_submitters_is_refused_at_submit(api, make_claim, make_budget):
    make_budget()
    first = make_claim("east_rep1")
    post_receipt(api("east_rep1"), first, 0, "ticket", upload=pdf(body=b"same ticket"))
    claim_submit(claim_id=first.pk, actor=first.submitter)
    second = make_claim("north_rep1")
    client = api("north_rep1")
    post_receipt(client, second, 0, "ticket", upload=pdf("t.pdf", body=b"same ticket"))

    response = client.post(claim_url(second.pk, "submit"))

    assert response.status_code == 400
    assert "The file t.pdf is already used on another person's claim" in \
        response.json()["fields"]["lines.0.vouchers"][0]


def test_finance_rejects_a_receipt_and_the_claim_returns(api, make_claim, make_budget,
                                                         personas):
    from core.inbox import services as inbox

    make_budget()
    claim = make_claim("east_rep1")
    receipt = post_receipt(api("east_rep1"), claim, 0, "ticket").json()
    claim_submit(claim_id=claim.pk, actor=claim.submitter)
    while (item := open_item("expense", claim.pk)).step_code != "finance_review":
        inbox.task_approve(task_id=item.pk, actor=item.assignee or item.candidates.first(),
                           comment="ok")
    url = claim_url(claim.pk, f"receipts/{receipt['id']}/reject")

    assert api("east_rep1").post(url, {"reason": "x"}, format="json").status_code == 403
    assert api("finance").post(url, {}, format="json").status_code == 400
    response = api("finance").post(url, {"reason": "车票日期不符"}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["state"] == ClaimState.RETURNED
    listed = api("east_rep1").get(claim_url(claim.pk, "receipts")).json()
    assert (listed[0]["status"], listed[0]["reject_reason"]) == ("rejected", "车票日期不符")
    # The submitter takes it off and may add another.
    gone = api("east_rep1").delete(claim_url(claim.pk, f"receipts/{receipt['id']}"))
    assert gone.status_code == 204
    assert not Receipt.objects.filter(pk=receipt["id"]).exists()


def test_lines_edited_with_their_ids_keep_their_receipts(api, make_claim):
    claim = make_claim("east_rep1")
    client = api("east_rep1")
    receipt = post_receipt(client, claim, 0, "ticket").json()
    first = claim.lines.order_by("pk")[0]

    response = client.patch(claim_url(claim.pk), {"lines": [
        {"id": first.pk, "date": EXPENSE_DAY.isoformat(), "item_type": "transport",
         "description": "高铁 改签", "amount": "520.00"}]}, format="json")

    assert response.status_code == 200, response.json()
    assert Receipt.objects.get(pk=receipt["id"]).line_id == first.pk
