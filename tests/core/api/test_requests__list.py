from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import open_task, task_url

URL = "/api/requests/"


def test_lists_requests_with_contract_fields_when_user_submitted_them(api, submit):
    req = submit("east_rep1", "15000.00")

    response = api("east_rep1").get(URL + "?mine=1")

    assert response.status_code == 200
    row = response.json()["results"][0]
    assert row["kind"] == "demo"
    assert row["id"] == req.object_id
    assert row["request_id"] == req.pk
    assert row["number"] == req.number
    assert row["title"] == req.title
    assert row["status"] == "in_review"
    assert row["amount"] == "15000.00"
    assert row["currency"] == "CNY"
    assert row["current_step"]
    assert [p["username"] for p in row["waiting_on"]] == ["east_mgr"]
    assert row["since"].endswith("+08:00")
    assert row["submitter"]["username"] == "east_rep1"


def test_mine_keeps_only_own_requests_when_user_also_decides_others(api, submit):
    own = submit("east_mgr")
    other = submit("east_rep1")
    client = api("east_mgr")

    everything = [r["request_id"] for r in client.get(URL).json()["results"]]
    mine = [r["request_id"] for r in client.get(URL + "?mine=1").json()["results"]]

    assert sorted(everything) == sorted([own.pk, other.pk])
    assert mine == [own.pk]


def test_requests_of_others_are_hidden_when_user_is_not_involved(api, submit):
    submit("east_rep1")

    assert api("south_rep1").get(URL).json()["count"] == 0
    assert api("auditor").get(URL).json()["count"] == 1


def test_kind_and_status_filter_when_given(api, submit):
    approved = submit("east_rep1")
    api("east_mgr").post(task_url(open_task(approved).pk, "approve"), {}, format="json")
    pending = submit("east_rep1")
    client = api("east_rep1")

    by_status = client.get(URL + "?status=approved").json()["results"]
    in_review = client.get(URL + "?status=in_review&kind=demo").json()["results"]
    blank = client.get(URL + "?mine=1&kind=&status=").json()

    assert [r["request_id"] for r in by_status] == [approved.pk]
    assert [r["request_id"] for r in in_review] == [pending.pk]
    assert blank["count"] == 2
    assert client.get(URL + "?kind=expense").json()["count"] == 0


def test_400_names_the_field_when_status_or_kind_is_unknown(api, personas):
    response = api("east_rep1").get(URL + "?status=lost&kind=boat")

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"status", "kind"}


def test_list_queries_do_not_grow_when_page_grows_from_5_to_40(api, submit):
    for i in range(40):
        submit("east_rep1", str(100 + i))

    with CaptureQueriesContext(connection) as five:
        small = api("east_rep1").get(URL + "?page_size=5")
    with CaptureQueriesContext(connection) as forty:
        large = api("east_rep1").get(URL + "?page_size=40")

    assert len(small.json()["results"]) == 5
    assert len(large.json()["results"]) == 40
    assert len(forty.captured_queries) == len(five.captured_queries)
