"""After signing, over the API: milestones (collections count as open receivables until done)
and execution problems."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.audit.models import AuditEvent
from workflows.contracts.models import ExecutionProblem, Milestone

from ..conftest import fresh
from .conftest import contract_url, customer_url

TODAY = timezone.localdate()


def _add(client, contract_id: int, **overrides):
    body = {"kind": "collection", "amount": "200000.00",
            "due_date": (TODAY + timedelta(days=30)).isoformat(), "note": "首付款"}
    body.update(overrides)
    return client.post(contract_url(contract_id, "milestones"), body, format="json")


def _raise(client, contract_id: int, assignee, description="到货延迟两周"):
    return client.post(contract_url(contract_id, "problems"),
                       {"description": description, "assignee": assignee}, format="json")


def test_collection_counts_as_receivable_until_it_is_done(api, signed, customer):
    contract = signed()
    rep = api("east_rep1")

    added = _add(rep, contract.pk)
    assert added.status_code == 201, added.json()
    milestone = added.json()
    assert (milestone["kind"], milestone["amount"], milestone["currency"]) == (
        "collection", "200000.00", "CNY")
    assert milestone["done_date"] is None and milestone["contract"] == contract.pk
    assert rep.get(customer_url(customer.pk)).json()["open_receivables"] == "200000.00"

    done = rep.post(f"/api/contracts/milestones/{milestone['id']}/done/", {}, format="json")

    assert done.status_code == 200, done.json()
    assert done.json()["done_date"] == TODAY.isoformat()
    assert fresh(customer).open_receivables == 0
    detail = rep.get(contract_url(contract.pk)).json()
    assert [m["id"] for m in detail["milestones"]] == [milestone["id"]]
    assert [e["event"] for e in detail["history"]][-2:] == [
        "contract.milestone_added", "contract.milestone_done"]


def test_milestones_listed_by_due_date_when_the_contract_is_visible(api, signed):
    contract = signed()
    rep = api("east_rep1")
    late = _add(rep, contract.pk, kind="invoice",
                due_date=(TODAY + timedelta(days=60)).isoformat()).json()
    early = _add(rep, contract.pk, kind="delivery", amount="0",
                 due_date=(TODAY + timedelta(days=5)).isoformat()).json()

    body = api("east_mgr").get(contract_url(contract.pk, "milestones")).json()

    assert body["count"] == 2
    assert [m["id"] for m in body["results"]] == [early["id"], late["id"]]
    assert api("south_rep1").get(contract_url(contract.pk, "milestones")).status_code == 404


def test_done_on_the_date_given_when_finance_records_a_collection(api, signed):
    contract = signed()
    milestone_id = _add(api("east_rep1"), contract.pk).json()["id"]
    day = (TODAY - timedelta(days=2)).isoformat()

    response = api("finance").post(f"/api/contracts/milestones/{milestone_id}/done/",
                                   {"done_date": day}, format="json")

    assert response.status_code == 200
    assert Milestone.objects.get(pk=milestone_id).done_date.isoformat() == day


def test_409_when_a_milestone_is_added_to_a_contract_not_yet_signed(api, submitted):
    contract = submitted()

    response = _add(api("east_rep1"), contract.pk)

    assert response.status_code == 409
    assert not Milestone.objects.exists()


def test_403_when_someone_who_only_sees_the_contract_adds_or_closes_a_milestone(api, signed):
    contract = signed()
    milestone_id = _add(api("east_rep1"), contract.pk).json()["id"]

    assert _add(api("east_mgr"), contract.pk).status_code == 403
    assert api("east_mgr").post(f"/api/contracts/milestones/{milestone_id}/done/", {},
                                format="json").status_code == 403
    assert api("south_rep1").post(f"/api/contracts/milestones/{milestone_id}/done/", {},
                                  format="json").status_code == 404
    assert Milestone.objects.count() == 1
    assert Milestone.objects.get().done_date is None


@pytest.mark.parametrize("field, value", [
    ("kind", "payment"), ("amount", "abc"), ("amount", "-1.00"), ("amount", "1e20"),
    ("due_date", "2026-02-30"), ("due_date", "30/01/2026"), ("due_date", None),
])
def test_400_naming_the_field_when_a_milestone_value_is_bad(api, signed, field, value):
    contract = signed()

    response = _add(api("east_rep1"), contract.pk, **{field: value})

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {field}
    assert not Milestone.objects.exists()


def test_409_when_a_milestone_is_marked_done_twice(api, signed):
    contract = signed()
    rep = api("east_rep1")
    milestone_id = _add(rep, contract.pk).json()["id"]
    url = f"/api/contracts/milestones/{milestone_id}/done/"
    rep.post(url, {"done_date": (TODAY - timedelta(days=9)).isoformat()}, format="json")

    response = rep.post(url, {}, format="json")

    assert response.status_code == 409
    assert AuditEvent.objects.filter(event="contract.milestone_done").count() == 1


def test_problem_raised_and_resolved_by_the_owner(api, personas, signed):
    contract = signed()
    manager = api("east_mgr")

    raised = _raise(manager, contract.pk, personas["east_rep1"].pk)

    assert raised.status_code == 201, raised.json()
    problem = raised.json()
    assert problem["raised_by"]["username"] == "east_mgr"
    assert problem["assignee"]["username"] == "east_rep1"
    assert (problem["resolved"], problem["resolution"]) == (False, "")
    rep = api("east_rep1")
    assert rep.get(contract_url(contract.pk, "problems")).json()["count"] == 1

    resolved = rep.post(f"/api/contracts/problems/{problem['id']}/resolve/",
                        {"resolution": "已协调物流加急"}, format="json")

    assert resolved.status_code == 200, resolved.json()
    assert resolved.json()["resolved"] is True
    assert resolved.json()["resolved_at"] is not None
    again = rep.post(f"/api/contracts/problems/{problem['id']}/resolve/",
                     {"resolution": "再次"}, format="json")
    assert again.status_code == 409
    events = [e["event"] for e in rep.get(contract_url(contract.pk)).json()["history"]]
    assert events[-2:] == ["contract.problem_raised", "contract.problem_resolved"]


def test_open_problems_listed_first_when_some_are_resolved(api, personas, signed):
    contract = signed()
    rep = api("east_rep1")
    first = _raise(rep, contract.pk, "east_rep1", "第一批破损").json()
    second = _raise(rep, contract.pk, "east_rep1", "发票抬头错误").json()
    rep.post(f"/api/contracts/problems/{second['id']}/resolve/", {"resolution": "重开"},
             format="json")

    rows = rep.get(contract_url(contract.pk, "problems")).json()["results"]

    assert [(p["id"], p["resolved"]) for p in rows] == [(first["id"], False),
                                                        (second["id"], True)]
    detail = rep.get(contract_url(contract.pk)).json()
    assert [p["id"] for p in detail["problems"]] == [first["id"], second["id"]]


def test_problems_are_refused_when_the_contract_is_not_signed_or_not_visible(api, personas,
                                                                            submitted):
    contract = submitted()

    assert _raise(api("east_rep1"), contract.pk, "east_rep1").status_code == 400
    assert _raise(api("south_rep1"), contract.pk, "south_rep1").status_code == 404
    assert api("south_rep1").get(contract_url(contract.pk, "problems")).status_code == 404
    assert not ExecutionProblem.objects.exists()


def test_403_and_404_when_others_resolve_a_problem(api, personas, signed):
    contract = signed()
    problem_id = _raise(api("east_rep1"), contract.pk, "legal").json()["id"]
    url = f"/api/contracts/problems/{problem_id}/resolve/"

    assert api("east_mgr").post(url, {"resolution": "x"}, format="json").status_code == 403
    assert api("south_rep1").post(url, {"resolution": "x"}, format="json").status_code == 404
    assert api("legal").post(url, {"resolution": "已修订条款"}, format="json").status_code == 200


@pytest.mark.parametrize("body, field", [
    ({"description": "x", "assignee": 99999999999}, "assignee"),
    ({"description": "x", "assignee": "nobody"}, "assignee"),
    ({"description": "x", "assignee": True}, "assignee"),
    ({"description": "", "assignee": "east_rep1"}, "description"),
    ({"assignee": "east_rep1"}, "description"),
])
def test_400_naming_the_field_when_a_problem_body_is_bad(api, signed, body, field):
    contract = signed()

    response = api("east_rep1").post(contract_url(contract.pk, "problems"), body, format="json")

    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_assignee_resolves_when_the_contract_is_otherwise_not_theirs(api, personas, signed):
    contract = signed()
    problem_id = _raise(api("east_rep1"), contract.pk, "east_rep2").json()["id"]

    response = api("east_rep2").post(f"/api/contracts/problems/{problem_id}/resolve/",
                                     {"resolution": "已处理"}, format="json")

    assert response.status_code == 200
