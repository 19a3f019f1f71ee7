"""The claim page: who may see it, receipts, finance's reductions and payment retry."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from core.inbox.models import Attachment, Request
from workflows.expenses.models import ClaimState, ExpenseClaim

from .helpers import line, open_item

pytestmark = pytest.mark.django_db

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.mark.parametrize(("username", "status"), [
    ("east_rep1", 200),  # the submitter
    ("east_mgr", 200),  # holds the approval
    ("finance", 200),  # finance sees every claim
    ("auditor", 200),  # reads everything
    ("east_rep2", 404),
    ("south_mgr", 404),
    ("legal", 404),
])
def test_claim_page_is_visible_only_to_those_involved(client_for, make_claim, travel_budget,
                                                      username, status):
    claim = make_claim("east_rep1", stage="submitted")

    assert client_for(username).get(f"/expenses/claims/{claim.pk}/").status_code == status


def test_claim_page_shows_lines_timeline_and_flow_link_when_submitted(client_for, make_claim,
                                                                      travel_budget):
    claim = make_claim("east_rep1", stage="submitted")
    req = Request.objects.get(kind="expense", object_id=claim.pk)

    body = client_for("east_rep1").get(f"/expenses/claims/{claim.pk}/").content.decode()

    assert "打车" in body
    assert f'href="/requests/{req.pk}/"' in body
    assert 'class="timeline"' in body
    assert "submitted the request" in body


def test_auditor_reads_the_claim_page_without_any_form(client_for, make_claim, travel_budget):
    claim = make_claim("east_rep1", stage="finance")

    body = client_for("auditor").get(f"/expenses/claims/{claim.pk}/").content.decode()

    assert "<form method=\"post\" action=\"/expenses" not in body
    assert 'type="file"' not in body


def test_receipt_is_attached_when_the_submitter_uploads_a_png(client_for, make_claim,
                                                              travel_budget):
    claim = make_claim("east_rep1")
    client = client_for("east_rep1")

    response = client.post(f"/expenses/claims/{claim.pk}/receipts/",
                           {"file": SimpleUploadedFile("发票.png", PNG, "image/png")})

    assert response.status_code == 302
    att = Attachment.objects.get()
    assert att.request == Request.objects.get(kind="expense", object_id=claim.pk)
    page = client.get(f"/expenses/claims/{claim.pk}/").content.decode()
    assert "发票.png" in page
    download = client_for("finance").get(f"/expenses/claims/{claim.pk}/receipts/{att.token}/")
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"
    other = client_for("east_rep2").get(f"/expenses/claims/{claim.pk}/receipts/{att.token}/")
    assert other.status_code == 404


def test_receipt_is_refused_with_a_message_when_it_is_not_a_pdf_or_image(client_for,
                                                                         make_claim,
                                                                         travel_budget):
    claim = make_claim("east_rep1")
    client = client_for("east_rep1")

    response = client.post(f"/expenses/claims/{claim.pk}/receipts/",
                           {"file": SimpleUploadedFile("发票.pdf", b"not a pdf at all",
                                                       "application/pdf")}, follow=True)

    assert "is not a PDF, JPEG or PNG file" in response.content.decode()
    assert Attachment.objects.count() == 0


def test_receipt_upload_is_404_when_the_user_is_not_the_submitter(client_for, make_claim,
                                                                  travel_budget):
    claim = make_claim("east_rep1", stage="submitted")

    response = client_for("east_mgr").post(
        f"/expenses/claims/{claim.pk}/receipts/",
        {"file": SimpleUploadedFile("x.png", PNG, "image/png")})

    assert response.status_code == 404


def test_finance_sees_reduce_forms_and_the_task_link_during_voucher_review(client_for,
                                                                           make_claim,
                                                                           travel_budget):
    claim = make_claim("east_rep1", stage="finance")
    task = open_item("expense", claim.pk)
    assert task.step_code == "finance_review"

    body = client_for("finance").get(f"/expenses/claims/{claim.pk}/").content.decode()

    assert f'href="/inbox/tasks/{task.pk}/"' in body
    line_pk = claim.lines.get().pk
    assert f'action="/expenses/claims/{claim.pk}/lines/{line_pk}/reduce/"' in body
    assert "data-confirm=" in body
    rep_body = client_for("east_rep1").get(f"/expenses/claims/{claim.pk}/").content.decode()
    assert "/reduce/" not in rep_body


def test_finance_reduces_a_line_through_the_page(client_for, make_claim, travel_budget,
                                                 standards):
    hotel = line("480.00", item_type="hotel", city_tier="tier1", description="住宿")
    claim = make_claim("east_rep1", stage="finance", lines=[hotel, line("100.00")])
    target = claim.lines.get(description="住宿")

    response = client_for("finance").post(
        f"/expenses/claims/{claim.pk}/lines/{target.pk}/reduce/",
        {f"reduce-{target.pk}-amount": "400.00", f"reduce-{target.pk}-reason": "超出协议价"})

    assert response.status_code == 302
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    assert claim.approved_total == Decimal("500.00")
    target.refresh_from_db()
    assert (target.approved_amount, target.reduction_reason) == (Decimal("400.00"), "超出协议价")


def test_reduce_without_a_reason_keeps_the_amount_typed(client_for, make_claim, travel_budget):
    claim = make_claim("east_rep1", stage="finance")
    target = claim.lines.get()

    response = client_for("finance").post(
        f"/expenses/claims/{claim.pk}/lines/{target.pk}/reduce/",
        {f"reduce-{target.pk}-amount": "123.45", f"reduce-{target.pk}-reason": ""})

    assert response.status_code == 400
    body = response.content.decode()
    assert "A reason is required." in body
    assert 'value="123.45"' in body
    assert ExpenseClaim.objects.get(pk=claim.pk).approved_total is None


def test_reduce_is_refused_when_the_user_is_not_finance(client_for, make_claim,
                                                        travel_budget):
    claim = make_claim("east_rep1", stage="finance")
    target = claim.lines.get()
    data = {f"reduce-{target.pk}-amount": "1.00", f"reduce-{target.pk}-reason": "x"}
    url = f"/expenses/claims/{claim.pk}/lines/{target.pk}/reduce/"

    assert client_for("east_rep1").post(url, data).status_code == 403
    assert client_for("auditor").post(url, data).status_code == 403
    assert client_for("east_rep2").post(url, data).status_code == 404
    assert ExpenseClaim.objects.get(pk=claim.pk).approved_total is None


@override_settings(CELERY_TASK_ALWAYS_EAGER=True)
def test_finance_retries_a_failed_payment_from_the_claim_page(
        client_for, make_claim, travel_budget, personas, django_capture_on_commit_callbacks):
    from core.inbox import services as inbox

    claim = make_claim("east_rep1", stage="finance")
    # The voucher is approved; the payment job (queued on commit) has not run and "failed".
    inbox.task_approve(task_id=open_item("expense", claim.pk).pk, actor=personas["finance"])
    ExpenseClaim.objects.filter(pk=claim.pk).update(payment_error="bank timeout")
    client = client_for("finance")
    page = client.get(f"/expenses/claims/{claim.pk}/").content.decode()
    assert "Retry payment" in page
    assert "bank timeout" in page
    url = f"/expenses/claims/{claim.pk}/retry-payment/"
    assert client.get(url).status_code == 405
    assert client_for("east_rep1").post(url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):  # sent through the outbox
        response = client.post(url)

    assert response.status_code == 302
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.PAID
    assert claim.payment_reference == f"PAY-{claim.number}"


def test_a_returned_claim_heads_its_pages_with_the_reason_and_one_revise_action(
        client_for, make_claim, travel_budget, personas):
    """Issue 18: a return goes back with the reason at the top of every page the submitter
    sees, and a single "revise and resubmit" action (to the edit page)."""
    from core.inbox import services as inbox

    claim = make_claim("east_rep1", stage="submitted")
    inbox.task_return(task_id=open_item("expense", claim.pk).pk, actor=personas["east_mgr"],
                      reason="请补充住宿发票")
    req = Request.objects.get(kind="expense", object_id=claim.pk)
    client = client_for("east_rep1")

    for url in (f"/expenses/claims/{claim.pk}/", f"/requests/{req.pk}/"):
        page = client.get(url).content.decode()
        banner = page.index("decision-banner")
        assert banner < page.index("请补充住宿发票") < page.index("</main>"), url
        assert page.index("请补充住宿发票") < page.index("<h2>"), url  # before any section
        assert page.count(">Revise and resubmit</a>") == 1, url
        assert f'href="/expenses/claims/{claim.pk}/edit/">Revise and resubmit' in page, url

    # the approver sees why, without the submitter's action
    approver = client_for("east_mgr").get(f"/requests/{req.pk}/").content.decode()
    assert "请补充住宿发票" in approver and ">Revise and resubmit</a>" not in approver
