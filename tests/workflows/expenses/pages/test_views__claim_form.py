"""New claim / edit: the draft, the standards and the budget left shown before submitting, and
refusals that keep what was typed."""

from decimal import Decimal

import pytest

from core.inbox.models import Request, RequestStatus
from workflows.expenses.models import ClaimState, ExpenseClaim

from .helpers import claim_post, line, open_item, today

pytestmark = pytest.mark.django_db


def test_new_claim_page_shows_the_budget_left_when_a_rep_opens_it(client_for, travel_budget):
    response = client_for("east_rep1").get("/expenses/claims/new/")

    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="lines-TOTAL_FORMS"' in body
    assert "csrfmiddlewaretoken" in body
    assert "¥50,000.00" in body  # travel, this month
    assert "¥150,000.00" in body  # travel, this quarter


def test_claim_is_drafted_then_submitted_when_rep_uses_the_pages(client_for, travel_budget,
                                                                 standards, personas):
    client = client_for("east_rep1")
    hotel = line("480.00", item_type="hotel", city_tier="tier1", description="上海住宿")

    response = client.post("/expenses/claims/new/", claim_post(lines=[hotel, line("88.00")]))

    claim = ExpenseClaim.objects.get(submitter=personas["east_rep1"])
    assert response.status_code == 302
    assert response["Location"] == f"/expenses/claims/{claim.pk}/"
    assert claim.state == ClaimState.DRAFT
    assert claim.total == Decimal("568.00")
    page = client.get(response["Location"]).content.decode()
    assert "¥500.00" in page  # the hotel line's standard cap
    assert "Submit for approval" in page
    assert "Budget left" in page

    response = client.post(f"/expenses/claims/{claim.pk}/submit/")

    assert response.status_code == 302
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.SUBMITTED
    req = Request.objects.get(kind="expense", object_id=claim.pk)
    assert req.status == RequestStatus.IN_REVIEW
    assert f"/requests/{req.pk}/" in client.get(f"/expenses/claims/{claim.pk}/").content.decode()


def test_save_and_submit_submits_at_once_when_the_claim_fits(client_for, travel_budget,
                                                             personas):
    response = client_for("east_rep1").post("/expenses/claims/new/",
                                            claim_post(action="submit"))

    claim = ExpenseClaim.objects.get(submitter=personas["east_rep1"])
    assert response.status_code == 302
    assert claim.state == ClaimState.SUBMITTED
    assert claim.number.startswith("BX-")


def test_form_errors_keep_the_input_when_a_line_is_invalid(client_for, travel_budget):
    bad = line("-5", description="")

    response = client_for("east_rep1").post("/expenses/claims/new/",
                                            claim_post(lines=[bad], title="保留的标题"))

    assert response.status_code == 400
    body = response.content.decode()
    assert "Please correct the errors below." in body
    assert 'value="保留的标题"' in body
    assert 'value="-5"' in body
    assert ExpenseClaim.objects.count() == 0


def test_service_refusal_keeps_the_input_when_there_are_no_lines(client_for, travel_budget):
    response = client_for("east_rep1").post("/expenses/claims/new/",
                                            claim_post(lines=[], title="没有明细"))

    assert response.status_code == 400
    body = response.content.decode()
    assert "Add at least one expense line." in body
    assert 'value="没有明细"' in body


def test_over_standard_submission_is_refused_with_the_input_kept(client_for, travel_budget,
                                                                 standards, personas):
    hotel = line("900.00", item_type="hotel", city_tier="tier1", description="超标住宿")

    response = client_for("east_rep1").post("/expenses/claims/new/",
                                            claim_post(action="submit", lines=[hotel]))

    assert response.status_code == 400
    body = response.content.decode()
    assert "Over the reimbursement standard" in body
    assert 'value="超标住宿"' in body
    assert 'value="900.00"' in body
    claim = ExpenseClaim.objects.get(submitter=personas["east_rep1"])
    assert claim.state == ClaimState.DRAFT  # saved, not submitted: the form now edits it
    assert f'action="/expenses/claims/{claim.pk}/edit/"' in body


def test_over_budget_submission_is_refused_with_the_input_kept(client_for, make_budget,
                                                               personas):
    make_budget("travel", "12000.00")  # 1,000.00 a month

    data = claim_post(action="submit", lines=[line("1500.00", description="超预算")])
    response = client_for("east_rep1").post("/expenses/claims/new/", data)

    assert response.status_code == 409
    body = response.content.decode()
    assert "Over budget" in body
    assert 'value="1500.00"' in body
    assert ExpenseClaim.objects.get(submitter=personas["east_rep1"]).state == ClaimState.DRAFT


def test_add_line_adds_an_empty_row_without_saving(client_for, travel_budget):
    data = claim_post(action="add_line", lines=[line("66.00", description="第一行")])

    response = client_for("east_rep1").post("/expenses/claims/new/", data)

    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="lines-TOTAL_FORMS" value="2"' in body
    assert 'value="第一行"' in body
    assert ExpenseClaim.objects.count() == 0


def test_draft_is_edited_when_its_submitter_saves_changes(client_for, make_claim,
                                                          travel_budget):
    claim = make_claim("east_rep1")
    client = client_for("east_rep1")
    assert client.get(f"/expenses/claims/{claim.pk}/edit/").status_code == 200

    response = client.post(f"/expenses/claims/{claim.pk}/edit/",
                           claim_post(title="改过的标题", lines=[line("150.00")]))

    assert response.status_code == 302
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    assert (claim.title, claim.total) == ("改过的标题", Decimal("150.00"))


def test_edit_page_is_404_when_the_user_is_not_the_submitter(client_for, make_claim,
                                                             travel_budget):
    claim = make_claim("east_rep1")

    assert client_for("east_rep2").get(f"/expenses/claims/{claim.pk}/edit/").status_code == 404
    assert client_for("finance").get(f"/expenses/claims/{claim.pk}/edit/").status_code == 404


def test_returned_claim_is_edited_and_resubmitted_through_the_page(client_for, make_claim,
                                                                   travel_budget, personas):
    from core.inbox import services as inbox

    claim = make_claim("east_rep1", stage="submitted")
    inbox.task_return(task_id=open_item("expense", claim.pk).pk, actor=personas["east_mgr"],
                      reason="请补充发票")
    client = client_for("east_rep1")
    edit = client.get(f"/expenses/claims/{claim.pk}/edit/").content.decode()
    assert "Save and resubmit" in edit
    assert "请补充发票" in edit  # why it came back

    response = client.post(f"/expenses/claims/{claim.pk}/edit/",
                           claim_post(action="submit", lines=[line("200.00")],
                                      comment="补充了发票"))

    assert response.status_code == 302
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.SUBMITTED
    assert claim.total == Decimal("200.00")
    req = Request.objects.get(kind="expense", object_id=claim.pk)
    assert req.status == RequestStatus.IN_REVIEW


def test_new_claim_is_refused_when_the_user_is_an_auditor(client_for):
    response = client_for("auditor").post("/expenses/claims/new/", claim_post())

    assert response.status_code == 302
    assert ExpenseClaim.objects.count() == 0


def test_submit_requires_post(client_for, make_claim, travel_budget):
    claim = make_claim("east_rep1")

    assert client_for("east_rep1").get(f"/expenses/claims/{claim.pk}/submit/").status_code == 405
    assert claim.expense_date == today()


def test_edit_page_shows_each_saved_lines_cap_and_excess(client_for, make_claim,
                                                         travel_budget, standards):
    hotel = line("650.00", item_type="hotel", city_tier="tier1", description="超标住宿")
    claim = make_claim("east_rep1", lines=[line("20.00"), hotel])

    body = client_for("east_rep1").get(f"/expenses/claims/{claim.pk}/edit/").content.decode()

    assert "Standard cap ¥500.00" in body
    assert "¥150.00 over" in body
    assert "No standard applies to this line." in body  # the taxi


def test_returned_claim_keeps_its_dates_when_resubmitted_as_a_browser_would_in_zh_hans(
        client_for, make_claim, travel_budget, personas):
    """Issue 18, defect 1: the edit page wrote `2026/12/04` into the date inputs; a browser
    shows that as empty and submits nothing, and every date came back "required"."""
    from django.test import Client

    from core.inbox import services as inbox
    from tests.core.org.htmlform import form_fields, post_data

    day = today().replace(day=1)
    claim = make_claim("east_rep1", stage="submitted",
                       lines=[line("210.00", date=day, travel_class="economy")])
    ExpenseClaim.objects.filter(pk=claim.pk).update(expense_date=day)
    inbox.task_return(task_id=open_item("expense", claim.pk).pk, actor=personas["east_mgr"],
                      reason="请补充发票")
    client = Client(headers={"accept-language": "zh-hans"})
    client.force_login(personas["east_rep1"])
    url = f"/expenses/claims/{claim.pk}/edit/"

    page = client.get(url).content.decode()
    assert f'value="{day.isoformat()}"' in page
    data = post_data(form_fields(page, action=url))
    data["action"] = "submit"
    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.SUBMITTED
    assert claim.expense_date == day
    saved = claim.lines.get()
    assert (saved.date, saved.amount, saved.travel_class) == (day, Decimal("210.00"), "economy")


@pytest.mark.parametrize(("language", "said"), [("en", "Not accepted: reduce the line to the "
                                                        "standard"),
                                                ("zh-hans", "不予受理：请将该明细降至标准以内")])
def test_an_over_standard_line_says_what_submitting_does_with_the_figures(
        client_for, travel_budget, standards, personas, language, said):
    """Issue 18, defect 10: the line said "超出部分不予报销" (the excess is not reimbursed)
    while submitting was refused outright. The form, the refusal and the standards page now
    say the same: not accepted until the line is within the standard, with the figures."""
    from django.test import Client

    hotel = line("900.00", item_type="hotel", city_tier="tier1", description="超标住宿")
    client = Client(headers={"accept-language": language})
    client.force_login(personas["east_rep1"])

    body = client.post("/expenses/claims/new/", claim_post(action="submit", lines=[hotel])) \
        .content.decode()
    standards_page = client.get("/expenses/standards/").content.decode()

    assert said in body and said in standards_page
    assert "超出部分不予报销" not in body + standards_page
    assert "Refuse the excess" not in body + standards_page
    assert "¥900.00" in body and "¥500.00" in body and "¥400.00" in body  # amount, cap, excess
