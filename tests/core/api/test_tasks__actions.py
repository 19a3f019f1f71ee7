
from core.audit.models import AuditEvent
from core.inbox.models import RequestStatus, WorkItem

from .conftest import open_task, task_url


def _post(client, task_id, action, body=None):
    return client.post(task_url(task_id, action), body or {}, format="json")


def test_approve_decides_and_returns_the_task_when_assignee_approves(api, submit):
    req = submit("east_rep1", "15000.00")
    task = open_task(req)

    response = _post(api("east_mgr"), task.pk, "approve", {"comment": "同意"})

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == task.pk
    assert body["status"] == "done"
    assert body["decision"] == "approved"
    assert body["available_actions"] == []
    assert open_task(req).step_code == "sales_gm"
    event = AuditEvent.objects.get(subject_id=str(req.object_id), event="demo.step_approved")
    assert event.comment == "同意"


def test_404_when_task_belongs_to_someone_else(api, submit):
    task = open_task(submit("east_rep1"))

    for action in ("approve", "claim", "release"):
        response = _post(api("east_rep2"), task.pk, action)
        assert response.status_code == 404, action
        assert response.json()["code"] == "not_found"
    response = _post(api("south_mgr"), task.pk, "reject", {"reason": "no"})
    assert response.status_code == 404
    assert WorkItem.objects.get(pk=task.pk).status == "open"


def test_404_when_task_does_not_exist_or_id_is_out_of_range(api, personas):
    for task_id in (999999, 2**63, 10**30):
        assert _post(api("east_mgr"), task_id, "approve").status_code == 404


def test_403_segregation_of_duties_when_approving_own_request(api, submit):
    req = submit("east_mgr", "800.00")  # goes to gm, east_mgr's line manager
    task = open_task(req)

    response = _post(api("east_mgr"), task.pk, "approve")

    assert response.status_code == 403
    assert response.json()["code"] == "segregation_of_duties"


def test_403_read_only_role_when_auditor_approves(api, submit):
    task = open_task(submit("east_rep1"))

    response = _post(api("auditor"), task.pk, "approve")

    assert response.status_code == 403
    assert response.json()["code"] == "read_only_role"


def test_403_not_your_task_when_a_visible_task_is_someone_elses(api, submit):
    req = submit("east_rep1", "15000.00")
    _post(api("east_mgr"), open_task(req).pk, "approve")
    gm_task = open_task(req)

    response = _post(api("east_mgr"), gm_task.pk, "approve")

    assert response.status_code == 403
    assert response.json()["code"] == "not_your_task"


def test_409_state_conflict_when_approving_twice(api, submit):
    task = open_task(submit("east_rep1"))
    client = api("east_mgr")
    assert _post(client, task.pk, "approve").status_code == 200

    response = _post(client, task.pk, "approve")

    assert response.status_code == 409
    assert response.json()["code"] == "state_conflict"


def test_400_with_fields_reason_when_rejecting_without_reason(api, submit):
    task = open_task(submit("east_rep1"))

    for body in ({}, {"reason": ""}, {"reason": "   "}):
        response = _post(api("east_mgr"), task.pk, "reject", body)
        assert response.status_code == 400, body
        assert response.json()["code"] == "invalid"
        assert "reason" in response.json()["fields"]
    assert WorkItem.objects.get(pk=task.pk).status == "open"


def test_reject_closes_the_request_when_reason_is_given(api, submit):
    req = submit("east_rep1")

    response = _post(api("east_mgr"), open_task(req).pk, "reject", {"reason": "超标"})

    assert response.status_code == 200
    assert response.json()["decision"] == "rejected"
    req.refresh_from_db()
    assert req.status == RequestStatus.REJECTED


def test_400_when_body_is_not_json_object(api, submit):
    task = open_task(submit("east_rep1"))
    client = api("east_mgr")

    bad_json = client.post(task_url(task.pk, "approve"), "{", content_type="application/json")
    a_list = client.post(task_url(task.pk, "approve"), [1], format="json")
    nul = _post(client, task.pk, "reject", {"reason": "a\x00b"})

    assert bad_json.status_code == 400
    assert a_list.status_code == 400
    assert nul.status_code == 400


def test_return_goes_to_the_submitter_when_no_step_is_given(api, submit):
    req = submit("east_rep1")

    response = _post(api("east_mgr"), open_task(req).pk, "return", {"reason": "补发票"})

    assert response.status_code == 200
    assert response.json()["decision"] == "returned"
    req.refresh_from_db()
    assert req.status == RequestStatus.RETURNED
    assert open_task(req).assignee.username == "east_rep1"


def test_return_goes_to_an_earlier_step_when_to_step_is_given(api, submit):
    req = submit("east_rep1", "15000.00")
    _post(api("east_mgr"), open_task(req).pk, "approve")

    response = _post(api("gm"), open_task(req).pk, "return", {"reason": "再核", "to_step": 0})

    assert response.status_code == 200
    back = open_task(req)
    assert back.step_code == "line_manager"
    assert back.assignee.username == "east_mgr"


def test_400_with_fields_to_step_when_step_is_not_earlier(api, submit):
    req = submit("east_rep1", "15000.00")
    _post(api("east_mgr"), open_task(req).pk, "approve")
    gm_task = open_task(req)

    later = _post(api("gm"), gm_task.pk, "return", {"reason": "x", "to_step": 1})
    negative = _post(api("gm"), gm_task.pk, "return", {"reason": "x", "to_step": -1})

    assert later.status_code == 400
    assert "to_step" in later.json()["fields"]
    assert negative.status_code == 400
    assert "to_step" in negative.json()["fields"]
    assert WorkItem.objects.get(pk=gm_task.pk).status == "open"


def test_claim_then_release_moves_the_task_when_user_is_a_candidate(api, submit, second_sales_gm):
    req = submit("east_rep1", "15000.00")
    _post(api("east_mgr"), open_task(req).pk, "approve")
    task = open_task(req)

    claimed = _post(api("gm"), task.pk, "claim")
    assert claimed.status_code == 200
    assert claimed.json()["assignee"]["username"] == "gm"
    assert "release" in claimed.json()["available_actions"]

    again = _post(api("marketing"), task.pk, "claim")
    assert again.status_code == 409
    assert again.json()["code"] == "state_conflict"

    not_holder = _post(api("marketing"), task.pk, "release")
    assert not_holder.status_code == 403
    assert not_holder.json()["code"] == "not_your_task"

    released = _post(api("gm"), task.pk, "release")
    assert released.status_code == 200
    assert released.json()["assignee"] is None
    assert released.json()["available_actions"] == ["approve", "reject", "return", "claim",
                                                    "copy"]


def test_409_when_releasing_an_unclaimed_queue_task(api, submit, second_sales_gm):
    req = submit("east_rep1", "15000.00")
    _post(api("east_mgr"), open_task(req).pk, "approve")
    task = open_task(req)
    assert task.assignee_id is None

    response = _post(api("gm"), task.pk, "release")

    assert response.status_code == 409
    assert response.json()["code"] == "state_conflict"
    assert WorkItem.objects.get(pk=task.pk).assignee_id is None


def test_400_when_releasing_a_directly_assigned_task(api, submit):
    task = open_task(submit("east_rep1"))

    response = _post(api("east_mgr"), task.pk, "release")

    assert response.status_code == 400


def test_reassign_moves_the_task_when_an_administrator_asks(api, submit, personas):
    task = open_task(submit("east_rep1"))

    by_name = _post(api("admin"), task.pk, "reassign", {"assignee": "gm", "reason": "出差"})
    by_id = _post(api("admin"), task.pk, "reassign",
                  {"assignee": personas["east_mgr"].pk, "reason": "回来了"})

    assert by_name.status_code == 200
    assert by_name.json()["assignee"]["username"] == "gm"
    assert by_id.status_code == 200
    assert by_id.json()["assignee"]["username"] == "east_mgr"
    assert AuditEvent.objects.filter(event="demo.task_reassigned").count() == 2


def test_reassign_is_refused_when_input_or_rights_are_wrong(api, submit):
    task = open_task(submit("east_rep1"))
    admin = api("admin")

    unknown = _post(admin, task.pk, "reassign", {"assignee": "nobody", "reason": "x"})
    huge_id = _post(admin, task.pk, "reassign", {"assignee": 10**30, "reason": "x"})
    no_reason = _post(admin, task.pk, "reassign", {"assignee": "gm"})
    to_submitter = _post(admin, task.pk, "reassign", {"assignee": "east_rep1", "reason": "x"})
    by_submitter = _post(api("east_rep1"), task.pk, "reassign", {"assignee": "gm", "reason": "x"})

    assert unknown.status_code == 400
    assert "assignee" in unknown.json()["fields"]
    assert huge_id.status_code == 400
    assert no_reason.status_code == 400
    assert "reason" in no_reason.json()["fields"]
    assert to_submitter.status_code == 403
    assert to_submitter.json()["code"] == "segregation_of_duties"
    assert by_submitter.status_code == 403
    assert by_submitter.json()["code"] == "permission_denied"
    assert WorkItem.objects.get(pk=task.pk).assignee.username == "east_mgr"


def test_401_when_acting_without_login(api, submit):
    task = open_task(submit("east_rep1"))

    assert _post(api(None), task.pk, "approve").status_code == 401


def test_audit_event_records_the_request_id_when_client_sends_one(api, submit):
    req = submit("east_rep1")

    response = api("east_mgr").post(task_url(open_task(req).pk, "approve"), {}, format="json",
                                    HTTP_X_REQUEST_ID="client-req-42")

    assert response["X-Request-ID"] == "client-req-42"
    event = AuditEvent.objects.get(subject_id=str(req.object_id), event="demo.approved")
    assert event.request_id == "client-req-42"


def test_reassign_moves_the_task_when_the_holders_manager_asks(api, submit):
    task = open_task(submit("east_rep1"))  # with east_mgr; gm is east_mgr's line manager

    response = _post(api("gm"), task.pk, "reassign", {"assignee": "south_mgr", "reason": "休假"})

    assert response.status_code == 200


def test_candidate_decides_an_unclaimed_queue_task_without_claiming_it_first(
        api, submit, second_sales_gm):
    req = submit("east_rep1", "15000.00")
    _post(api("east_mgr"), open_task(req).pk, "approve")
    task = open_task(req)
    assert task.assignee_id is None

    response = _post(api("marketing"), task.pk, "approve", {"comment": "同意"})

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["status"], body["decision"]) == ("done", "approved")
    assert body["assignee"]["username"] == "marketing"
    event = AuditEvent.objects.get(subject_id=str(req.object_id), event="demo.approved")
    assert event.data["from_queue"] is True
    # the other candidate finds nothing left: the queue closed with the decision
    late = _post(api("gm"), task.pk, "reject", {"reason": "晚了"})
    assert late.status_code == 409
    assert late.json()["code"] == "state_conflict"
    assert api("gm").get("/api/tasks/?scope=queue").json()["count"] == 0


def test_candidate_returns_an_unclaimed_queue_task_directly(api, submit, second_sales_gm):
    req = submit("east_rep1", "15000.00")
    _post(api("east_mgr"), open_task(req).pk, "approve")
    task = open_task(req)

    response = _post(api("gm"), task.pk, "return", {"reason": "请补充"})

    assert response.status_code == 200, response.json()
    req.refresh_from_db()
    assert req.status == RequestStatus.RETURNED
    assert WorkItem.objects.get(pk=task.pk).assignee.username == "gm"
