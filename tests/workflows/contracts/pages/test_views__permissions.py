"""Every contract page: anonymous users go to the login page, people outside the object's
scope get 404, auditors read without write buttons and their writes are refused, and GET
never changes anything (writes are POST only)."""

import pytest

from core.audit.models import AuditEvent
from workflows.contracts.models import (
    Contract,
    CreditLimitChange,
    Customer,
    ExecutionProblem,
    Milestone,
)

from ..conftest import fresh

pytestmark = pytest.mark.django_db


def _urls(e) -> dict[str, list[str]]:
    c, cu = e["contract"].pk, e["customer"].pk
    return {
        "get": [
            "/contracts/", "/contracts/new/", f"/contracts/{c}/", f"/contracts/{c}/edit/",
            f"/contracts/{c}/amend/", f"/contracts/{c}/attachments/{e['attachment'].token}/",
            "/contracts/customers/", "/contracts/customers/new/", f"/contracts/customers/{cu}/",
            "/contracts/limit-changes/",
        ],
        "post": [
            f"/contracts/{c}/submit/", f"/contracts/{c}/attachments/",
            f"/contracts/{c}/milestones/", f"/contracts/{c}/milestones/{e['milestone'].pk}/done/",
            f"/contracts/{c}/problems/", f"/contracts/{c}/problems/{e['problem'].pk}/resolve/",
            f"/contracts/customers/{cu}/limit/",
            f"/contracts/limit-changes/{e['change'].pk}/decide/",
        ],
    }


def _snapshot():
    return (list(Contract.objects.order_by("pk").values_list("pk", "state", "version")),
            list(Milestone.objects.values_list("pk", "done_date")),
            list(ExecutionProblem.objects.values_list("pk", "resolved_at")),
            list(CreditLimitChange.objects.values_list("pk", "state")),
            list(Customer.objects.values_list("pk", "credit_limit", "open_receivables")),
            AuditEvent.objects.count())


def test_login_page_when_anonymous(client, executed):
    urls = _urls(executed)
    for url in urls["get"] + urls["post"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url


def test_not_found_when_contract_and_customer_are_outside_the_users_scope(client_for,
                                                                         executed):
    client = client_for("south_rep1")  # another region, not involved
    urls = _urls(executed)
    before = _snapshot()

    for url in urls["get"][2:6] + urls["get"][8:]:
        assert client.get(url).status_code == 404, url
    for url in urls["post"]:
        assert client.post(url, {"milestone-kind": "delivery", "milestone-amount": "1",
                                 "milestone-due_date": "2030-01-01", "decision": "approve",
                                 "reason": "x", "new_limit": "1"}).status_code == 404, url
    assert _snapshot() == before


def test_not_found_when_ids_are_beyond_any_database_integer(client_for, executed):
    client = client_for("finance")
    huge = 2**64
    c = executed["contract"].pk
    for url in (f"/contracts/{huge}/", f"/contracts/customers/{huge}/",
                f"/contracts/{c}/attachments/nosuchtoken/"):
        assert client.get(url).status_code == 404, url
    for url in (f"/contracts/{c}/milestones/{huge}/done/", f"/contracts/{c}/problems/{huge}/"
                "resolve/", f"/contracts/limit-changes/{huge}/decide/"):
        assert client.post(url).status_code == 404, url


def test_method_not_allowed_and_nothing_changes_when_writes_are_sent_as_get(client_for,
                                                                         executed):
    before = _snapshot()
    for username in ("east_rep1", "finance"):
        client = client_for(username)
        for url in _urls(executed)["post"]:
            assert client.get(url + "?decision=approve&resolution=x").status_code == 405, url
    assert _snapshot() == before


def test_no_write_buttons_when_the_user_is_an_auditor(client_for, executed):
    client = client_for("auditor")
    c, cu = executed["contract"], executed["customer"]

    page = client.get(f"/contracts/{c.pk}/").content.decode()
    customer_page = client.get(f"/contracts/customers/{cu.pk}/").content.decode()
    lists = [client.get(url).content.decode()
             for url in ("/contracts/", "/contracts/customers/")]

    assert c.title in page and "交付延迟" in page  # reads everything
    for marker in ("/amend/", "/edit/", "/milestones/", "/problems/", 'type="file"',
                   "Mark done", "Resolve", "Raise a problem"):
        assert marker not in page, marker
    assert "Request a credit limit change" not in customer_page
    assert "/limit-changes/" not in customer_page  # no approve / refuse
    assert all("/new/" not in body for body in lists)


def test_writes_refused_when_the_user_is_an_auditor(client_for, executed, customer):
    client = client_for("auditor")
    c = executed["contract"]
    before = _snapshot()

    new = client.post("/contracts/new/", {"customer": customer.pk, "title": "审计员合同",
                                          "value": "1000", "payment_terms_days": "30"},
                      follow=True)
    client.post("/contracts/customers/new/", {"name": "X", "credit_code": "91350100M000100Y43",
                                              "region": customer.region_id, "rating": "A"})
    client.post(f"/contracts/{c.pk}/milestones/", {
        "milestone-kind": "delivery", "milestone-amount": "0",
        "milestone-due_date": "2030-01-01"})
    client.post(f"/contracts/{c.pk}/milestones/{executed['milestone'].pk}/done/")
    client.post(f"/contracts/{c.pk}/problems/", {"problem-description": "审计发现",
                                                 "problem-assignee": c.owner_id})
    client.post(f"/contracts/{c.pk}/problems/{executed['problem'].pk}/resolve/",
                {f"resolve-{executed['problem'].pk}-resolution": "done"})
    client.post(f"/contracts/customers/{customer.pk}/limit/", {"new_limit": "1",
                                                               "reason": "x"})
    client.post(f"/contracts/{c.pk}/amend/", {"reason": "x", "title": "t", "value": "1",
                                              "payment_terms_days": "1"})

    assert "Auditors can read everything and change nothing." in new.content.decode()
    assert _snapshot() == before
    assert fresh(c).state == "signed"


def test_limit_changes_page_not_found_when_the_user_is_not_finance(client_for, executed):
    assert client_for("east_rep1").get("/contracts/limit-changes/").status_code == 404
    assert client_for("gm").get("/contracts/limit-changes/").status_code == 404
    assert client_for("finance").get("/contracts/limit-changes/").status_code == 200
