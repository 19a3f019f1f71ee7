from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.inbox.models import WorkItem
from core.org.demo import DEMO_PASSWORD
from core.org.models import Delegation

from .conftest import open_task, task_url


def _ids(response):
    return [row["id"] for row in response.json()["results"]]


def test_inbox_lists_assigned_task_with_contract_fields_when_scope_is_default(api, submit):
    req = submit("east_rep1", "800.00")
    task = open_task(req)

    response = api("east_mgr").get("/api/tasks/")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 1
    row = body["results"][0]
    assert row["id"] == task.pk
    assert row["process"] == "demo"
    assert row["request"] == {
        "kind": "demo", "id": req.object_id, "number": req.number, "title": req.title,
        "amount": "800.00", "currency": "CNY",
        "submitter": {"id": req.submitter_id, "username": "east_rep1", "name": "赵磊"},
    }
    assert row["step"] == "line_manager"
    assert row["status"] == "open"
    assert row["assignee"]["username"] == "east_mgr"
    assert row["acting_for"] is None
    assert row["overdue"] is False
    assert row["created"].endswith("+08:00")
    assert row["available_actions"] == ["approve", "reject", "return", "transfer", "add_signer",
                                        "copy"]
    assert response.headers["X-Request-ID"]


def test_inbox_is_empty_when_nothing_is_assigned_to_the_user(api, submit):
    submit("east_rep1")

    response = api("south_mgr").get("/api/tasks/?scope=inbox")

    assert response.json()["count"] == 0


def test_queue_offers_decisions_and_claim_when_user_is_a_candidate(api, submit, second_sales_gm):
    req = submit("east_rep1", "15000.00")
    api("east_mgr").post(task_url(open_task(req).pk, "approve"), {}, format="json")
    queued = open_task(req)

    for username in ("gm", "marketing"):
        response = api(username).get("/api/tasks/?scope=queue")
        assert _ids(response) == [queued.pk]
        row = response.json()["results"][0]
        assert row["assignee"] is None
        assert row["available_actions"] == ["approve", "reject", "return", "claim", "copy"]
    assert api("gm").get("/api/tasks/").json()["count"] == 0


def test_release_is_offered_when_task_was_claimed_from_the_queue(api, submit, second_sales_gm):
    req = submit("east_rep1", "15000.00")
    api("east_mgr").post(task_url(open_task(req).pk, "approve"), {}, format="json")
    api("gm").post(task_url(open_task(req).pk, "claim"))

    row = api("gm").get("/api/tasks/").json()["results"][0]

    assert row["available_actions"] == ["approve", "reject", "return", "release", "transfer",
                                        "add_signer", "copy"]


def test_archive_lists_decided_task_without_actions_when_scope_is_archive(api, submit):
    req = submit("east_rep1")
    task = open_task(req)
    api("east_mgr").post(task_url(task.pk, "approve"), {"comment": "好"}, format="json")

    response = api("east_mgr").get("/api/tasks/?scope=archive")

    row = response.json()["results"][0]
    assert row["id"] == task.pk
    assert row["status"] == "done"
    assert row["decision"] == "approved"
    assert row["available_actions"] == []
    assert api("east_mgr").get("/api/tasks/").json()["count"] == 0


def test_principal_is_acting_for_when_user_deputises_for_the_assignee(api, submit, personas):
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_mgr"], deputy=personas["south_mgr"],
                              starts_on=today, ends_on=today + timedelta(days=3))
    req = submit("east_rep1")
    task = open_task(req)

    inbox = api("south_mgr").get("/api/tasks/").json()["results"]
    assert [r["id"] for r in inbox] == [task.pk]
    assert inbox[0]["acting_for"]["username"] == "east_mgr"
    assert inbox[0]["available_actions"] == ["approve", "reject", "return", "transfer",
                                             "add_signer", "copy"]

    api("south_mgr").post(task_url(task.pk, "approve"), {}, format="json")
    archived = api("south_mgr").get("/api/tasks/?scope=archive").json()["results"]
    assert archived[0]["acting_for"]["username"] == "east_mgr"


def test_revision_task_offers_resubmit_when_returned_to_submitter(api, submit):
    req = submit("east_rep1")
    api("east_mgr").post(task_url(open_task(req).pk, "return"), {"reason": "补发票"}, format="json")

    row = api("east_rep1").get("/api/tasks/").json()["results"][0]

    assert row["step"] == "revise"
    assert row["available_actions"] == ["resubmit"]


def test_filters_narrow_the_list_when_given(api, submit, personas):
    small = open_task(submit("east_rep1", "800.00"))
    big = open_task(submit("east_rep2", "9000.00"))
    client = api("east_mgr")

    assert sorted(_ids(client.get("/api/tasks/?kind=demo"))) == sorted([small.pk, big.pk])
    assert _ids(client.get("/api/tasks/?kind=expense")) == []
    assert len(_ids(client.get("/api/tasks/?step=line_manager"))) == 2
    assert _ids(client.get("/api/tasks/?step=sales_gm")) == []
    rep2 = personas["east_rep2"].pk
    assert _ids(client.get(f"/api/tasks/?submitter={rep2}")) == [big.pk]
    assert _ids(client.get("/api/tasks/?amount_min=1000")) == [big.pk]
    assert _ids(client.get("/api/tasks/?amount_max=1000.00")) == [small.pk]
    assert _ids(client.get("/api/tasks/?amount_min=100&amount_max=900")) == [small.pk]
    assert len(_ids(client.get("/api/tasks/?kind=&step=&amount_min="))) == 2


def test_overdue_filter_keeps_late_tasks_when_overdue_is_1(api, submit):
    late = open_task(submit("east_rep1"))
    open_task(submit("east_rep2"))
    WorkItem.objects.filter(pk=late.pk).update(due=timezone.now() - timedelta(hours=1))

    response = api("east_mgr").get("/api/tasks/?overdue=1")

    assert _ids(response) == [late.pk]
    assert response.json()["results"][0]["overdue"] is True


def test_400_names_the_field_when_scope_is_unknown(api, personas):
    response = api("east_mgr").get("/api/tasks/?scope=everything")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "scope" in response.json()["fields"]


def test_400_names_the_field_when_amount_is_not_a_number(api, personas):
    for query in ("amount_min=abc", "amount_max=1e999", "amount_min=NaN", "submitter=x"):
        response = api("east_mgr").get(f"/api/tasks/?{query}")
        assert response.status_code == 400, query
        assert query.split("=")[0] in response.json()["fields"]


def test_pages_follow_next_link_when_page_size_is_small(api, submit):
    for _ in range(3):
        submit("east_rep1")
    client = api("east_mgr")

    first = client.get("/api/tasks/?page_size=2").json()
    second = client.get(first["next"]).json()

    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert len(second["results"]) == 1
    assert second["next"] is None
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}


def test_ordering_parameter_sorts_when_field_is_allowed(api, submit):
    ids = [open_task(submit("east_rep1", amount)).pk for amount in ("300", "100", "200")]
    client = api("east_mgr")

    assert _ids(client.get("/api/tasks/?ordering=amount")) == [ids[1], ids[2], ids[0]]
    assert _ids(client.get("/api/tasks/?ordering=-amount")) == [ids[0], ids[2], ids[1]]
    assert client.get("/api/tasks/?ordering=title,nonsense").status_code == 200


def test_list_queries_do_not_grow_when_page_grows_from_5_to_40(api, submit):
    for i in range(40):
        submit("east_rep1" if i % 2 else "east_rep2", str(100 + i))

    with CaptureQueriesContext(connection) as five:
        small = api("east_mgr").get("/api/tasks/?page_size=5")
    with CaptureQueriesContext(connection) as forty:
        large = api("east_mgr").get("/api/tasks/?page_size=40")

    assert len(small.json()["results"]) == 5
    assert len(large.json()["results"]) == 40
    assert len(forty.captured_queries) == len(five.captured_queries)
    assert len(forty.captured_queries) <= 8


def test_401_when_not_authenticated(api, personas):
    response = api(None).get("/api/tasks/")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response.headers["WWW-Authenticate"].startswith("Token")


def test_token_from_auth_endpoint_authenticates_when_sent_in_header(api, submit):
    submit("east_rep1")
    client = api(None)
    token = client.post("/api/auth/token/", {"username": "east_mgr", "password": DEMO_PASSWORD},
                        format="json").json()["token"]

    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get("/api/tasks/")

    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_session_login_authenticates_when_logged_in(client, personas):
    client.force_login(personas["east_mgr"])

    assert client.get("/api/tasks/").status_code == 200
