"""Credit limit changes over the API: a rep asks, finance (not the one who asked) decides."""

from workflows.contracts.models import CreditLimitChange, Customer
from workflows.contracts.services import credit_limit_request

from ..conftest import fresh, make_customer
from .conftest import LIMIT_CHANGES, SOUTH_CODE, customer_url


def _ask(client, customer_id: int, new_limit="4000000.00", reason="年采购量翻番"):
    return client.post(customer_url(customer_id, "credit-limit"),
                       {"new_limit": new_limit, "reason": reason}, format="json")


def _decide(client, change_id: int, **body):
    return client.post(f"{LIMIT_CHANGES}{change_id}/decide/", body, format="json")


def test_201_pending_change_and_limit_unchanged_when_a_rep_asks(api, customer):
    response = _ask(api("east_rep1"), customer.pk)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["old_limit"], body["new_limit"], body["currency"]) == (
        "3000000.00", "4000000.00", "CNY")
    assert body["state"] == "pending"
    assert body["customer"] == {"id": customer.pk, "name": customer.name}
    assert body["decided_by"] is None
    assert fresh(customer).credit_limit == 3000000


def test_limit_changes_when_finance_approves(api, customer):
    change_id = _ask(api("east_rep1"), customer.pk).json()["id"]

    response = _decide(api("finance"), change_id, approve=True, comment="同意")

    assert response.status_code == 200, response.json()
    assert response.json()["state"] == "approved"
    assert response.json()["decided_by"]["username"] == "finance"
    assert fresh(customer).credit_limit == 4000000
    events = [e["event"] for e in api("east_rep1").get(customer_url(customer.pk)).json()["history"]]
    assert events[-1] == "customer.limit_changed"


def test_limit_kept_when_finance_refuses(api, customer):
    change_id = _ask(api("east_rep1"), customer.pk).json()["id"]

    response = _decide(api("finance_clerk"), change_id, approve=False, comment="回款慢")

    assert response.status_code == 200
    assert response.json()["state"] == "rejected"
    assert fresh(customer).credit_limit == 3000000


def test_400_and_nothing_decided_when_approve_is_left_out(api, customer):
    change_id = _ask(api("east_rep1"), customer.pk).json()["id"]

    for client_kwargs in ({"format": "json"}, {"format": "multipart"}):
        response = api("finance").post(f"{LIMIT_CHANGES}{change_id}/decide/", {"comment": "x"},
                                       **client_kwargs)
        assert response.status_code == 400, client_kwargs
        assert set(response.json()["fields"]) == {"approve"}
    assert CreditLimitChange.objects.get(pk=change_id).state == "pending"


def test_403_when_someone_outside_finance_or_the_asker_decides(api, personas, customer):
    change = credit_limit_request(customer_id=customer.pk, actor=personas["finance"],
                                  new_limit="1", reason="降额")
    for username in ("east_mgr", "gm", "finance"):
        response = _decide(api(username), change.pk, approve=True)
        assert response.status_code == 403, username
        assert response.json()["code"] == "permission_denied"
    assert CreditLimitChange.objects.get(pk=change.pk).state == "pending"
    assert fresh(customer).credit_limit == 3000000


def test_409_when_a_change_is_decided_twice_or_asked_while_one_waits(api, customer):
    rep = api("east_rep1")
    change_id = _ask(rep, customer.pk).json()["id"]
    assert _ask(rep, customer.pk, "5000000").status_code == 409

    assert _decide(api("finance"), change_id, approve=True).status_code == 200
    assert _decide(api("finance_clerk"), change_id, approve=False).status_code == 409
    assert fresh(customer).credit_limit == 4000000


def test_finance_lists_pending_changes_and_others_only_their_customers(api, personas, customer):
    south = make_customer(personas["south_rep1"], code=SOUTH_CODE, region="south", name="华南")
    east_id = _ask(api("east_rep1"), customer.pk).json()["id"]
    south_id = _ask(api("south_rep1"), south.pk).json()["id"]
    _decide(api("finance"), south_id, approve=True)

    pending = api("finance").get(LIMIT_CHANGES + "?state=pending").json()
    assert [row["id"] for row in pending["results"]] == [east_id]
    assert api("finance").get(LIMIT_CHANGES).json()["count"] == 2
    assert [row["id"] for row in api("east_rep2").get(LIMIT_CHANGES).json()["results"]] == [
        east_id]
    assert api("north_rep1").get(LIMIT_CHANGES).json()["count"] == 0
    assert api("finance").get(LIMIT_CHANGES + "?state=maybe").status_code == 400


def test_404_when_the_customer_or_the_change_is_not_visible(api, customer):
    change_id = _ask(api("east_rep1"), customer.pk).json()["id"]

    assert _ask(api("south_rep1"), customer.pk).status_code == 404
    assert _decide(api("south_rep1"), change_id, approve=True).status_code == 404
    assert _decide(api("finance"), 99999999999, approve=True).status_code == 404
    assert Customer.objects.get(pk=customer.pk).limit_changes.count() == 1


def test_400_naming_the_field_when_the_new_limit_is_not_an_amount(api, customer):
    client = api("east_rep1")
    for bad in ("abc", "-1", "1e40", "12.345", "", None, True, {"a": 1}):
        response = _ask(client, customer.pk, bad)
        assert response.status_code == 400, bad
        assert set(response.json()["fields"]) == {"new_limit"}, bad
    response = _ask(client, customer.pk, "100", reason="  ")
    assert response.status_code == 400
    assert "reason" in response.json()["fields"]
    assert not CreditLimitChange.objects.exists()
