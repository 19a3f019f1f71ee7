"""/api/plans/plans/: draft, read, edit, submit through the regions and the CEO (decisions via
/api/tasks/), revise and diff; what each role sees; refusals with their status codes."""

import pytest

from core.inbox.models import WorkItem, WorkItemStatus
from workflows.plans.models import Plan, PlanState

from ..conftest import MANAGERS, NEXT, confirmation, fresh, open_items
from .conftest import PLANS, url

pytestmark = pytest.mark.django_db


def test_201_draft_that_adds_up_when_the_sales_gm_posts(api, personas):
    response = api("gm").post(PLANS, {"fiscal_year": NEXT, "target": "12000000.00",
                                      "strategy": "深耕华东", "regions": ["east", "south"]},
                              format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "draft" and body["target"] == "12000000.00"
    assert body["number"] == f"JH-{NEXT}-001" and body["currency"] == "CNY"
    grid = api("gm").get(url(body["id"], "allocations")).json()
    assert [r["region"] for r in grid["regions"]] == ["east", "south"]
    assert grid["mismatches"] == [] and grid["company"]["year"] == "12000000.00"


def test_one_plan_when_the_idempotency_key_repeats(api, personas):
    client = api("gm")
    body = {"fiscal_year": NEXT, "target": "100.00"}
    first = client.post(PLANS, body, format="json", headers={"Idempotency-Key": "k-1"})
    again = client.post(PLANS, body, format="json", headers={"Idempotency-Key": "k-1"})
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"] and Plan.objects.count() == 1


@pytest.mark.parametrize("who, code", [("east_mgr", 403), ("ceo", 403), ("auditor", 403)])
def test_403_when_anyone_but_the_sales_gm_drafts(api, personas, who, code):
    response = api(who).post(PLANS, {"fiscal_year": NEXT, "target": "1.00"}, format="json")
    assert response.status_code == code
    assert set(response.json()) == {"detail", "code", "fields"}


def test_409_when_the_years_plan_exists(api, draft):
    draft()
    response = api("gm").post(PLANS, {"fiscal_year": NEXT, "target": "1.00"}, format="json")
    assert response.status_code == 409


def test_401_when_anonymous(api, personas):
    assert api(None).get(PLANS).status_code == 401


def test_lists_follow_who_may_see_what(api, draft, submitted, published):
    done = published(year=NEXT - 1)
    out = submitted(year=NEXT, region_codes=["east"])
    mine = draft(year=NEXT + 1)

    def ids(who):
        response = api(who).get(PLANS)
        assert response.status_code == 200
        return {p["id"] for p in response.json()["results"]}

    assert ids("gm") == ids("ceo") == ids("auditor") == {done.pk, out.pk, mine.pk}
    assert ids("east_mgr") == {done.pk, out.pk}
    assert ids("south_mgr") == {done.pk}
    assert ids("east_rep1") == {done.pk}
    assert ids("legal") == set()
    assert api("east_mgr").get(url(mine.pk)).status_code == 404
    assert api("gm").get(f"{PLANS}?fiscal_year={NEXT}").json()["count"] == 1


def test_a_regional_manager_reads_only_their_regions_rows(api, submitted):
    plan = submitted()
    grid = api("north_mgr").get(url(plan.pk, "allocations")).json()
    assert [r["region"] for r in grid["regions"]] == ["north"]
    assert grid["company"] is None
    line = api("north_rep1")
    assert line.get(url(plan.pk, "allocations")).status_code == 404  # not published yet


def test_the_whole_route_runs_through_the_api(api, personas, draft):
    plan = draft()
    gm = api("gm")
    assert gm.post(url(plan.pk, "submit"), {}, format="json").json()["state"] == "confirming"
    detail = gm.get(url(plan.pk)).json()
    assert {c["region"] for c in detail["confirmations"]} == {"east", "north", "south"}
    for region, manager in MANAGERS.items():
        task = confirmation(plan, region)
        response = api(manager).post(f"/api/tasks/{task.pk}/approve/", {"comment": "同意"},
                                     format="json")
        assert response.status_code == 200, response.content
    assert gm.get(url(plan.pk)).json()["state"] == "confirmed"
    response = gm.post(url(plan.pk, "submit"), {"comment": "请审批"}, format="json")
    assert response.json()["state"] == "in_sign_off"
    assert response.json()["current_step"] == "ceo"
    (ceo,) = open_items(plan)
    assert api("ceo").post(f"/api/tasks/{ceo.pk}/approve/", {}, format="json").status_code == 200
    detail = gm.get(url(plan.pk)).json()
    assert detail["state"] == "published" and detail["published_at"]
    assert [e["event"] for e in detail["history"]][-1] == "plan.approved"


def test_push_back_through_the_task_api_needs_a_reason(api, submitted):
    plan = submitted()
    task = confirmation(plan, "east")
    client = api("east_mgr")
    assert client.post(f"/api/tasks/{task.pk}/return/", {}, format="json").status_code == 400
    response = client.post(f"/api/tasks/{task.pk}/return/", {"reason": "3月过高"},
                           format="json")
    assert response.status_code == 200
    detail = api("gm").get(url(plan.pk)).json()
    assert detail["state"] == "returned" and detail["return_note"] == "3月过高"
    assert WorkItem.objects.filter(request__object_id=plan.pk, request__kind="plan",
                                   status=WorkItemStatus.CANCELLED).count() == 2


def test_403_when_another_regions_manager_confirms_through_the_api(api, submitted):
    plan = submitted()
    task = confirmation(plan, "east")
    response = api("south_mgr").post(f"/api/tasks/{task.pk}/approve/", {}, format="json")
    assert response.status_code in (403, 404)
    assert fresh(plan).state == PlanState.CONFIRMING


def test_edit_title_and_strategy_then_409_once_submitted(api, draft):
    plan = draft()
    client = api("gm")
    response = client.patch(url(plan.pk), {"strategy": "稳增长"}, format="json")
    assert response.status_code == 200 and response.json()["strategy"] == "稳增长"
    client.post(url(plan.pk, "submit"), {}, format="json")
    assert client.patch(url(plan.pk), {"strategy": "x"}, format="json").status_code == 409


def test_revise_then_diff_lists_the_changed_cells(api, published):
    v1 = published()
    client = api("gm")
    response = client.post(url(v1.pk, "revise"), {"reason": "华东加码"}, format="json")
    assert response.status_code == 201, response.content
    v2 = response.json()
    assert v2["version"] == 2 and v2["previous"] == v1.pk and v2["state"] == "draft"
    grid = client.get(url(v2["id"], "allocations")).json()
    body = {"target": str(float(grid["target"]) + 10), "regions": [
        {"region": r["region"],
         "months": [str(float(m) + 10) if (r["region"], i) == ("east", 0) else m
                    for i, m in enumerate(r["months"])],
         "people": [{"salesperson": p["salesperson"],
                     "months": [str(float(m) + 10) if (p["salesperson"], i) == ("east_rep1", 0)
                                else m for i, m in enumerate(p["months"])]}
                    for p in r["people"]]}
        for r in grid["regions"]]}
    assert client.put(url(v2["id"], "allocations"), body, format="json").status_code == 200

    diff = client.get(url(v2["id"], "diff") + f"?against={v1.pk}").json()
    assert [(c["region"], c["salesperson"], c["month"], c["change"]) for c in diff["cells"]] == [
        ("east", None, 1, "10.00"), ("east", "east_rep1", 1, "10.00")]
    assert diff["target"] == [str(v1.target), f"{v1.target + 10:.2f}"]
    assert client.get(url(v2["id"], "diff") + "?against=abc").status_code == 400
    assert client.get(url(v2["id"], "diff") + "?against=999999").status_code == 400
    assert client.post(url(v1.pk, "revise"), {"reason": "again"},
                       format="json").status_code == 409
    assert client.post(url(v2["id"], "revise"), {}, format="json").status_code == 400


def test_a_salesperson_sees_their_line_but_not_the_company_target(api, published):
    plan = published()
    client = api("north_rep2")
    listed = client.get(PLANS).json()["results"]
    assert [p["target"] for p in listed] == [None]
    detail = client.get(url(plan.pk)).json()
    assert detail["target"] is None and detail["history"] == []
    assert detail["confirmations"] == [] and detail["versions"][0]["target"] is None
    grid = client.get(url(plan.pk, "allocations")).json()
    assert grid["target"] is None and grid["company"] is None
    (block,) = grid["regions"]
    assert block["months"] == [] and [p["salesperson"] for p in block["people"]] == [
        "north_rep2"]
    assert api("north_mgr").get(url(plan.pk)).json()["target"] == str(plan.target)
