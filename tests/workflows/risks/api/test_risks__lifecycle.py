"""The whole risk process over HTTP: identify and assess, add measures, submit the plan, the
level's approver decides through /api/tasks/, measures done, close (through the approver for a
high risk)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.inbox.models import WorkItem
from workflows.risks.models import Risk

from ..conftest import HIGH, MEDIUM
from .conftest import RISKS, risk_url

pytestmark = pytest.mark.django_db

DUE = (timezone.localdate() + timedelta(days=10)).isoformat()


def body(**overrides) -> dict:
    return {"type": "market", "title": "华东市场价格战", "description": "竞争对手降价15%",
            "region": "east", "likelihood": 4, "impact": 4, **overrides}


def test_high_risk_runs_from_identified_to_closed_when_driven_over_http(api, personas):
    rep, gm = api("east_rep1"), api("gm")

    created = rep.post(RISKS, body(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert created.status_code == 201, created.content
    risk = created.json()
    assert (risk["level"], risk["score"], risk["state"]) == ("high", 16, "assessed")
    assert risk["number"].startswith("FX-")
    assert rep.post(RISKS, body(), format="json",
                    HTTP_IDEMPOTENCY_KEY="k-1").json()["id"] == risk["id"]
    assert Risk.objects.count() == 1

    added = rep.post(risk_url(risk["id"], "measures"),
                     {"description": "加强市场调研", "due_date": DUE}, format="json")
    assert added.status_code == 201, added.content
    assert added.json()["owner"]["username"] == "east_rep1"

    submitted = rep.post(risk_url(risk["id"], "submit"))
    assert submitted.status_code == 200, submitted.content
    detail = submitted.json()
    assert detail["state"] == "plan_submitted"
    assert detail["open_task"]["assignee"]["username"] == "gm"
    task_id = detail["open_task"]["id"]

    tasks = gm.get("/api/tasks/?scope=inbox&kind=risk").json()["results"]
    assert [t["id"] for t in tasks] == [task_id]
    # The CEO sees every risk request but is not this level's approver; the region's manager
    # is copied on it by rule (抄送: they read it) and may not decide it either.
    assert api("ceo").post(f"/api/tasks/{task_id}/approve/").status_code == 403
    assert api("east_mgr").post(f"/api/tasks/{task_id}/approve/").status_code == 403
    assert rep.post(f"/api/tasks/{task_id}/approve/").status_code == 403
    assert gm.post(f"/api/tasks/{task_id}/approve/", {"comment": "同意"},
                   format="json").status_code == 200

    measure_id = rep.get(risk_url(risk["id"], "measures")).json()[0]["id"]
    done = rep.post(risk_url(risk["id"], f"measures/{measure_id}/done"))
    assert done.status_code == 200 and done.json()["done_date"] is not None
    assert rep.get(risk_url(risk["id"])).json()["state"] == "monitoring"

    closing = rep.post(risk_url(risk["id"], "close"), {"reason": "价格已恢复"}, format="json")
    assert closing.status_code == 200, closing.content
    assert closing.json()["state"] == "closing"
    close_task = closing.json()["open_task"]["id"]
    assert gm.post(f"/api/tasks/{close_task}/approve/").status_code == 200

    final = rep.get(risk_url(risk["id"])).json()
    assert final["state"] == "closed"
    events = [e["event"] for e in final["history"]]
    # the region's manager is copied by rule as the risk is identified (抄送)
    assert events[:3] == ["risk.identified", "risk.copied_by_rule", "risk.assessed"]
    assert "risk.escalated" in events and events[-1] == "risk.approved"
    assert [a["level"] for a in final["assessments"]] == ["high"]


def test_409_when_plan_submitted_twice(api, with_plan):
    risk = with_plan(MEDIUM)

    response = api("east_rep1").post(risk_url(risk.pk, "submit"))

    assert response.status_code == 409
    assert response.json()["code"] == "state_conflict"


def test_plan_rerouted_when_reassessed_over_http(api, with_plan, personas):
    risk = with_plan(MEDIUM)

    response = api("east_mgr").post(risk_url(risk.pk, "assess"),
                                    {"likelihood": 5, "impact": 5, "comment": "恶化"},
                                    format="json")

    assert response.status_code == 200, response.content
    assert response.json()["open_task"]["assignee"]["username"] == "ceo"
    assert WorkItem.objects.get(pk=response.json()["open_task"]["id"]).assignee == \
        personas["ceo"]


def test_review_completed_with_reassessment_over_http(api, make_risk, personas):
    from workflows.risks.models import Review

    risk = make_risk(HIGH)
    review = Review.objects.create(risk=risk, due_date=timezone.localdate(),
                                   assignee=personas["east_rep1"])

    response = api("east_rep1").post(risk_url(risk.pk, f"reviews/{review.pk}/complete"),
                                     {"measures_effective": False, "comment": "无效",
                                      "likelihood": 5, "impact": 5}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["level"] == "critical"
    assert response.json()["reviews"][0]["state"] == "done"


def test_owner_cannot_lower_a_critical_risk_and_close_it_alone(api, personas):
    """Issue 17 hole 1: after the CEO approved the plan, the owner re-assessed 1×1 and closed
    the risk without the CEO. Lowering needs the approver of the highest level reached, and
    the closure follows the highest level the risk ever reached."""
    rep, ceo = api("east_rep1"), api("ceo")
    risk = rep.post(RISKS, body(likelihood=5, impact=5), format="json").json()
    assert risk["level"] == "critical"
    rep.post(risk_url(risk["id"], "measures"), {"description": "加强市场调研", "due_date": DUE},
             format="json")
    task_id = rep.post(risk_url(risk["id"], "submit")).json()["open_task"]["id"]
    assert ceo.post(f"/api/tasks/{task_id}/approve/").status_code == 200

    lowered = rep.post(risk_url(risk["id"], "assess"), {"likelihood": 1, "impact": 1},
                       format="json")
    assert lowered.status_code == 403, lowered.content
    assert "likelihood" in lowered.json()["fields"]
    assert Risk.objects.get(pk=risk["id"]).level == "critical"
    # Raising or keeping the level stays the owner's call.
    assert rep.post(risk_url(risk["id"], "assess"), {"likelihood": 5, "impact": 4},
                    format="json").status_code == 200
    # The CEO may lower it; closing it still goes to the CEO.
    assert ceo.post(risk_url(risk["id"], "assess"), {"likelihood": 1, "impact": 1},
                    format="json").status_code == 200
    assert Risk.objects.get(pk=risk["id"]).level == "low"
    measure_id = rep.get(risk_url(risk["id"], "measures")).json()[0]["id"]
    assert rep.post(risk_url(risk["id"], f"measures/{measure_id}/done")).status_code == 200
    assert Risk.objects.get(pk=risk["id"]).state == "monitoring"

    closing = rep.post(risk_url(risk["id"], "close"), {"reason": "措施已见效"}, format="json")

    assert closing.status_code == 200, closing.content
    assert closing.json()["state"] == "closing"
    item = WorkItem.objects.get(request__kind="risk", request__object_id=risk["id"],
                                status="open")
    assert item.step_code == "close_review" and item.assignee == personas["ceo"]
    assert ceo.post(f"/api/tasks/{item.pk}/approve/").status_code == 200
    assert Risk.objects.get(pk=risk["id"]).state == "closed"
