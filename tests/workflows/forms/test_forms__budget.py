"""The training plan's budget (a template-level "budget" setting): held against the sales
department's personnel budget of December 2026 on the last approval, through expenses' budget
holds; refused with the figures (the task left open) when it no longer fits; routed to the
sales GM when the category's rule adds an approval; released when the request is called off.

Figures by hand: the month's budget 10,000.00, the quarter's 30,000.00. A 6,800.00 plan held:
the month has 3,200.00 left, the quarter 23,200.00; a 4,000.00 plan then does not fit."""

from decimal import Decimal

import pytest

from core import engine
from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError, StateConflictError
from workflows.expenses.models import BudgetHold, OverBudget
from workflows.expenses.services.ledger import OverBudgetError
from workflows.forms import services
from workflows.forms.models import Submission, SubmissionState

pytestmark = pytest.mark.django_db


def plan(budget: str, start: str = "2026-12-14") -> dict:
    return {"content": "产品培训", "dates": {"from": start, "to": start},
            "trainer": None, "budget": budget, "attendees": []}


def submit(shipped, personas, budget: str, who="east_rep1", **kw):
    values = {**plan(budget, **kw), "trainer": personas["marketing"].pk}
    return services.submission_submit(actor=personas[who], template_id=shipped["training"].pk,
                                      values=values)


def req_of(obj):
    return engine.request_for("form", obj.pk)


def approve(obj, actor):
    item = engine.open_items(req_of(obj)).first()
    return engine.task_approve(task_id=item.pk, actor=actor, comment="ok")


def test_the_last_approval_holds_the_plan_and_calling_it_off_releases(shipped, personas,
                                                                        personnel, client):
    rows = personnel("10000.00", quarter="30000.00")
    obj = submit(shipped, personas, "6800.00")
    assert [s["code"] for s in req_of(obj).chain] == ["line_manager", "sales_gm"]
    approve(obj, personas["east_mgr"])
    month, quarter = rows()
    assert (month.reserved, quarter.reserved) == (Decimal("0.00"), Decimal("0.00"))
    approve(obj, personas["gm"])
    obj = Submission.objects.get(pk=obj.pk)
    assert obj.state == SubmissionState.APPROVED
    month, quarter = rows()
    assert (month.reserved, month.remaining) == (Decimal("6800.00"), Decimal("3200.00"))
    assert (quarter.reserved, quarter.remaining) == (Decimal("6800.00"), Decimal("23200.00"))
    hold = BudgetHold.objects.get(ref=f"form:{obj.pk}")
    assert (hold.amount, hold.category, hold.over_budget) == (Decimal("6800.00"), "personnel",
                                                              False)
    assert AuditEvent.objects.filter(event="form.reserved", subject_id=obj.pk).exists()
    client.force_login(personas["east_rep1"])
    page = client.get(f"/forms/requests/{obj.pk}/").content.decode()
    assert 'data-testid="budget-hold"' in page and "6,800.00" in page
    # called off: the hold goes back to the month and the quarter
    with pytest.raises(InvalidInputError):
        services.submission_cancel(actor=personas["east_rep1"], submission_id=obj.pk, reason="")
    response = client.post(f"/forms/requests/{obj.pk}/cancel/", {"reason": "讲师有事"})
    assert response.status_code == 302
    assert Submission.objects.get(pk=obj.pk).state == SubmissionState.CANCELLED
    month, quarter = rows()
    assert (month.reserved, quarter.reserved) == (Decimal("0.00"), Decimal("0.00"))
    assert BudgetHold.objects.get(pk=hold.pk).state == BudgetHold.State.RELEASED
    event = AuditEvent.objects.get(event="form.cancelled", subject_id=obj.pk)
    assert event.amount == Decimal("6800.00")
    with pytest.raises(StateConflictError):
        services.submission_cancel(actor=personas["east_rep1"], submission_id=obj.pk,
                                   reason="again")


def test_a_plan_that_no_longer_fits_is_refused_with_the_figures_and_its_task_stays_open(
        shipped, personas, personnel, client):
    rows = personnel("10000.00", quarter="30000.00")
    first = submit(shipped, personas, "6800.00")
    second = submit(shipped, personas, "4000.00")  # fits when submitted: 10,000.00 left
    approve(first, personas["east_mgr"])
    approve(first, personas["gm"])
    item = engine.open_items(req_of(second)).first()
    client.force_login(personas["east_mgr"])
    response = client.post(f"/api/tasks/{item.pk}/approve/", {"comment": "ok"},
                           content_type="application/json")
    assert response.status_code == 409
    body = response.json()
    assert "¥4,000.00" in body["detail"] and "¥3,200.00" in body["detail"]
    assert "quarter ¥23,200.00" in body["detail"]
    assert body["fields"] == {"budget": ["More than the remaining budget."]}
    assert Submission.objects.get(pk=second.pk).state == SubmissionState.SUBMITTED
    assert engine.open_items(req_of(second)).filter(pk=item.pk).exists()
    month, _quarter = rows()
    assert month.reserved == Decimal("6800.00")
    assert not BudgetHold.objects.filter(ref=f"form:{second.pk}").exists()


def test_over_budget_is_refused_at_submission_when_the_rule_refuses(shipped, personas,
                                                                      personnel):
    personnel("1000.00")
    with pytest.raises(OverBudgetError) as exc:
        submit(shipped, personas, "4000.00")
    assert exc.value.status == 409
    assert exc.value.fields == {"budget": ["More than the remaining budget."]}
    assert "¥1,000.00 left" in str(exc.value)
    assert not Submission.objects.exclude(state=SubmissionState.DRAFT).exists()


def test_over_budget_adds_the_sales_gm_when_the_rule_adds_an_approval(shipped, personas,
                                                                        personnel):
    rows = personnel("1000.00", rule=OverBudget.EXTRA_APPROVAL)
    values = {**plan("4000.00"), "trainer": personas["marketing"].pk}
    preview = services.route_preview(template=shipped["training"], submitter=personas[
        "east_rep1"], raw=values)
    assert [s["code"] for s in preview] == ["line_manager", "sales_gm"]
    obj = submit(shipped, personas, "4000.00")  # below the 5,000.00 band: line manager only
    assert obj.over_budget
    chain = req_of(obj).chain
    assert [s["code"] for s in chain] == ["line_manager", "sales_gm"]
    assert chain[-1]["candidates"] == [personas["gm"].pk]
    approve(obj, personas["east_mgr"])
    assert Submission.objects.get(pk=obj.pk).state == SubmissionState.SUBMITTED
    approve(obj, personas["gm"])
    month, _quarter = rows()
    assert month.reserved == Decimal("4000.00") and month.remaining == Decimal("-3000.00")
    assert BudgetHold.objects.get(ref=f"form:{obj.pk}").over_budget


def test_a_rejected_or_withdrawn_plan_holds_nothing(shipped, personas, personnel):
    rows = personnel("10000.00")
    rejected = submit(shipped, personas, "800.00")
    item = engine.open_items(req_of(rejected)).first()
    engine.task_reject(task_id=item.pk, actor=personas["east_mgr"], reason="no")
    withdrawn = submit(shipped, personas, "800.00")
    engine.request_withdraw(request_id=req_of(withdrawn).pk, actor=personas["east_rep1"],
                            reason="changed")
    assert Submission.objects.get(pk=rejected.pk).state == SubmissionState.REJECTED
    assert Submission.objects.get(pk=withdrawn.pk).state == SubmissionState.WITHDRAWN
    month, _quarter = rows()
    assert month.reserved == Decimal("0.00")
    assert not BudgetHold.objects.exists()


@pytest.mark.parametrize("setting, message", [
    ({"amount_field": "content", "category": "personnel", "date_field": "dates"},
     "budget.amount_field"),
    ({"amount_field": "budget", "category": "food", "date_field": "dates"}, "budget.category"),
    ({"amount_field": "budget", "category": "personnel", "date_field": "trainer"},
     "budget.date_field"),
    ("personnel", "budget is an object"),
])
def test_the_editor_checks_the_budget_setting(shipped, personas, setting, message):
    t = services.template_edit_start(actor=personas["admin"], template_id=shipped["training"].pk)
    with pytest.raises(InvalidInputError) as exc:
        services.template_save_draft(actor=personas["admin"], template_id=t.pk,
                                     definition={**t.draft, "budget": setting})
    assert any(message in str(m) for m in exc.value.fields["definition"])


def _editor_preview(client, shipped, personas, budget: str) -> str:
    import json

    from django.utils import translation

    t = shipped["training"]
    client.force_login(personas["admin"])
    values = {**plan(budget), "trainer": personas["marketing"].pk}
    with translation.override("en"):
        r = client.post(f"/forms/templates/{t.pk}/", {
            "action": "preview", "definition": json.dumps(t.current().definition),
            "submitter": personas["east_rep1"].pk, "values": json.dumps(values)})
    assert r.status_code == 200
    html = r.content.decode()
    return html[html.index('id="route-preview"'):]


def test_editor_preview_shows_the_over_budget_step_as_conditional_when_within_budget(
        shipped, personas, personnel, client):
    personnel("10000.00", rule=OverBudget.EXTRA_APPROVAL)
    within = _editor_preview(client, shipped, personas, "4000.00")
    step = within[within.index("Over budget: sales GM"):].split("</li>")[0]
    assert str(personas["gm"]) in step
    assert "only if over the budget left" in within.split("Over budget: sales GM")[0]
    personnel("3000.00", rule=OverBudget.EXTRA_APPROVAL)
    over = _editor_preview(client, shipped, personas, "4000.00")  # over the 3,000.00 left
    assert "Over budget: sales GM" in over and "only if over the budget left" not in over


def test_editor_preview_says_a_request_over_budget_is_refused_when_the_rule_refuses(
        shipped, personas, personnel, client):
    personnel("10000.00", rule=OverBudget.BLOCK)
    within = _editor_preview(client, shipped, personas, "4000.00")
    assert "only if over the budget left" in within
    assert "the request is refused when it is submitted" in within
    personnel("3000.00", rule=OverBudget.BLOCK)
    over = _editor_preview(client, shipped, personas, "4000.00")
    assert "Over the budget left</strong>: Over budget: " in over
    assert "only if over the budget left" not in over
