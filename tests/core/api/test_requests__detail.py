from .conftest import open_task, request_url, task_url


def test_detail_shows_chain_and_history_in_order_when_request_was_decided(api, submit):
    req = submit("east_rep1", "15000.00")
    api("east_mgr").post(task_url(open_task(req).pk, "approve"), {"comment": "一审"}, format="json")
    api("gm").post(task_url(open_task(req).pk, "approve"), {"comment": "二审"}, format="json")

    response = api("east_rep1").get(request_url(req))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == req.object_id
    assert body["status"] == "approved"
    assert body["waiting_on"] == []
    assert [s["code"] for s in body["chain"]] == ["line_manager", "sales_gm"]
    assert [p["username"] for p in body["chain"][0]["candidates"]] == ["east_mgr"]
    assert [p["username"] for p in body["chain"][1]["candidates"]] == ["gm"]
    history = body["history"]
    assert [e["event"] for e in history] == ["demo.submitted", "demo.step_approved",
                                             "demo.approved"]
    assert [e["actor"] for e in history] == ["east_rep1", "east_mgr", "gm"]
    assert [e["comment"] for e in history[1:]] == ["一审", "二审"]
    assert history[0]["seq"] < history[1]["seq"] < history[2]["seq"]
    assert all(e["at"].endswith("+08:00") for e in history)
    assert history[2]["to_state"] == "approved"
    assert set(history[0]) == {"seq", "at", "event", "actor", "acting_for", "from_state",
                               "to_state", "comment", "changes"}


def test_detail_is_visible_when_user_decides_or_audits_it(api, submit):
    req = submit("east_rep1")

    assert api("east_mgr").get(request_url(req)).status_code == 200
    assert api("auditor").get(request_url(req)).status_code == 200
    assert api("admin").get(request_url(req)).status_code == 200


def test_404_when_request_is_not_visible_or_does_not_exist(api, submit):
    req = submit("east_rep1")
    client = api("south_rep1")

    assert client.get(request_url(req)).status_code == 404
    assert client.get(request_url(req)).json()["code"] == "not_found"
    owner = api("east_rep1")
    assert owner.get(f"/api/requests/expense/{req.object_id}/").status_code == 404
    assert owner.get(f"/api/requests/nonsense/{req.object_id}/").status_code == 404
    assert owner.get("/api/requests/demo/99999/").status_code == 404
    assert owner.get(f"/api/requests/demo/{10**30}/").status_code == 404
    assert owner.get(f"/api/requests/de%00mo/{req.object_id}/").status_code == 404
