from core.inbox import services as inbox
from workflows.expenses.models import BudgetBalance, ExpenseClaim, Reservation
from workflows.expenses.services import claim_submit

from .conftest import EXPENSE_DAY, claim_url, open_item


def _approved_by_manager(make_budget, make_claim, personas) -> ExpenseClaim:
    make_budget()
    claim = make_claim("east_rep1")
    claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])
    inbox.task_approve(task_id=open_item("expense", claim.pk).pk, actor=personas["east_mgr"])
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    assert claim.state == "approved"
    return claim


def test_submitted_with_number_and_reservation_when_within_budget(api, make_claim, make_budget):
    make_budget()
    claim = make_claim("east_rep1")

    response = api("east_rep1").post(claim_url(claim.pk, "submit"))

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["state"] == "submitted"
    assert body["number"].startswith(f"BX-{EXPENSE_DAY.year}")
    assert body["submitted_at"] is not None
    assert body["remaining_budget"] == {"month": "9140.00", "quarter": "29140.00"}
    assert Reservation.objects.get(claim=claim).amount == 860


def test_409_when_submitting_twice(api, make_claim, make_budget):
    make_budget()
    claim = make_claim("east_rep1")
    client = api("east_rep1")
    assert client.post(claim_url(claim.pk, "submit")).status_code == 200

    response = client.post(claim_url(claim.pk, "submit"))

    assert response.status_code == 409
    assert response.json()["code"] == "state_conflict"
    assert Reservation.objects.filter(claim=claim).count() == 1


def test_409_over_budget_with_the_amounts_when_budget_is_short(api, make_claim, make_budget,
                                                               travel_blocks):
    make_budget(total="1200.00")  # 100.00 a month
    claim = make_claim("east_rep1")

    response = api("east_rep1").post(claim_url(claim.pk, "submit"))

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "over_budget"
    assert "860.00" in body["detail"] and "100.00" in body["detail"]
    assert ExpenseClaim.objects.get(pk=claim.pk).state == "draft"
    assert not Reservation.objects.exists()
    assert all(b.reserved == 0 for b in BudgetBalance.objects.all())


def test_400_with_lines_named_when_a_line_is_over_a_refusing_standard(api, make_claim,
                                                                      make_budget):
    make_budget()
    day = EXPENSE_DAY.isoformat()
    claim = make_claim("east_rep1", lines=[
        {"date": day, "item_type": "hotel", "city_tier": "tier1", "units": 1,
         "description": "豪华酒店", "amount": "700.00"},
    ])

    response = api("east_rep1").post(claim_url(claim.pk, "submit"))

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert "豪华酒店" in body["fields"]["lines"][0]
    assert ExpenseClaim.objects.get(pk=claim.pk).state == "draft"


def test_403_when_someone_other_than_the_submitter_submits(api, make_claim, make_budget):
    make_budget()
    claim = make_claim("east_rep1")

    for username in ("finance", "auditor"):
        response = api(username).post(claim_url(claim.pk, "submit"))
        assert response.status_code == 403, username
    assert ExpenseClaim.objects.get(pk=claim.pk).state == "draft"


def test_finance_reduces_a_line_with_a_reason_during_voucher_review(api, make_claim,
                                                                    make_budget, personas):
    claim = _approved_by_manager(make_budget, make_claim, personas)
    hotel = claim.lines.get(item_type="hotel")

    response = api("finance").post(claim_url(claim.pk, f"lines/{hotel.pk}/reduce"),
                                   {"amount": "300.00", "reason": "按协议酒店价"}, format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["approved_total"] == "800.00"
    line = next(x for x in body["lines"] if x["id"] == hotel.pk)
    assert (line["approved_amount"], line["reduction_reason"]) == ("300.00", "按协议酒店价")
    assert Reservation.objects.get(claim=claim, state="reserved").amount == 800
    assert body["history"][-1]["event"] == "expense.line_reduced"


def test_403_when_a_non_finance_user_reduces_a_line(api, make_claim, make_budget, personas):
    claim = _approved_by_manager(make_budget, make_claim, personas)
    hotel = claim.lines.get(item_type="hotel")
    body = {"amount": "300.00", "reason": "cut"}

    for username in ("east_mgr", "east_rep1", "auditor"):
        response = api(username).post(claim_url(claim.pk, f"lines/{hotel.pk}/reduce"), body,
                                      format="json")
        assert response.status_code == 403, username
        assert response.json()["code"] == "permission_denied"
    hotel.refresh_from_db()
    assert hotel.approved_amount is None


def test_409_when_reducing_before_the_voucher_review(api, make_claim):
    claim = make_claim("east_rep1")
    line = claim.lines.first()

    response = api("finance").post(claim_url(claim.pk, f"lines/{line.pk}/reduce"),
                                   {"amount": "1.00", "reason": "cut"}, format="json")

    assert response.status_code == 409


def test_404_when_the_line_belongs_to_another_claim(api, make_claim):
    claim = make_claim("east_rep1")
    other = make_claim("east_rep2")

    response = api("finance").post(
        claim_url(claim.pk, f"lines/{other.lines.first().pk}/reduce"),
        {"amount": "1.00", "reason": "cut"}, format="json")

    assert response.status_code == 404


def test_400_names_amount_and_reason_when_reduce_input_is_bad(api, make_claim, make_budget,
                                                              personas):
    claim = _approved_by_manager(make_budget, make_claim, personas)
    line = claim.lines.first()

    response = api("finance").post(claim_url(claim.pk, f"lines/{line.pk}/reduce"),
                                   {"amount": "-5", "reason": ""}, format="json")

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"amount", "reason"}
    too_much = api("finance").post(claim_url(claim.pk, f"lines/{line.pk}/reduce"),
                                   {"amount": "9999.00", "reason": "up"}, format="json")
    assert too_much.status_code == 400
    assert "amount" in too_much.json()["fields"]
