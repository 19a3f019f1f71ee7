"""Drafting, editing, submitting and amending contracts over the API; the detail; the diff."""

from core.audit.models import AuditEvent
from core.inbox.models import IdempotencyRecord, Request
from core.inbox.services import task_return
from workflows.contracts.models import Contract, ContractState

from ..conftest import fresh, item, make_customer, request_of
from .conftest import CONTRACTS, SOUTH_CODE, contract_body, contract_url


def test_201_draft_with_its_detail_when_a_rep_creates(api, personas, customer):
    response = api("east_rep1").post(CONTRACTS, contract_body(customer.pk), format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    contract = Contract.objects.get(pk=body["id"])
    assert contract.owner == personas["east_rep1"]
    assert (body["state"], body["number"], body["version"]) == ("draft", "", 1)
    assert (body["value"], body["currency"]) == ("500000.00", "CNY")
    assert (body["delivery_terms"], body["key_clauses"]) == ("到货后验收", "违约金 5%")
    assert body["credit_check"] is None
    assert body["previous"] is None
    assert body["versions"] == [{"id": contract.pk, "version": 1, "state": "draft"}]
    assert (body["milestones"], body["problems"]) == ([], [])
    assert [e["event"] for e in body["history"]] == ["contract.drafted"]
    assert body["available_actions"] == ["edit", "submit", "attach"]
    assert body["request_id"] == Request.objects.get(kind="contract", object_id=contract.pk).pk


def test_only_the_editable_fields_are_read_when_create_posts_system_fields(api, personas,
                                                                           customer):
    body = contract_body(customer.pk, state="signed", number="HT-HACK", version=7,
                         owner=personas["east_rep2"].pk, credit_breach=True, currency="USD",
                         signed_at="2020-01-01T00:00:00+08:00")

    response = api("east_rep1").post(CONTRACTS, body, format="json")

    assert response.status_code == 201, response.json()
    contract = Contract.objects.get(pk=response.json()["id"])
    assert (contract.state, contract.number, contract.version) == ("draft", "", 1)
    assert contract.owner == personas["east_rep1"]
    assert (contract.credit_breach, contract.currency, contract.signed_at) == (False, "CNY", None)


def test_same_contract_returned_when_the_idempotency_key_repeats(api, customer):
    client = api("east_rep1")
    first = client.post(CONTRACTS, contract_body(customer.pk), format="json",
                        HTTP_IDEMPOTENCY_KEY="ht-1")
    second = client.post(CONTRACTS, contract_body(customer.pk), format="json",
                         HTTP_IDEMPOTENCY_KEY="ht-1")

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Contract.objects.count() == 1
    assert IdempotencyRecord.objects.filter(key="ht-1").count() == 1


def test_400_on_customer_when_it_is_in_a_region_the_rep_does_not_see(api, personas):
    south = make_customer(personas["south_rep1"], code=SOUTH_CODE, region="south")

    response = api("east_rep1").post(CONTRACTS, contract_body(south.pk), format="json")

    assert response.status_code == 400
    assert response.json()["fields"] == {"customer": ["No customer with this id."]}
    assert not Contract.objects.exists()


def test_owner_edits_a_draft_and_the_change_is_audited(api, draft):
    contract = draft()

    response = api("east_rep1").patch(contract_url(contract.pk),
                                      {"value": "480000.00", "payment_terms_days": 60},
                                      format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["value"], body["payment_terms_days"]) == ("480000.00", 60)
    assert body["title"] == "年度供货合同"  # untouched
    edited = AuditEvent.objects.get(event="contract.edited")
    assert edited.changes == {"value": ["500000.00", "480000.00"],
                              "payment_terms_days": ["30", "60"]}
    assert request_of(contract).amount == 480000


def test_409_with_a_clear_message_when_a_signed_contract_is_edited(api, signed):
    contract = signed()

    response = api("east_rep1").patch(contract_url(contract.pk), {"value": "1.00"},
                                      format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "state_conflict"
    assert response.json()["detail"] == (
        "This contract is in the state “Signed” and cannot be edited; a signed contract is "
        "changed by an amendment.")
    assert fresh(contract).value == 500000


def test_owner_edits_when_the_contract_was_returned(api, personas, in_parallel):
    contract = in_parallel()
    task_return(task_id=item(contract, "legal_review").pk, actor=personas["legal"],
                reason="补充违约条款")

    response = api("east_rep1").patch(contract_url(contract.pk),
                                      {"key_clauses": "违约金 10%"}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["state"] == "returned"
    assert "resubmit" in response.json()["available_actions"]
    assert fresh(contract).key_clauses == "违约金 10%"


def test_403_when_someone_who_sees_it_edits_or_submits_anothers_draft(api, draft):
    contract = draft()
    manager = api("east_mgr")

    assert manager.patch(contract_url(contract.pk), {"title": "x"},
                         format="json").status_code == 403
    assert manager.post(contract_url(contract.pk, "submit")).status_code == 403
    assert api("east_rep2").patch(contract_url(contract.pk), {"title": "x"},
                                  format="json").status_code == 404
    assert fresh(contract).state == ContractState.DRAFT


def test_submit_numbers_the_contract_and_runs_the_credit_check(api, draft):
    contract = draft(terms=120)  # rating A allows 90 days: a breach

    response = api("east_rep1").post(contract_url(contract.pk, "submit"))

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["state"] == "in_review"
    assert body["number"].startswith("HT-")
    assert body["credit_breach"] is True
    check = body["credit_check"]
    assert (check["exposure"], check["credit_limit"], check["allowed_terms"]) == (
        "500000.00", "3000000.00", 90)
    assert check["breach"] is True and len(check["reasons"]) == 1
    assert body["available_actions"] == ["withdraw", "attach"]
    assert [e["event"] for e in body["history"]][-1] == "contract.submitted"


def test_409_when_the_contract_is_submitted_again(api, draft):
    contract = draft()
    client = api("east_rep1")
    assert client.post(contract_url(contract.pk, "submit")).status_code == 200

    response = client.post(contract_url(contract.pk, "submit"))

    assert response.status_code == 409
    assert response.json()["detail"] == "This contract was already submitted."
    assert AuditEvent.objects.filter(event="contract.submitted").count() == 1


def test_amendment_is_a_new_draft_version_with_a_diff_when_the_owner_amends(api, signed):
    contract = signed()
    client = api("east_rep1")
    assert "amend" in client.get(contract_url(contract.pk)).json()["available_actions"]

    response = client.post(contract_url(contract.pk, "amend"),
                           {"reason": "客户追加数量", "value": "650000.00",
                            "title": "年度供货合同（补充）"}, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["number"], body["version"], body["state"]) == (contract.number, 2, "draft")
    assert body["previous"] == contract.pk
    assert body["versions"] == [{"id": contract.pk, "version": 1, "state": "signed"},
                                {"id": body["id"], "version": 2, "state": "draft"}]
    assert body["history"][0]["event"] == "contract.amendment_drafted"
    assert body["history"][0]["comment"] == "客户追加数量"
    assert "amend" not in client.get(contract_url(contract.pk)).json()["available_actions"]

    diff = client.get(contract_url(body["id"], "diff") + f"?against={contract.pk}")
    assert diff.status_code == 200, diff.json()
    assert diff.json() == {
        "base": {"id": contract.pk, "version": 1, "state": "signed"},
        "version": {"id": body["id"], "version": 2, "state": "draft"},
        "changes": {"title": ["年度供货合同", "年度供货合同（补充）"],
                    "value": ["500000.00", "650000.00"]},
        # a value alone re-prices the one "unspecified" line (issue 22)
        "lines": {"added": [], "removed": [], "changed": [{
            "before": {"product": "UNSPECIFIED", "name": "未指定产品", "quantity": "1",
                       "unit_price": "500000.00", "discount": "0.00", "value": "500000.00"},
            "after": {"product": "UNSPECIFIED", "name": "未指定产品", "quantity": "1",
                      "unit_price": "650000.00", "discount": "0.00", "value": "650000.00"}}]},
    }
    # the amendment goes through review again
    assert client.post(contract_url(body["id"], "submit")).json()["state"] == "in_review"
    assert request_of(Contract.objects.get(pk=body["id"])).number == f"{contract.number} v2"


def test_409_when_a_contract_is_amended_before_it_is_signed(api, submitted):
    contract = submitted()

    response = api("east_rep1").post(contract_url(contract.pk, "amend"),
                                     {"reason": "改价", "value": "1.00"}, format="json")

    assert response.status_code == 409
    assert Contract.objects.count() == 1


def test_400_when_an_amendment_has_no_reason(api, signed):
    contract = signed()

    response = api("east_rep1").post(contract_url(contract.pk, "amend"), {"value": "1.00"},
                                     format="json")

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"reason"}


def test_400_on_against_when_the_diff_is_not_between_versions_of_one_contract(
    api, signed, draft, submitted
):
    contract = signed()
    other = submitted()
    unnumbered = draft()
    client = api("east_rep1")

    for against in (other.pk, unnumbered.pk, 99999999999):
        response = client.get(contract_url(contract.pk, "diff") + f"?against={against}")
        assert response.status_code == 400, against
        assert response.json()["fields"] == {"against": ["Not a version of this contract."]}
    for query in ("", "?against=abc", "?against=-1"):
        response = client.get(contract_url(contract.pk, "diff") + query)
        assert response.status_code == 400, query
        assert set(response.json()["fields"]) == {"against"}
    same = client.get(contract_url(contract.pk, "diff") + f"?against={contract.pk}")
    assert same.json()["changes"] == {}
    assert client.get(contract_url(99999999999, "diff") + f"?against={contract.pk}"
                      ).status_code == 404
