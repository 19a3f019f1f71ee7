"""Campaign pages: the list with a month calendar, the campaign page (its budget per line:
planned, reserved, in claims, spent), drafting and editing, the evaluation form. Each view
parses input, calls one service or selector and renders; a refusal comes back on the page
with what was typed kept."""

import calendar
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
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
from workflows.contracts.models import Contract, ContractState

from . import selectors, services
from .forms import CampaignForm, CancelForm, EvaluationForm, FilterForm, line_formset
from .models import CampaignState
from .selectors import CANCEL, EDIT, EVALUATE, SUBMIT
from .steps import EVAL_KIND, KIND


def _campaign_or_404(user, campaign_id):
    found = selectors.visible_campaign(user, campaign_id)
    if found is None:
        raise Http404
    return found


def _month_grid(campaigns, first: date) -> list[list[dict]]:
    """The weeks of `first`'s month, each day with the campaigns running on it."""
    cal = calendar.Calendar(firstweekday=0)
    weeks = []
    for week in cal.monthdatescalendar(first.year, first.month):
        weeks.append([{"day": d, "in_month": d.month == first.month,
                       "campaigns": [c for c in campaigns if c.start <= d <= c.end]}
                      for d in week])
    return weeks


@login_required
def campaign_list(request):
    user = request.user
    form = FilterForm(request.GET or None)
    qs = selectors.visible_campaigns(user)
    today = timezone.localdate()
    first = today.replace(day=1)
    if form.is_bound and form.is_valid():
        if form.cleaned_data["state"]:
            qs = qs.filter(state=form.cleaned_data["state"])
        if form.cleaned_data["month"]:
            first = form.cleaned_data["month"].replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    in_month = [c for c in qs.filter(start__lte=last, end__gte=first)
                if c.state not in (CampaignState.REJECTED, CampaignState.WITHDRAWN)]
    view = "calendar" if request.GET.get("view") == "calendar" else "list"
    return render(request, "campaigns/list.html", {
        "page": Paginator(qs, 25).get_page(request.GET.get("page")), "form": form,
        "can_draft": selectors.can_draft(user), "view": view, "first": first,
        "weeks": _month_grid(in_month, first),
        "weekdays": [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
        "prev_month": (first - timedelta(days=1)).strftime("%Y-%m"),
        "next_month": (last + timedelta(days=1)).strftime("%Y-%m"),
    })


def _render_form(request, form, lines, campaign=None, status=200):
    return render(request, "campaigns/form.html",
                  {"form": form, "lines": lines, "campaign": campaign},
                  status=400 if (form.errors or status == 400) else status)


def _apply_errors(form, lines, exc: ApprovalError) -> None:
    for key, errs in (exc.fields or {}).items():
        parts = key.split(".")
        if parts[0] == "lines" and len(parts) == 3 and parts[1].isdigit():
            i = int(parts[1])
            if i < len(lines.forms) and parts[2] in lines.forms[i].fields:
                for e in errs:
                    lines.forms[i].add_error(parts[2], str(e))
                continue
        target = key if key in form.fields else None
        for e in errs:
            form.add_error(target, str(e))


@login_required
def campaign_new(request):
    if not selectors.can_draft(request.user):
        raise Http404
    form = CampaignForm(request.POST or None,
                        initial={"regions": [request.user.region_id]}
                        if request.user.region_id else None)
    lines = line_formset(request.POST or None)
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        data = dict(form.cleaned_data)
        regions = [r.pk for r in data.pop("regions")]
        try:
            campaign = services.campaign_create(actor=request.user, lines=lines.lines(),
                                                regions=regions, **data)
            if "submit" in request.POST:
                services.campaign_submit(campaign_id=campaign.pk, actor=request.user,
                                         cc=cc_from_post(request.POST))
        except ApprovalError as exc:
            if "campaign" in locals():  # saved as a draft, the submission was refused
                messages.error(request, str(exc.message))
                return redirect("campaigns:detail", campaign_id=campaign.pk)
            _apply_errors(form, lines, exc)
            messages.error(request, str(exc.message))
            return _render_form(request, form, lines, status=400)
        messages.success(request, _("Campaign saved."))
        return redirect("campaigns:detail", campaign_id=campaign.pk)
    return _render_form(request, form, lines)


@login_required
def campaign_edit(request, campaign_id):
    campaign = _campaign_or_404(request.user, campaign_id)
    if EDIT not in selectors.campaign_actions(request.user, campaign):
        messages.error(request, _("This campaign cannot be changed now."))
        return redirect("campaigns:detail", campaign_id=campaign.pk)
    initial = {"theme": campaign.theme, "type": campaign.type, "start": campaign.start,
               "end": campaign.end, "place": campaign.place,
               "regions": list(campaign.regions.values_list("pk", flat=True)),
               "content": campaign.content, "audience": campaign.audience,
               "expected_leads": campaign.expected_leads,
               "expected_attendees": campaign.expected_attendees,
               "expected_value": campaign.expected_value}
    form = CampaignForm(request.POST or None, initial=initial)
    lines = line_formset(request.POST or None, initial=[
        {"category": x.category, "month": x.month, "description": x.description,
         "amount": x.amount, "region": x.region_id} for x in campaign.lines.all()], extra=1)
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        data = dict(form.cleaned_data)
        regions = [r.pk for r in data.pop("regions")]
        try:
            services.campaign_update(campaign_id=campaign.pk, actor=request.user,
                                     lines=lines.lines(), regions=regions, **data)
        except ApprovalError as exc:
            _apply_errors(form, lines, exc)
            messages.error(request, str(exc.message))
            return _render_form(request, form, lines, campaign, status=400)
        messages.success(request, _("Campaign saved."))
        return redirect("campaigns:detail", campaign_id=campaign.pk)
    return _render_form(request, form, lines, campaign)


@login_required
def campaign_detail(request, campaign_id):
    campaign = _campaign_or_404(request.user, campaign_id)
    rows = selectors.budget_lines(campaign)
    evaluation = selectors.evaluation_of(campaign)
    req = engine.request_for(KIND, campaign.pk)
    eval_req = engine.request_for(EVAL_KIND, evaluation.pk) if evaluation else None
    events = audit_selectors.timeline(KIND, campaign.pk)
    route = None
    if campaign.state == CampaignState.DRAFT:  # who will be asked, before it is submitted
        route = services.route_preview(campaign)
    return render(request, "campaigns/detail.html", {
        "route": route,
        "campaign": campaign, "rows": rows, "totals": selectors.totals(rows),
        "evaluation": evaluation, "request_row": req, "eval_request": eval_req,
        "actions": selectors.campaign_actions(request.user, campaign),
        "regions": list(campaign.regions.all()), "events": events,
        "cancel_form": CancelForm(), "EDIT": EDIT, "SUBMIT": SUBMIT, "CANCEL": CANCEL,
        "EVALUATE": EVALUATE,
    })


@login_required
@require_POST
def campaign_submit(request, campaign_id):
    campaign = _campaign_or_404(request.user, campaign_id)
    try:
        services.campaign_submit(campaign_id=campaign.pk, actor=request.user,
                                         cc=cc_from_post(request.POST))
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Campaign submitted for approval."))
    return redirect("campaigns:detail", campaign_id=campaign.pk)


@login_required
@require_POST
def campaign_cancel(request, campaign_id):
    campaign = _campaign_or_404(request.user, campaign_id)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the campaign is called off."))
        return redirect("campaigns:detail", campaign_id=campaign.pk)
    try:
        services.campaign_cancel(campaign_id=campaign.pk, actor=request.user,
                                 reason=form.cleaned_data["reason"])
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Campaign called off; its budget is released."))
    return redirect("campaigns:detail", campaign_id=campaign.pk)


def _signed_contracts(campaign):
    """Signed contracts to attribute: of the campaign's regions, signed from its first day."""
    qs = Contract.objects.filter(state=ContractState.SIGNED).select_related("customer")
    region_ids = list(campaign.regions.values_list("pk", flat=True))
    if region_ids:
        qs = qs.filter(customer__region_id__in=region_ids)
    return qs.filter(signed_at__date__gte=campaign.start).order_by("-signed_at")


@login_required
def evaluation(request, campaign_id):
    campaign = _campaign_or_404(request.user, campaign_id)
    record = selectors.evaluation_of(campaign)
    if record is None:
        raise Http404
    editable = EVALUATE in selectors.campaign_actions(request.user, campaign)
    contracts = _signed_contracts(campaign) | record.contracts.all()
    initial = {"leads": record.leads, "attendees": record.attendees,
               "customers_met": record.customers_met,
               "contracts": list(record.contracts.values_list("pk", flat=True)),
               "lessons": record.lessons}
    form = EvaluationForm(request.POST or None, initial=initial, contracts=contracts.distinct())
    if request.method == "POST":
        if not editable or org.is_read_only(request.user):
            messages.error(request, _("This evaluation cannot be changed now."))
            return redirect("campaigns:detail", campaign_id=campaign.pk)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.evaluation_save(
                    campaign_id=campaign.pk, actor=request.user, leads=d["leads"],
                    attendees=d["attendees"], customers_met=d["customers_met"],
                    contract_ids=[c.pk for c in d["contracts"]], lessons=d["lessons"],
                    submit="submit" in request.POST)
            except ApprovalError as exc:
                for key, errs in (exc.fields or {}).items():
                    for e in errs:
                        form.add_error(key if key in form.fields else None, str(e))
                messages.error(request, str(exc.message))
            else:
                messages.success(request, _("Evaluation sent to the sales GM.")
                                 if "submit" in request.POST else _("Evaluation saved."))
                return redirect("campaigns:detail", campaign_id=campaign.pk)
    rows = selectors.budget_lines(campaign)
    return render(request, "campaigns/evaluation.html", {
        "campaign": campaign, "evaluation": record, "form": form, "editable": editable,
        "totals": selectors.totals(rows),
    }, status=400 if form.errors else 200)
