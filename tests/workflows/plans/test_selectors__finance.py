"""Finance records every region's actual sales, so it reads the plans in force (published or
superseded) whole, read-only: never a plan still being drafted or signed off, and it neither
edits the grid nor takes part in the sign-off (DOMAIN.md §3)."""

from decimal import Decimal

import pytest
from django.test import Client
from rest_framework.test import APIClient

from core.audit.models import AuditEvent
from core.org.models import Region, Role, RoleAssignment, User
from workflows.plans import selectors, services
from workflows.plans.models import Actual, Plan, PlanState

from .conftest import NEXT, YEAR, fresh, rows_of

pytestmark = pytest.mark.django_db

PLANS = "/api/plans/plans/"


def finance() -> User:
    # A fresh copy: plan_scope is cached on the user object.
    return User.objects.get(username="finance")


def api_as(user: User) -> APIClient:
    client = APIClient(headers={"accept-language": "en"})
    client.force_authenticate(user)
    return client


def page_as(user: User) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


@pytest.fixture
def plans(personas, draft, submitted, confirmed, published):
    """One plan in each state finance may or may not see, by state."""
    live = published("3600000.00", year=YEAR)
    revision = services.plan_revise(plan_id=live.pk, actor=personas["gm"], reason="上调华东")
    with_ceo = confirmed(year=NEXT + 3)
    services.plan_send_to_ceo(plan_id=with_ceo.pk, actor=personas["gm"])
    return {"published": live, "revision": revision, "draft": draft(year=NEXT),
            "confirming": submitted(year=NEXT + 1), "confirmed": confirmed(year=NEXT + 2),
            "in_sign_off": fresh(with_ceo)}


def test_finance_sees_only_plans_in_force_when_plans_are_drafted_and_signed_off(plans):
    assert plans["in_sign_off"].state == PlanState.IN_SIGN_OFF
    assert plans["revision"].state == PlanState.DRAFT
    assert set(selectors.visible_plans(finance())) == {plans["published"]}
    assert selectors.versions_of(plans["published"], finance()) == [plans["published"]]


def test_finance_gets_404_when_it_opens_a_plan_not_yet_in_force(plans):
    user = finance()
    for key in ("draft", "revision", "confirming", "confirmed", "in_sign_off"):
        pk = plans[key].pk
        for path in (f"{PLANS}{pk}/", f"{PLANS}{pk}/allocations/", f"{PLANS}{pk}/actuals/",
                     f"{PLANS}{pk}/attainment/", f"{PLANS}{pk}/export.xlsx"):
            assert api_as(user).get(path).status_code == 404, (key, path)
        for path in (f"/plans/{pk}/", f"/plans/{pk}/actuals/", f"/plans/{pk}/attainment/",
                     f"/plans/{pk}/export.xlsx"):
            assert page_as(user).get(path).status_code == 404, (key, path)
    listed = {row["id"] for row in api_as(user).get(PLANS).json()["results"]}
    assert listed == {plans["published"].pk}


def test_finance_reads_every_row_and_the_company_line_when_reading_a_published_plan(plans):
    plan, user = plans["published"], finance()
    view = selectors.grid_view(plan, selectors.plan_scope(user))
    assert {b.region.region for b in view.blocks} == {"east", "north", "south"}
    assert all(b.region.months for b in view.blocks)
    assert view.company is not None and view.company.year == Decimal("3600000.00")
    assert selectors.sees_process(user)
    assert selectors.export_scope(user, plan) == {}
    grid = api_as(user).get(f"{PLANS}{plan.pk}/allocations/").json()
    assert grid["target"] == "3600000.00"
    assert {r["region"] for r in grid["regions"]} == {"east", "north", "south"}
    page = page_as(user).get(f"/plans/{plan.pk}/")
    assert page.status_code == 200
    for button in (b"Edit the grid", b"Revise (new version)", b"Approve and publish",
                   b"Send to the CEO"):
        assert button not in page.content


def test_finance_records_actuals_of_any_region_when_posting_to_a_published_plan(plans):
    plan, user = plans["published"], finance()
    response = api_as(user).post(f"{PLANS}{plan.pk}/actuals/", {
        "salesperson": "south_rep1", "month": 2, "amount": "8000.00"}, format="json")
    assert response.status_code == 201, response.content
    response = page_as(user).post(f"/plans/{plan.pk}/actuals/", {
        "salesperson": "north_rep1", "month": 3, "amount": "9000.00"})
    assert response.status_code == 302, response.content
    assert set(Actual.objects.values_list("salesperson__username", "month", "recorded_by")) == {
        ("south_rep1", 2, user.pk), ("north_rep1", 3, user.pk)}
    assert api_as(user).get(f"{PLANS}{plan.pk}/actuals/").json()["count"] == 2
    attained = api_as(user).get(f"{PLANS}{plan.pk}/attainment/").json()
    assert attained["company"]["year"]["actual"] == "17000.00"


def test_finance_changes_nothing_when_it_edits_submits_revises_or_decides_a_published_plan(
        plans):
    plan, user = plans["published"], finance()
    target, rows = rows_of(plan)
    body = {"target": str(target), "comment": "改", "regions": [
        {"region": r.region, "months": [str(m) for m in r.months]}
        for r in rows if r.person is None]}
    api, page = api_as(user), page_as(user)
    before = (Plan.objects.count(), AuditEvent.objects.count(), fresh(plan).state)
    for call in (lambda: api.put(f"{PLANS}{plan.pk}/allocations/", body, format="json"),
                 lambda: api.patch(f"{PLANS}{plan.pk}/", {"title": "改"}, format="json"),
                 lambda: api.post(f"{PLANS}{plan.pk}/submit/", {"comment": "x"},
                                  format="json"),
                 lambda: api.post(f"{PLANS}{plan.pk}/revise/", {"reason": "x"},
                                  format="json")):
        response = call()
        assert response.status_code == 403, response.content
    for path in (f"/plans/{plan.pk}/grid/", f"/plans/{plan.pk}/revise/"):
        assert page.get(path).status_code == 404, path
    page.post(f"/plans/{plan.pk}/decide/approve/", {"comment": "同意"})
    page.post(f"/plans/{plan.pk}/submit/", {"comment": "x"})
    page.post(f"/plans/{plan.pk}/details/", {"title": "改", "strategy": ""})
    assert (Plan.objects.count(), AuditEvent.objects.count(), fresh(plan).state) == before
    assert fresh(plan).title == plan.title


def test_finance_who_also_manages_a_region_sees_only_that_region_of_a_plan_in_sign_off(plans):
    RoleAssignment.objects.create(user=finance(), role=Role.REGIONAL_MANAGER,
                                  region=Region.objects.get(code="north"))
    user = finance()
    confirming, live = plans["confirming"], plans["published"]
    assert set(selectors.visible_plans(user)) == {confirming, live, plans["confirmed"],
                                                  plans["in_sign_off"]}
    view = selectors.grid_view(confirming, selectors.plan_scope(user))
    assert [b.region.region for b in view.blocks] == ["north"] and view.company is None
    assert selectors.export_scope(user, confirming)["region_codes"] == {"north"}
    assert selectors.export_scope(user)["region_codes"] == {"north"}
    assert selectors.export_scope(user, live) == {}
    assert len(selectors.grid_view(live, selectors.plan_scope(user)).blocks) == 3
