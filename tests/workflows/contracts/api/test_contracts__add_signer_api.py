"""POST /api/tasks/{id}/add-signer/ on the contract's legal review (a stage of the parallel
split, not a chain step): offered in available_actions, accepted, and refused with a clear 4xx
where it must be."""

from core.audit.models import AuditEvent

from ..conftest import item
from .conftest import decide, task_for


def add(client, task_id, **body):
    return client.post(f"/api/tasks/{task_id}/add-signer/", body, format="json")


def test_the_legal_reviewer_adds_a_signer_before_them_through_the_api(api, in_parallel):
    contract = in_parallel()
    legal = api("legal")
    queued = task_for(legal, contract.pk, "legal_review", scope="queue")
    assert "add_signer" not in queued["available_actions"]  # claim it first
    assert legal.post(f"/api/tasks/{queued['id']}/claim/").status_code == 200
    row = task_for(legal, contract.pk, "legal_review")
    assert "add_signer" in row["available_actions"]

    response = add(legal, row["id"], signers=["south_mgr"], position="before",
                   reason="出口条款请复核", sla_hours="8")

    assert response.status_code == 200, response.json()
    assert response.json()["decision"] == "deferred"
    south = api("south_mgr")
    theirs = task_for(south, contract.pk, "legal_review")
    assert {"approve", "reject", "return", "add_signer"} <= set(theirs["available_actions"])
    assert theirs["due"] is not None
    assert decide(south, theirs["id"], "approve").status_code == 200
    back = task_for(legal, contract.pk, "legal_review")
    assert back["id"] != row["id"] and "approve" in back["available_actions"]
    event = AuditEvent.objects.get(event="contract.signer_added")
    assert event.comment == "出口条款请复核" and event.data["signer_names"]


def test_refusals_on_a_stage_say_who_and_why(api, in_parallel, personas):
    contract = in_parallel()
    legal = api("legal")
    task_id = item(contract, "legal_review").pk
    assert legal.post(f"/api/tasks/{task_id}/claim/").status_code == 200

    no_reason = add(legal, task_id, signers=["south_mgr"], position="after")
    assert no_reason.status_code == 400 and "reason" in no_reason.json()["fields"]
    submitter = add(legal, task_id, signers=["east_rep1"], position="after", reason="x")
    assert submitter.status_code == 403
    assert submitter.json()["code"] == "segregation_of_duties"
    auditor = add(legal, task_id, signers=["auditor"], position="after", reason="x")
    assert auditor.status_code == 403 and "signers" in auditor.json()["fields"]
    branch = add(legal, task_id, signers=["finance"], position="after", reason="x")
    assert branch.status_code == 400
    assert "another open task" in branch.json()["fields"]["signers"][0] \
        or "another open task" in branch.json()["detail"]
    ahead = add(legal, task_id, signers=["gm"], position="alongside", reason="x")
    assert ahead.status_code == 400 and "signers" in ahead.json()["fields"]
    stranger = add(api("legal2"), task_id, signers=["south_mgr"], position="after", reason="x")
    assert stranger.status_code == 403 and stranger.json()["code"] == "not_your_task"
    assert not AuditEvent.objects.filter(event="contract.signer_added").exists()

    assert decide(legal, task_id, "approve").status_code == 200
    late = add(legal, task_id, signers=["south_mgr"], position="after", reason="x")
    assert late.status_code == 409 and late.json()["code"] == "state_conflict"
