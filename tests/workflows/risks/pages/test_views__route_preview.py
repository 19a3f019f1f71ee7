"""Issue 18: the owner sees who will approve a risk's response plan (and its closure) before
recording it — "Preview the route" on the new-risk form, from the level the ratings make
(medium: the region's manager, high: the sales GM, critical: the CEO; low: no approval), with
nothing saved; the approval then goes to whom the preview named."""

import pytest

from core.inbox.models import Request
from workflows.risks.models import Risk

from ..conftest import CRITICAL, HIGH, LOW, MEDIUM, holders, open_item

pytestmark = pytest.mark.django_db


def _form(rating, **extra) -> dict:
    likelihood, impact = rating if rating else ("", "")
    return {"type": "market", "title": "华东市场价格战", "description": "竞争对手降价15%",
            "region": "", "customer": "", "contract": "", "likelihood": likelihood,
            "impact": impact, "action": "preview", **extra}


def stops(route) -> list[tuple[str, str]]:
    return [(s.code, s.who) for s in route]


@pytest.mark.parametrize(("rating", "approver", "steps"), [
    (CRITICAL, "ceo", ["plan_review", "close_review"]),
    (HIGH, "gm", ["plan_review", "close_review"]),
    (MEDIUM, "east_mgr", ["plan_review"]),
])
def test_preview_names_the_approver_of_the_level_and_saves_nothing(browser, personas, rating,
                                                                  approver, steps):
    response = browser("east_rep1").post("/risks/new/", _form(rating))

    assert response.status_code == 200
    assert not Risk.objects.exists() and not Request.objects.filter(kind="risk").exists()
    name = str(personas[approver])
    assert stops(response.context["route"]) == [(code, name) for code in steps]
    body = response.content.decode()
    assert "Route preview: who will be asked" in body
    assert "From the risk&#x27;s level" in body and "authority matrix" not in body


def test_preview_of_a_low_risk_says_no_approval(browser):
    response = browser("east_rep1").post("/risks/new/", _form(LOW))

    assert response.status_code == 200
    assert stops(response.context["route"]) == [("plan_adopted", "")]
    assert "A low risk needs no approval" in response.content.decode()


def test_preview_is_who_then_approves_the_plan(browser, personas, with_plan):
    response = browser("east_rep1").post("/risks/new/", _form(HIGH))
    (plan, _close) = response.context["route"]

    risk = with_plan(HIGH)

    assert holders(open_item(risk)) == {personas["gm"].pk}
    assert plan.who == str(personas["gm"])


def test_preview_follows_the_region_of_the_customer_chosen(browser, personas):
    from tests.workflows.contracts.conftest import make_customer

    customer = make_customer(personas["south_mgr"], region="south")
    assert customer.region.code == "south"

    response = browser("gm").post("/risks/new/", _form(MEDIUM, customer=customer.pk))

    assert response.status_code == 200
    assert stops(response.context["route"]) == [("plan_review", str(personas["south_mgr"]))]


def test_preview_without_ratings_asks_for_them_and_saves_nothing(browser):
    response = browser("east_rep1").post("/risks/new/", _form(None))

    assert response.status_code == 400
    assert response.context["route"] is None
    form = response.context["form"]
    assert form.errors["likelihood"] and form.errors["impact"]
    assert not Risk.objects.exists()


def test_preview_in_chinese(browser, personas):
    response = browser("east_rep1", HTTP_ACCEPT_LANGUAGE="zh-hans").post(
        "/risks/new/", _form(CRITICAL))

    body = response.content.decode()
    assert response.status_code == 200
    assert str(personas["ceo"]) in body
    assert "重大风险：应对方案由总经理审批。" in body and "应对方案审批" in body


def test_form_offers_the_preview(browser):
    body = browser("east_rep1").get("/risks/new/").content.decode()

    assert 'name="action" value="preview"' in body


def test_assessed_risk_page_previews_who_approves_the_plan_before_submitting(browser, personas,
                                                                             with_plan):
    risk = with_plan(CRITICAL, submit=False)

    response = browser("east_rep1").get(f"/risks/{risk.pk}/")

    assert response.status_code == 200
    assert stops(response.context["plan_route"]) == [
        ("plan_review", str(personas["ceo"])), ("close_review", str(personas["ceo"]))]
    body = response.content.decode()
    assert "Route preview: who will be asked" in body and str(personas["ceo"]) in body


def test_submitted_risk_page_shows_its_route_not_a_preview(browser, personas, with_plan):
    risk = with_plan(HIGH)

    response = browser("east_rep1").get(f"/risks/{risk.pk}/")

    assert response.context["plan_route"] is None
    assert "Route preview: who will be asked" not in response.content.decode()
