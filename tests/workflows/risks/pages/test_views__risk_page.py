"""A risk's page and the actions posted from it: visibility (others 404), the forms keep what
was typed on a refusal, each action calls its service."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.inbox.models import WorkItem
from workflows.risks.models import Measure, Review, Risk, RiskState

from ..conftest import HIGH, LOW, MEDIUM, fresh, request_of

pytestmark = pytest.mark.django_db

TOMORROW = (timezone.localdate() + timedelta(days=1)).isoformat()


@pytest.mark.parametrize("who", ["east_rep1", "east_mgr", "gm", "ceo", "auditor", "admin"])
def test_200_when_the_owner_or_their_line_of_authority_opens_it(browser, make_risk, who):
    risk = make_risk(MEDIUM)

    response = browser(who).get(f"/risks/{risk.pk}/")

    assert response.status_code == 200
    assert risk.number in response.content.decode()


@pytest.mark.parametrize("who", ["east_rep2", "south_mgr", "north_rep1", "legal", "finance"])
def test_404_when_someone_else_opens_it_or_acts_on_it(browser, make_risk, who):
    risk = make_risk(MEDIUM)
    client = browser(who)

    assert client.get(f"/risks/{risk.pk}/").status_code == 404
    assert client.post(f"/risks/{risk.pk}/assess/", {"assess-likelihood": "1",
                                                     "assess-impact": "1"}).status_code == 404
    assert client.post(f"/risks/{risk.pk}/close/", {"close-reason": "x"}).status_code == 404
    assert fresh(risk).level == "medium"


def test_404_when_the_id_is_huge(browser, personas):
    assert browser("gm").get("/risks/99999999999999999999/").status_code == 404


def test_measure_owner_sees_the_risk_when_not_its_owner(browser, with_plan, personas):
    risk = with_plan(LOW)
    Measure.objects.filter(risk=risk).update(owner=personas["east_rep2"])

    response = browser("east_rep2").get(f"/risks/{risk.pk}/")

    assert response.status_code == 200
    assert "Mark done" in response.content.decode()


def test_page_shows_history_measures_and_assessments(browser, with_plan):
    risk = with_plan(HIGH)

    body = browser("east_rep1").get(f"/risks/{risk.pk}/").content.decode()

    assert "加强市场调研" in body
    assert "identified the risk" in body and "assessed it" in body
    assert "Reported at once to: Sales general manager" in body
    assert "4 × 4 = 16" in body


def test_assessment_recorded_when_posted(browser, make_risk):
    risk = make_risk(MEDIUM)

    response = browser("east_mgr").post(f"/risks/{risk.pk}/assess/", {
        "assess-likelihood": "5", "assess-impact": "4", "assess-comment": "恶化"})

    assert response.status_code == 302
    assert fresh(risk).level == "critical"


@pytest.mark.parametrize("value", ["0", "6", "x"])
def test_400_with_the_form_kept_when_a_rating_is_outside_1_to_5(browser, make_risk, value):
    risk = make_risk(MEDIUM)

    response = browser("east_rep1").post(f"/risks/{risk.pk}/assess/", {
        "assess-likelihood": value, "assess-impact": "4", "assess-comment": "我的说明"})

    assert response.status_code == 400
    body = response.content.decode()
    assert "我的说明" in body and "Select a valid choice" in body
    assert fresh(risk).level == "medium"


def test_measure_added_then_plan_submitted_to_the_levels_approver(browser, make_risk, personas):
    risk = make_risk(HIGH)
    client = browser("east_rep1")

    added = client.post(f"/risks/{risk.pk}/measures/", {
        "measure-description": "加强调研", "measure-owner": personas["east_rep2"].pk,
        "measure-due_date": TOMORROW})
    submitted = client.post(f"/risks/{risk.pk}/submit/")

    assert added.status_code == 302 and submitted.status_code == 302
    assert fresh(risk).state == RiskState.PLAN_SUBMITTED
    item = WorkItem.objects.get(request=request_of(risk), status="open")
    assert item.assignee == personas["gm"]
    body = client.get(f"/risks/{risk.pk}/").content.decode()
    assert "Response plan approval" in body


def test_400_keeps_the_measure_as_typed_when_due_date_is_past(browser, make_risk, personas):
    risk = make_risk(MEDIUM)

    response = browser("east_rep1").post(f"/risks/{risk.pk}/measures/", {
        "measure-description": "我输入的措施", "measure-owner": personas["east_rep1"].pk,
        "measure-due_date": "2001-01-01"})

    assert response.status_code == 400
    body = response.content.decode()
    assert "我输入的措施" in body and "The due date cannot be in the past." in body
    assert not Measure.objects.filter(risk=risk).exists()


def test_submit_refused_with_a_message_when_someone_else_posts_it(browser, with_plan):
    risk = with_plan(MEDIUM, submit=False)

    response = browser("east_mgr").post(f"/risks/{risk.pk}/submit/", follow=True)

    assert "Only the risk&#x27;s owner submits its response plan." in response.content.decode()
    assert fresh(risk).state == RiskState.ASSESSED


def test_measure_done_and_close_when_posted(browser, with_plan):
    risk = with_plan(LOW)
    measure = Measure.objects.get(risk=risk)
    client = browser("east_rep1")

    client.post(f"/risks/{risk.pk}/measures/{measure.pk}/done/")
    assert fresh(risk).state == RiskState.MONITORING
    response = client.post(f"/risks/{risk.pk}/close/", {"close-reason": "已消除"})

    assert response.status_code == 302
    assert fresh(risk).state == RiskState.CLOSED


def test_403_page_when_closed_without_authority(browser, with_plan, personas):
    risk = with_plan(LOW)
    measure = Measure.objects.get(risk=risk)
    Measure.objects.filter(pk=measure.pk).update(owner=personas["east_rep2"])
    browser("east_rep2").post(f"/risks/{risk.pk}/measures/{measure.pk}/done/")

    response = browser("east_rep2").post(f"/risks/{risk.pk}/close/", {"close-reason": "关"})

    assert response.status_code == 403
    assert fresh(risk).state == RiskState.MONITORING


def test_400_when_closed_without_a_reason(browser, with_plan):
    risk = with_plan(LOW)
    browser("east_rep1").post(f"/risks/{risk.pk}/measures/{Measure.objects.get(risk=risk).pk}"
                              "/done/")

    response = browser("east_rep1").post(f"/risks/{risk.pk}/close/", {"close-reason": ""})

    assert response.status_code == 400
    assert "A reason is required." in response.content.decode()


def test_review_recorded_with_reassessment_when_posted(browser, make_risk, personas):
    risk = make_risk(HIGH)
    review = Review.objects.create(risk=risk, due_date=timezone.localdate(),
                                   assignee=personas["east_rep1"])

    response = browser("east_rep1").post(f"/risks/{risk.pk}/reviews/{review.pk}/", {
        "review-measures_effective": "no", "review-comment": "无效",
        "review-likelihood": "5", "review-impact": "5"})

    assert response.status_code == 302
    assert fresh(review).state == Review.State.DONE and fresh(risk).level == "critical"


def test_400_when_review_misses_the_verdict(browser, make_risk, personas):
    risk = make_risk(HIGH)
    review = Review.objects.create(risk=risk, due_date=timezone.localdate(),
                                   assignee=personas["east_rep1"])

    response = browser("east_rep1").post(f"/risks/{risk.pk}/reviews/{review.pk}/", {
        "review-comment": "我的发现"})

    assert response.status_code == 400
    assert "我的发现" in response.content.decode()
    assert fresh(review).state == Review.State.OPEN


def test_withdraw_and_resubmit_from_the_risk_page(browser, with_plan, personas):
    from core.inbox import services as inbox

    risk = with_plan(MEDIUM)
    inbox.task_return(task_id=WorkItem.objects.get(request=request_of(risk), status="open").pk,
                      actor=personas["east_mgr"], reason="补充")
    client = browser("east_rep1")
    assert "Resubmit" in client.get(f"/risks/{risk.pk}/").content.decode()

    client.post(f"/risks/{risk.pk}/resubmit/", {"comment": "已补充"})
    assert fresh(risk).state == RiskState.PLAN_SUBMITTED
    client.post(f"/risks/{risk.pk}/withdraw/", {"comment": "重新评估"})
    assert fresh(risk).state == RiskState.ASSESSED


@pytest.mark.parametrize("path", ["assess/", "measures/", "submit/", "close/", "withdraw/"])
def test_405_when_an_action_is_requested_with_get(browser, make_risk, path):
    risk = make_risk(MEDIUM)

    assert browser("east_rep1").get(f"/risks/{risk.pk}/{path}").status_code == 405


def test_403_when_posted_without_csrf_token(browser, make_risk):
    risk = make_risk(MEDIUM)

    response = browser("east_rep1", enforce_csrf_checks=True).post(
        f"/risks/{risk.pk}/assess/", {"assess-likelihood": "5", "assess-impact": "5"})

    assert response.status_code == 403
    assert fresh(risk).level == "medium"


def test_risk_recorded_from_the_form(browser, personas):
    response = browser("east_rep1").post("/risks/new/", {
        "type": "competition", "title": "新对手", "description": "低价", "likelihood": "4",
        "impact": "3"})

    risk = Risk.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/risks/{risk.pk}/"
    assert (risk.level, risk.owner, risk.region.code) == ("high", personas["east_rep1"], "east")


def test_400_keeps_the_form_when_only_one_rating_is_given(browser, personas):
    response = browser("east_rep1").post("/risks/new/", {
        "type": "market", "title": "我输入的标题", "likelihood": "3"})

    assert response.status_code == 400
    body = response.content.decode()
    assert "我输入的标题" in body and "Give both likelihood and impact, or neither." in body
    assert not Risk.objects.exists()


def test_owner_choice_only_for_managers_when_creating(browser, personas):
    assert 'name="owner"' not in browser("east_rep1").get("/risks/new/").content.decode()
    assert 'name="owner"' in browser("east_mgr").get("/risks/new/").content.decode()


def test_auditor_sent_back_when_opening_the_new_risk_form(browser, personas):
    response = browser("auditor").get("/risks/new/")

    assert response.status_code == 302 and response["Location"] == "/risks/"


def test_history_in_plain_language_on_the_risk_and_the_task_page(browser, with_plan):
    risk = with_plan(HIGH)
    item = WorkItem.objects.get(request=request_of(risk), status="open")

    for url, who in ((f"/risks/{risk.pk}/", "east_rep1"), (f"/inbox/tasks/{item.pk}/", "gm")):
        body = browser(who).get(url).content.decode()
        for raw in ("risk.identified", "risk.assessed", "risk.measure_added", "risk.escalated"):
            assert raw not in body, (url, raw)
        assert "added a measure" in body
