"""A contract driven through its whole route over HTTP (policy 4.4): drafted and submitted with
the contracts API, decided with the task API (/api/tasks/): the regional manager, then legal
and finance in parallel, then sign-off by the sales GM, or the CEO from 1,000,000.00 or on a
credit breach."""

from decimal import Decimal

from core.audit.verify import verify_all
from core.inbox.models import WorkItem, WorkItemStatus
from workflows.contracts.models import Contract, ContractState, Customer

from ..conftest import request_of
from .conftest import CONTRACTS, contract_body, contract_url, decide, task_for


def _submit(api, customer, value: str = "500000.00", **body) -> int:
    rep = api("east_rep1")
    created = rep.post(CONTRACTS, contract_body(customer.pk, value=value, **body), format="json")
    assert created.status_code == 201, created.json()
    contract_id = created.json()["id"]
    submitted = rep.post(contract_url(contract_id, "submit"))
    assert submitted.status_code == 200, submitted.json()
    return contract_id


def _through_reviews(api, contract_id: int) -> None:
    manager = api("east_mgr")
    regional = task_for(manager, contract_id, "regional_review")
    assert regional["assignee"]["username"] == "east_mgr"
    assert decide(manager, regional["id"], comment="区域同意").status_code == 200
    # legal's review is a queue: claim it, then approve
    legal = api("legal2")
    queued = task_for(legal, contract_id, "legal_review", scope="queue")
    assert "claim" in queued["available_actions"]
    assert legal.post(f"/api/tasks/{queued['id']}/claim/").status_code == 200
    assert decide(legal, queued["id"], comment="条款无异议").status_code == 200
    finance = api("finance")
    credit = task_for(finance, contract_id, "credit_review", scope="queue")
    assert finance.post(f"/api/tasks/{credit['id']}/claim/").status_code == 200
    assert decide(finance, credit["id"], comment="信用额度充足").status_code == 200


def _state(api, contract_id: int) -> str:
    return api("east_rep1").get(contract_url(contract_id)).json()["state"]


def test_signed_by_the_sales_gm_when_below_one_million_and_every_review_approves(api, customer):
    contract_id = _submit(api, customer, "999999.99")
    _through_reviews(api, contract_id)
    assert _state(api, contract_id) == "in_review"

    gm = api("gm")
    sign_off = task_for(gm, contract_id, "sales_gm")
    response = decide(gm, sign_off["id"], comment="同意签署")

    assert response.status_code == 200, response.json()
    body = api("east_rep1").get(contract_url(contract_id)).json()
    assert body["state"] == "signed" and body["signed_at"] is not None
    events = [e["event"] for e in body["history"]]
    # over 500,000.00 finance is copied by rule, recorded by the engine's submit just before
    # the contract's own "submitted"
    assert events[:3] == ["contract.drafted", "contract.copied_by_rule", "contract.submitted"]
    assert events[-1] == "contract.signed"
    assert body["available_actions"] == ["amend", "add_milestone", "raise_problem"]
    assert api("east_rep1").get(f"/api/requests/contract/{contract_id}/").json()[
        "status"] == "approved"
    assert verify_all(save=False).ok


def test_signed_by_the_ceo_and_not_the_gm_when_the_value_is_one_million(api, customer):
    contract_id = _submit(api, customer, "1000000.00")
    _through_reviews(api, contract_id)
    ceo_task = task_for(api("ceo"), contract_id, "ceo")

    refused = decide(api("gm"), ceo_task["id"])
    assert refused.status_code in (403, 404)
    assert _state(api, contract_id) == "in_review"

    assert decide(api("ceo"), ceo_task["id"]).status_code == 200
    assert _state(api, contract_id) == "signed"
    request = request_of(Contract.objects.get(pk=contract_id))
    assert not WorkItem.objects.filter(request=request, step_code="sales_gm").exists()


def test_the_ceo_signs_after_the_gm_when_the_contract_breaches_the_credit_limit(api, customer):
    Customer.objects.filter(pk=customer.pk).update(credit_limit=Decimal("400000.00"))
    contract_id = _submit(api, customer, "500000.00")
    assert api("east_rep1").get(contract_url(contract_id)).json()["credit_breach"] is True
    _through_reviews(api, contract_id)

    assert decide(api("gm"), task_for(api("gm"), contract_id, "sales_gm")["id"]
                  ).status_code == 200
    assert _state(api, contract_id) == "in_review"
    assert decide(api("ceo"), task_for(api("ceo"), contract_id, "ceo")["id"]).status_code == 200
    assert _state(api, contract_id) == "signed"


def test_rejected_and_finance_task_cancelled_when_legal_rejects(api, customer):
    contract_id = _submit(api, customer)
    manager = api("east_mgr")
    decide(manager, task_for(manager, contract_id, "regional_review")["id"])
    credit = task_for(api("finance"), contract_id, "credit_review", scope="queue")
    legal = task_for(api("legal"), contract_id, "legal_review", scope="queue")

    assert decide(api("legal"), legal["id"], "reject").status_code == 400  # a reason is needed
    response = decide(api("legal"), legal["id"], "reject", reason="管辖条款不可接受")

    assert response.status_code == 200, response.json()
    assert _state(api, contract_id) == "rejected"
    assert WorkItem.objects.get(pk=credit["id"]).status == WorkItemStatus.CANCELLED
    late = decide(api("finance"), credit["id"])
    assert late.status_code == 409
    assert api("finance").get("/api/tasks/?scope=queue&kind=contract").json()["count"] == 0
    body = api("east_rep1").get(contract_url(contract_id)).json()
    assert body["available_actions"] == []
    assert "contract.rejected" in [e["event"] for e in body["history"]]


def test_owner_revises_and_resubmits_when_finance_returns_it(api, customer):
    contract_id = _submit(api, customer)
    manager = api("east_mgr")
    first = task_for(manager, contract_id, "regional_review")
    decide(manager, first["id"])
    legal = task_for(api("legal"), contract_id, "legal_review", scope="queue")
    credit = task_for(api("finance"), contract_id, "credit_review", scope="queue")

    response = decide(api("finance"), credit["id"], "return", reason="账期请缩短到 30 天以内")

    assert response.status_code == 200, response.json()
    assert WorkItem.objects.get(pk=legal["id"]).status == WorkItemStatus.CANCELLED
    rep = api("east_rep1")
    assert rep.get(contract_url(contract_id)).json()["state"] == "returned"
    edited = rep.patch(contract_url(contract_id), {"payment_terms_days": 20}, format="json")
    assert edited.status_code == 200, edited.json()
    assert rep.post(contract_url(contract_id, "submit")).status_code == 409  # resubmit instead
    resubmitted = rep.post(f"/api/requests/contract/{contract_id}/resubmit/",
                           {"comment": "已缩短账期"}, format="json")
    assert resubmitted.status_code == 200, resubmitted.json()

    assert _state(api, contract_id) == "in_review"
    again = task_for(api("east_mgr"), contract_id, "regional_review")
    assert again["id"] != first["id"]  # the regional review starts over
    _approve_second_pass(api, contract_id, again["id"])
    assert _state(api, contract_id) == "signed"
    assert Contract.objects.get(pk=contract_id).payment_terms_days == 20


def _approve_second_pass(api, contract_id: int, regional_id: int) -> None:
    assert decide(api("east_mgr"), regional_id).status_code == 200
    for username, step in (("legal", "legal_review"), ("finance_clerk", "credit_review")):
        client = api(username)
        task = task_for(client, contract_id, step, scope="queue")
        client.post(f"/api/tasks/{task['id']}/claim/")
        assert decide(client, task["id"]).status_code == 200, username
    assert decide(api("gm"), task_for(api("gm"), contract_id, "sales_gm")["id"]).status_code == 200


def test_refused_and_task_left_open_when_the_wrong_person_decides(api, customer):
    contract_id = _submit(api, customer)
    regional = task_for(api("east_mgr"), contract_id, "regional_review")

    # south's manager may not even see the east contract's task
    assert decide(api("south_mgr"), regional["id"]).status_code == 404
    assert api("south_mgr").get(contract_url(contract_id)).status_code == 404
    # the owner may see it but never decide it
    own = decide(api("east_rep1"), regional["id"])
    assert own.status_code == 403
    decide(api("east_mgr"), regional["id"])
    legal = task_for(api("legal"), contract_id, "legal_review", scope="queue")
    credit = task_for(api("finance"), contract_id, "credit_review", scope="queue")

    wrong_role = decide(api("legal"), credit["id"])
    assert wrong_role.status_code == 403
    assert wrong_role.json()["code"] == "not_your_task"
    self_approval = decide(api("east_rep1"), legal["id"])
    assert self_approval.status_code == 403
    assert self_approval.json()["code"] == "segregation_of_duties"
    auditor = decide(api("auditor"), legal["id"])
    assert auditor.status_code == 403
    assert auditor.json()["code"] == "read_only_role"
    open_steps = set(WorkItem.objects.filter(
        request__object_id=contract_id, request__kind="contract",
        status=WorkItemStatus.OPEN).values_list("step_code", flat=True))
    assert open_steps == {"legal_review", "credit_review"}
    assert Contract.objects.get(pk=contract_id).state == ContractState.IN_REVIEW
