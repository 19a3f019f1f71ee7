"""Plan pages: the list, drafting a plan, the plan page (grid, where the sign-off is, versions,
history) and its actions. Thin: parse, call one service or selector, render; a refusal comes
back as a message, and a plan the user may not see is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import engine
from core.audit import selectors as audit
from core.exceptions import ApprovalError
from core.forms import cc_from_post
from core.org.models import Region

from . import selectors, services
from .forms import CommentForm, PlanCreateForm, PlanDetailsForm, PlanFilterForm, ReasonForm
from .models import UNDER_WAY_STATES, PlanState
from .selectors import actions as may
from .steps import CONFIRM_STEP

PAGE_SIZE = 25


def plan_or_404(user, plan_id):
    plan = selectors.visible_plan(user, plan_id)
    if plan is None:
        raise Http404
    return plan


def is_sales_gm(user) -> bool:
    """Who drafts and revises plans (selectors.is_planner, which the services read too)."""
    return selectors.is_planner(user)


@login_required
def plan_list(request):
    form = PlanFilterForm(request.GET or None)
    year, state = None, ""
    if form.is_bound and form.is_valid():
        year, state = form.cleaned_data["year"], form.cleaned_data["state"]
    qs = selectors.plans_for(request.user, year=year, state=state)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "plans/list.html", {
        "page": page, "form": form, "can_draft": is_sales_gm(request.user), "tab": "plans",
        "show_target": selectors.sees_process(request.user),
    })


@login_required
def plan_new(request):
    if not is_sales_gm(request.user):
        raise Http404
    form = PlanCreateForm(request.POST or None)
    route = None
    if request.method == "POST" and form.is_valid() and request.POST.get("action") == "preview":
        # who would sign it off for what is typed; nothing is saved
        d = form.cleaned_data
        try:
            route = services.plan_route_preview(actor=request.user, fiscal_year=d["fiscal_year"],
                                                target=d["target"], title=d["title"])
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            for key, errors in (exc.fields or {}).items():
                form.add_error(key if key in form.fields else None, errors)
    elif request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            plan = services.plan_create(
                actor=request.user, fiscal_year=d["fiscal_year"], target=d["target"],
                title=d["title"], strategy=d["strategy"],
                region_codes=[r.code for r in d["regions"]], spread=d["spread"])
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            for key, errors in (exc.fields or {}).items():
                form.add_error(key if key in form.fields else None, errors)
        else:
            messages.success(request, _("Plan drafted and spread so it adds up; adjust the grid, "
                                        "then send it to the regions."))
            return redirect("plans:plan", plan_id=plan.pk)
    elif request.method == "POST":
        messages.error(request, _("Please correct the errors below."))
    return render(request, "plans/new.html",
                  {"form": form, "tab": "new", "route": route, "preview": route is not None},
                  status=400 if request.method == "POST" and route is None else 200)


def _stages(plan, confirmations) -> list[dict]:
    """Where the sign-off is: draft → regions → sales GM → CEO → published."""
    order = ["draft", "regions", "submit", "ceo", "published"]
    at = {PlanState.DRAFT: "draft", PlanState.RETURNED: "draft",
          PlanState.CONFIRMING: "regions", PlanState.CONFIRMED: "submit",
          PlanState.IN_SIGN_OFF: "ceo", PlanState.PUBLISHED: "published",
          PlanState.SUPERSEDED: "published"}.get(plan.state)
    done = len([c for c in confirmations if c.confirmed])
    labels = {"draft": _("Sales GM drafts"),
              "regions": _("Regions confirm (%(done)d of %(all)d)")
              % {"done": done, "all": len(confirmations)} if confirmations
              else _("Regions confirm"),
              "submit": _("Sales GM submits"), "ceo": _("CEO signs off"),
              "published": _("Published")}
    current = order.index(at) if at else -1
    return [{"code": c, "label": labels[c],
             "status": "done" if i < current or (at == "published" and i == current)
             else "current" if i == current else "todo"}
            for i, c in enumerate(order)]


@login_required
def plan_detail(request, plan_id):
    user = request.user
    plan = plan_or_404(user, plan_id)
    scope = selectors.plan_scope(user)
    req = selectors.plan_request(plan)
    if req is not None and not (scope.everything or engine.visible_requests(user).filter(
            pk=req.pk).exists()):
        req = None
    confirmations = selectors.confirmations(plan)
    versions = selectors.versions_of(plan, user)
    task = selectors.open_task_for(plan, user)
    actions = selectors.plan_actions(user, plan)
    under_way = next((v for v in versions if v.state in UNDER_WAY_STATES and v.pk != plan.pk),
                     None)
    previous = next((v for v in versions if v.pk == plan.previous_id), None)
    return render(request, "plans/plan.html", {
        "plan": plan, "grid": selectors.grid_view(plan, scope), "scope": scope, "req": req,
        "header": selectors.grid_header(),
        "region_names": dict(Region.objects.values_list("code", "name")),
        "confirmations": confirmations, "stages": _stages(plan, confirmations),
        "versions": versions, "previous": previous, "under_way": under_way,
        "events": audit.timeline(plan.audit_kind, plan.pk),
        "show_process": selectors.sees_process(user) or plan.author_id == user.pk,
        "task": task, "task_region": Region.objects.filter(
            code=(task.task.data or {}).get("region", "")).first() if task else None,
        "actions": actions, "can_edit": may.EDIT in actions,
        "can_submit": may.SUBMIT in actions, "can_send": may.SEND_TO_CEO in actions,
        "can_withdraw": may.WITHDRAW in actions, "can_revise": may.REVISE in actions,
        "returned": plan.state == PlanState.RETURNED,
        "task_is_confirmation": task is not None and task.step_code == CONFIRM_STEP,
        "details_form": PlanDetailsForm(initial={"title": plan.title,
                                                 "strategy": plan.strategy}),
        "comment_form": CommentForm(), "reason_form": ReasonForm(), "tab": "plans",
    })


def _done(request, plan_id, call, success: str):
    try:
        call()
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        for key, errors in (exc.fields or {}).items():
            if key not in ("reason", "comment"):
                messages.error(request, f"{key}: {' '.join(str(e) for e in errors)}")
    else:
        messages.success(request, success)
    return redirect("plans:plan", plan_id=plan_id)


@login_required
@require_POST
def plan_details(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    form = PlanDetailsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the plan a title."))
        return redirect("plans:plan", plan_id=plan.pk)
    return _done(request, plan.pk, lambda: services.plan_update(
        plan_id=plan.pk, actor=request.user, **form.cleaned_data), _("Plan details saved."))


@login_required
@require_POST
def plan_submit(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    comment = CommentForm(request.POST).data.get("comment", "")[:4000]
    if plan.state == PlanState.CONFIRMED:
        return _done(request, plan.pk, lambda: services.plan_submit(
            plan_id=plan.pk, actor=request.user, comment=comment,
            cc=cc_from_post(request.POST)),
            _("Sent to the CEO for sign-off."))
    return _done(request, plan.pk, lambda: services.plan_submit_for_confirmation(
        plan_id=plan.pk, actor=request.user, comment=comment, cc=cc_from_post(request.POST)),
        _("Sent to the regional managers: each confirms their region's allocation."))


@login_required
@require_POST
def plan_withdraw(request, plan_id):
    plan = plan_or_404(request.user, plan_id)
    req = selectors.plan_request(plan)
    if req is None:
        raise Http404
    reason = str(request.POST.get("reason", ""))[:4000]
    return _done(request, plan.pk, lambda: engine.request_withdraw(
        request_id=req.pk, actor=request.user, reason=reason), _("Plan withdrawn."))


@login_required
@require_POST
def plan_decide(request, plan_id, action):
    """The viewer's open task on this plan: a region's confirmation or the CEO's sign-off.
    approve = confirm / publish; return = push back / return, reason required."""
    plan = plan_or_404(request.user, plan_id)
    task = selectors.open_task_for(plan, request.user)
    if task is None or action not in ("approve", "return"):
        messages.error(request, _("No decision on this plan is waiting for you."))
        return redirect("plans:plan", plan_id=plan.pk)
    if action == "approve":
        comment = str(request.POST.get("comment", ""))[:4000]
        return _done(request, plan.pk, lambda: engine.task_approve(
            task_id=task.pk, actor=request.user, comment=comment),
            _("Confirmed.") if task.step_code == CONFIRM_STEP
            else _("Approved: the plan is published."))
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why you send the plan back: a reason is required."))
        return redirect("plans:plan", plan_id=plan.pk)
    return _done(request, plan.pk, lambda: engine.task_return(
        task_id=task.pk, actor=request.user, reason=form.cleaned_data["reason"]),
        _("Sent back to the sales GM with your reason."))
