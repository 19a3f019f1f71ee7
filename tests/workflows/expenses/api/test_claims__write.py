from core.audit.models import AuditEvent
from core.inbox.models import IdempotencyRecord, Request
from workflows.expenses.models import ExpenseClaim
from workflows.expenses.services import claim_submit

from .conftest import CLAIMS, EXPENSE_DAY, claim_body, claim_url, lines_860


def test_201_draft_with_total_from_lines_when_rep_creates(api, personas, standards):
    response = api("east_rep1").post(CLAIMS, claim_body(), format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    claim = ExpenseClaim.objects.get(pk=body["id"])
    assert claim.submitter == personas["east_rep1"]
    assert body["state"] == "draft"
    assert body["number"] == ""
    assert body["total"] == "860.00"
    assert body["purpose"] == "季度回访"
    assert body["request_id"] == Request.objects.get(kind="expense", object_id=claim.pk).pk
    assert [e["event"] for e in body["history"]] == ["expense.drafted"]
    assert body["remaining_budget"] == {"month": "0.00", "quarter": "0.00"}


def test_nothing_but_the_lines_decides_amounts_when_create_posts_system_fields(
    api, personas, standards
):
    body = claim_body(state="paid", number="BX-HACK-1", approved_total="1.00", total="99999.00",
                      submitter=personas["east_rep2"].pk, over_budget=True, paid_at=None,
                      payment_reference="PAY-X", currency="USD")

    response = api("east_rep1").post(CLAIMS, body, format="json")

    assert response.status_code == 201, response.json()
    claim = ExpenseClaim.objects.get(pk=response.json()["id"])
    assert (claim.state, claim.number, claim.approved_total) == ("draft", "", None)
    assert claim.total == 860
    assert claim.submitter == personas["east_rep1"]
    assert claim.over_budget is False
    assert claim.payment_reference == ""
    assert claim.currency == "CNY"


def test_same_claim_returned_when_the_idempotency_key_repeats(api, standards):
    client = api("east_rep1")
    first = client.post(CLAIMS, claim_body(), format="json", HTTP_IDEMPOTENCY_KEY="claim-1")
    second = client.post(CLAIMS, claim_body(), format="json", HTTP_IDEMPOTENCY_KEY="claim-1")

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert ExpenseClaim.objects.count() == 1
    assert IdempotencyRecord.objects.filter(key="claim-1").count() == 1
    # another key is another claim
    assert client.post(CLAIMS, claim_body(), format="json",
                       HTTP_IDEMPOTENCY_KEY="claim-2").status_code == 201
    assert ExpenseClaim.objects.count() == 2


def test_400_names_each_bad_line_field_when_lines_are_invalid(api, standards):
    body = claim_body(category="boats", lines=[
        {"date": "2026-02-30", "item_type": "hotel", "description": "", "amount": "-1"},
        {"date": EXPENSE_DAY.isoformat(), "description": "ok", "amount": "1e40", "units": 0},
    ])

    response = api("east_rep1").post(CLAIMS, body, format="json")

    assert response.status_code == 400
    fields = response.json()["fields"]
    assert {"category", "lines.0.date", "lines.0.description", "lines.0.amount",
            "lines.1.amount", "lines.1.units"} <= set(fields)
    assert ExpenseClaim.objects.count() == 0


def test_400_when_there_are_no_lines(api, standards):
    response = api("east_rep1").post(CLAIMS, claim_body(lines=[]), format="json")

    assert response.status_code == 400
    assert "lines" in response.json()["fields"]


def test_403_and_nothing_created_when_auditor_creates(api, standards):
    response = api("auditor").post(CLAIMS, claim_body(), format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert ExpenseClaim.objects.count() == 0


def test_detail_has_remaining_budget_and_history_when_visible(api, make_claim, make_budget):
    make_budget(total="120000.00")  # 10000.00 a month, 30000.00 a quarter
    claim = make_claim("east_rep1")

    response = api("east_rep1").get(claim_url(claim.pk))

    assert response.status_code == 200
    body = response.json()
    assert body["remaining_budget"] == {"month": "10000.00", "quarter": "30000.00"}
    assert body["history"][0]["event"] == "expense.drafted"
    assert body["history"][0]["actor"] == "east_rep1"


def test_404_when_another_rep_reads_or_edits_the_claim(api, make_claim):
    claim = make_claim("east_rep1")
    client = api("east_rep2")

    for response in (client.get(claim_url(claim.pk)),
                     client.patch(claim_url(claim.pk), {"title": "mine"}, format="json"),
                     client.post(claim_url(claim.pk, "submit")),
                     client.get(claim_url(claim.pk, "attachments"))):
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    assert api("east_rep1").get(claim_url(10**30)).status_code == 404
    assert api("east_rep1").get(claim_url(2**63)).status_code == 404


def test_patch_changes_title_and_lines_when_draft(api, make_claim):
    claim = make_claim("east_rep1")
    lines = lines_860()[:1]

    response = api("east_rep1").patch(claim_url(claim.pk), {"title": "改后的标题", "lines": lines},
                                      format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["title"] == "改后的标题"
    assert body["total"] == "500.00"
    assert len(body["lines"]) == 1
    assert Request.objects.get(kind="expense", object_id=claim.pk).title == "改后的标题"
    assert AuditEvent.objects.filter(event="expense.edited", subject_id=str(claim.pk)).exists()


def test_patch_ignores_system_fields_when_posted(api, make_claim, personas):
    claim = make_claim("east_rep1")

    response = api("east_rep1").patch(
        claim_url(claim.pk),
        {"state": "paid", "number": "BX-HACK", "approved_total": "1.00", "total": "1.00",
         "submitter": personas["east_rep2"].pk, "payment_reference": "X"},
        format="json",
    )

    assert response.status_code == 200
    claim = ExpenseClaim.objects.get(pk=claim.pk)  # FSM-protected state: no refresh_from_db
    assert (claim.state, claim.number, claim.approved_total, claim.total) == (
        "draft", "", None, 860)
    assert claim.submitter == personas["east_rep1"]
    assert claim.payment_reference == ""


def test_409_when_patching_a_submitted_claim(api, make_claim, make_budget, personas):
    make_budget()
    claim = make_claim("east_rep1")
    claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])

    response = api("east_rep1").patch(claim_url(claim.pk), {"title": "late"}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "state_conflict"


def test_403_when_someone_who_sees_the_claim_but_did_not_submit_it_edits(api, make_claim):
    claim = make_claim("east_rep1")

    for username in ("finance", "auditor"):
        response = api(username).patch(claim_url(claim.pk), {"title": "x"}, format="json")
        assert response.status_code == 403, username
        assert response.json()["code"] == "permission_denied"
    assert ExpenseClaim.objects.get(pk=claim.pk).title == "杭州客户拜访"
