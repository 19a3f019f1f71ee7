"""A risk's page: facts, assessment history, measures (add, mark done), reviews, escalations,
the open approval and the timeline; and the actions posted from it. A refusal comes back on the
page with what was typed kept and the field errors shown."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import engine
from core.audit import selectors as audit_selectors
from core.exceptions import ApprovalError
from core.forms import cc_from_post
from core.org import selectors as org

from .. import rules, selectors, services
from ..forms import AssessForm, CloseForm, MeasureForm, ReviewForm
from ..models import Review, RiskState
from ..services.common import peak_level


def _risk_or_404(user, risk_id: int):
    risk = selectors.visible_risk(user, risk_id)
    if risk is None:
        raise Http404
    return risk


def _context(request, risk, forms=None) -> dict:
    user = request.user
    forms = forms or {}
    today = timezone.localdate()
    req = selectors.risk_request(risk)
    manages = selectors.may_manage(user, risk)
    actions = selectors.risk_actions(user, risk, request=req)
    read_only = org.is_read_only(user)
    measures = list(risk.measures.select_related("owner", "done_by"))
    for m in measures:
        m.overdue = m.overdue_on(today)
        m.may_mark = (not read_only and m.done_date is None
                      and risk.state in (RiskState.MITIGATING, RiskState.MONITORING)
                      and (m.owner_id == user.pk or manages))
    reviews = list(risk.reviews.select_related("assignee", "done_by", "assessment"))
    open_review = next((r for r in reviews if r.state == Review.State.OPEN), None)
    may_review = open_review is not None and not read_only and (
        open_review.assignee_id == user.pk or manages)
    peak = peak_level(risk)
    can_submit = selectors.SUBMIT in actions
    return {
        "risk": risk, "req": req, "today": today, "manages": manages, "read_only": read_only,
        "events": audit_selectors.timeline(risk.audit_kind, risk.pk),
        "assessments": risk.assessments.select_related("assessed_by"),
        "measures": measures, "reviews": reviews, "open_review": open_review,
        "escalations": risk.escalations.select_related("measure"),
        "open_task": selectors.open_approval(risk),
        "approver_role": rules.approver_role(risk.level),
        # Closing follows the highest level the risk ever reached.
        "needs_closure_approval": rules.needs_closure_approval(peak),
        "closure_role": rules.approver_role(peak),
        "actions": actions,
        "can_assess": selectors.ASSESS in actions,
        "can_add_measure": selectors.ADD_MEASURE in actions,
        "can_submit": can_submit,
        # before the owner submits the plan: who will approve it (and its closure), a preview
        "plan_route": services.risk_plan_route(risk) if can_submit and risk.level else None,
        "preview_hint": _("From the risk's level and who holds each role today; the approver "
                          "is fixed when you submit the response plan."),
        "can_close": selectors.CLOSE in actions,
        "can_withdraw": selectors.WITHDRAW in actions,
        "can_resubmit": selectors.RESUBMIT in actions,
        "may_review": may_review,
        "assess_form": forms.get("assess") or AssessForm(
            prefix="assess", initial={"likelihood": risk.likelihood, "impact": risk.impact}),
        "measure_form": forms.get("measure") or MeasureForm(
            prefix="measure", initial={"owner": risk.owner_id}),
        "close_form": forms.get("close") or CloseForm(prefix="close"),
        "review_form": forms.get("review") or ReviewForm(prefix="review"),
        "open_section": next(iter(forms), ""),
    }


@login_required
def risk_detail(request, risk_id):
    risk = _risk_or_404(request.user, risk_id)
    return render(request, "risks/risk.html", _context(request, risk))


def _refused(request, risk, name, form, exc: ApprovalError | None):
    """Back to the page with the form as typed, its field errors, and the status."""
    if exc is None:
        messages.error(request, _("Please correct the errors below."))
        status = 400
    else:
        messages.error(request, str(exc.message))
        for key, msgs in exc.fields.items():
            form.add_error(key if key in form.fields else None, msgs)
        status = exc.status
    risk = _risk_or_404(request.user, risk.pk)  # as it stands after the refusal
    return render(request, "risks/risk.html", _context(request, risk, {name: form}),
                  status=status)


def _act(request, risk, name, form, action, done: str):
    if not form.is_valid():
        return _refused(request, risk, name, form, None)
    try:
        action(form.cleaned_data)
    except ApprovalError as exc:
        return _refused(request, risk, name, form, exc)
    messages.success(request, done)
    return redirect("risks:risk", risk_id=risk.pk)


@login_required
@require_POST
def assess(request, risk_id):
    risk = _risk_or_404(request.user, risk_id)
    form = AssessForm(request.POST, prefix="assess")
    return _act(request, risk, "assess", form, lambda d: services.risk_assess(
        risk_id=risk.pk, actor=request.user, likelihood=d["likelihood"], impact=d["impact"],
        comment=d["comment"]), _("Assessment recorded."))


@login_required
@require_POST
def measure_add(request, risk_id):
    risk = _risk_or_404(request.user, risk_id)
    form = MeasureForm(request.POST, prefix="measure")
    return _act(request, risk, "measure", form, lambda d: services.measure_add(
        risk_id=risk.pk, actor=request.user, description=d["description"], owner=d["owner"],
        due_date=d["due_date"]), _("Measure added."))


@login_required
@require_POST
def measure_done(request, risk_id, measure_id):
    risk = _risk_or_404(request.user, risk_id)
    if not risk.measures.filter(pk=measure_id).exists():
        raise Http404
    try:
        services.measure_done(measure_id=measure_id, actor=request.user)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Measure marked done."))
    return redirect("risks:risk", risk_id=risk.pk)


@login_required
@require_POST
def submit(request, risk_id):
    risk = _risk_or_404(request.user, risk_id)
    try:
        risk = services.plan_submit(risk_id=risk.pk, actor=request.user,
                                    cc=cc_from_post(request.POST))
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Response plan submitted for approval.")
                         if risk.state == RiskState.PLAN_SUBMITTED
                         else _("Response plan in force: a low risk needs no approval."))
    return redirect("risks:risk", risk_id=risk.pk)


@login_required
@require_POST
def close(request, risk_id):
    risk = _risk_or_404(request.user, risk_id)
    form = CloseForm(request.POST, prefix="close")
    done = (_("Closure sent for approval.") if rules.needs_closure_approval(peak_level(risk))
            else _("Risk closed."))
    return _act(request, risk, "close", form, lambda d: services.risk_close(
        risk_id=risk.pk, actor=request.user, reason=d["reason"]), done)


@login_required
@require_POST
def review(request, risk_id, review_id):
    risk = _risk_or_404(request.user, risk_id)
    if not risk.reviews.filter(pk=review_id).exists():
        raise Http404
    form = ReviewForm(request.POST, prefix="review")
    return _act(request, risk, "review", form, lambda d: services.review_complete(
        review_id=review_id, actor=request.user, measures_effective=d["measures_effective"],
        comment=d["comment"], likelihood=d["likelihood"], impact=d["impact"]),
        _("Review recorded."))


@login_required
@require_POST
def request_action(request, risk_id, action):
    """Withdraw or resubmit the plan or closure waiting for approval (the task engine's own
    request services), from the risk's page."""
    risk = _risk_or_404(request.user, risk_id)
    req = selectors.risk_request(risk)
    text = request.POST.get("comment", "").strip()[:2000]
    try:
        if action == "withdraw":
            engine.request_withdraw(request_id=req.pk, actor=request.user, reason=text)
            messages.success(request, _("Withdrawn: nothing waits for approval now."))
        elif action == "resubmit":
            engine.request_resubmit(request_id=req.pk, actor=request.user,
                                            comment=text)
            messages.success(request, _("Resubmitted for approval."))
        else:
            raise Http404
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    return redirect("risks:risk", risk_id=risk.pk)
