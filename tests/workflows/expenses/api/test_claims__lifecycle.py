from workflows.expenses.models import BudgetBalance, ExpenseClaim

from .conftest import CLAIMS, claim_body, claim_url


def _task_for(client, scope: str, claim_id: int) -> dict:
    response = client.get(f"/api/tasks/?scope={scope}")
    assert response.status_code == 200
    tasks = [t for t in response.json()["results"]
             if t["process"] == "expense" and t["request"]["id"] == claim_id]
    assert len(tasks) == 1, response.json()
    return tasks[0]


def test_claim_is_paid_with_a_reference_when_driven_through_the_api(
    api, make_budget, standards, django_capture_on_commit_callbacks
):
    make_budget()
    rep, manager, finance = api("east_rep1"), api("east_mgr"), api("finance")

    created = rep.post(CLAIMS, claim_body(), format="json", HTTP_IDEMPOTENCY_KEY="trip-1")
    assert created.status_code == 201, created.json()
    claim_id = created.json()["id"]
    submitted = rep.post(claim_url(claim_id, "submit"))
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["state"] == "submitted"

    # the line manager (east_mgr) approves from the inbox
    task = _task_for(manager, "inbox", claim_id)
    assert (task["step"], task["assignee"]["username"]) == ("line_manager", "east_mgr")
    assert manager.post(f"/api/tasks/{task['id']}/approve/", {"comment": "同意"},
                        format="json").status_code == 200
    assert rep.get(claim_url(claim_id)).json()["state"] == "approved"

    # finance's voucher review is a queue (finance and finance_clerk): claim, then approve
    queued = _task_for(finance, "queue", claim_id)
    assert _task_for(api("finance_clerk"), "queue", claim_id)["id"] == queued["id"]
    assert finance.post(f"/api/tasks/{queued['id']}/claim/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the payment job runs eagerly
        approved = finance.post(f"/api/tasks/{queued['id']}/approve/", {"comment": "凭证无误"},
                                format="json")
    assert approved.status_code == 200, approved.json()

    body = rep.get(claim_url(claim_id)).json()
    assert body["state"] == "paid"
    assert body["payment_reference"] == f"PAY-{body['number']}"
    assert body["paid_at"] is not None
    assert body["approved_total"] == "860.00"
    events = [e["event"] for e in body["history"]]
    assert events[0] == "expense.drafted"
    assert "expense.submitted" in events and events[-1] == "expense.paid"
    claim = ExpenseClaim.objects.get(pk=claim_id)
    month = BudgetBalance.objects.get(category="travel", period=f"M{claim.month:02d}")
    assert (month.reserved, month.spent) == (0, 860)
    # the requests API tells the same story
    req = rep.get(f"/api/requests/expense/{claim_id}/").json()
    assert req["status"] == "done"
