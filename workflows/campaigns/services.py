"""Marketing campaigns (policy 5(三)): drafting with budget lines, submission along the authority
chain, the budget reserved on the last approval through expenses' budget holds (race-proof:
the budget rows are locked), the evaluation opened by the sweep when a campaign ends, and the
unused budget released when the evaluation is approved."""

from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import engine
from core.audit import services as audit
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StateConflictError,
)
from core.money import fmt, to_money
from core.numbers import next_number
from core.org import selectors as org
from core.org.models import Region, Role, User
from workflows.contracts.models import Contract, ContractState
from workflows.expenses.models import Category
from workflows.expenses.services import ledger

from . import selectors
from .models import (
    Campaign,
    CampaignEvaluation,
    CampaignLine,
    CampaignState,
    CampaignType,
    EvaluationState,
)
from .rules import add_working_days
from .selectors import CANCEL, EDIT, EVALUATE, SUBMIT
from .steps import EVAL_KIND, EVALUATION_WORKING_DAYS, KIND, TASK_KIND, TASK_STEP, TASK_STEPS

MAX_LINES = 30
FIELDS = ("theme", "type", "start", "end", "place", "content", "audience", "expected_leads",
          "expected_attendees", "expected_value")


def _clean(fields: dict, lines: list[dict] | None, *, start=None, end=None) -> list[CampaignLine]:
    errors: dict[str, list] = {}
    if "theme" in fields and not str(fields.get("theme") or "").strip():
        errors["theme"] = [_("Give the campaign a theme.")]
    if "type" in fields and fields.get("type") not in CampaignType.values:
        errors["type"] = [_("Choose a type.")]
    if "place" in fields and not str(fields.get("place") or "").strip():
        errors["place"] = [_("Say where it takes place.")]
    start = fields.get("start", start)
    end = fields.get("end", end)
    if not isinstance(start, date):
        errors["start"] = [_("Enter a date such as 2026-11-27.")]
    if not isinstance(end, date):
        errors["end"] = [_("Enter a date such as 2026-11-27.")]
    elif isinstance(start, date) and end < start:
        errors["end"] = [_("The last day is before the first.")]
    if "expected_value" in fields:
        try:
            fields["expected_value"] = to_money(fields.get("expected_value") or 0)
            if fields["expected_value"] < 0:
                raise ValueError
        except ValueError:
            errors["expected_value"] = [_("Enter an amount such as 128.50.")]
    for name in ("expected_leads", "expected_attendees"):
        if name in fields:
            try:
                fields[name] = int(fields.get(name) or 0)
                if not 0 <= fields[name] < 10_000_000:
                    raise ValueError
            except (TypeError, ValueError):
                errors[name] = [_("Enter a whole number.")]
    result = []
    if lines is not None:
        if not lines:
            errors["lines"] = [_("Add at least one budget line.")]
        elif len(lines) > MAX_LINES:
            errors["lines"] = [_("At most %(n)d lines.") % {"n": MAX_LINES}]
        for i, raw in enumerate(lines[:MAX_LINES]):
            category = raw.get("category")
            if category not in Category.values:
                errors[f"lines.{i}.category"] = [_("Choose a category.")]
            month = raw.get("month")
            if isinstance(month, str):
                try:
                    month = date.fromisoformat(month if len(month) > 7 else f"{month}-01")
                except ValueError:
                    month = None
            if not isinstance(month, date):
                errors[f"lines.{i}.month"] = [_("Enter a month such as 2026-11.")]
            elif isinstance(start, date) and isinstance(end, date) and not (
                    start.replace(day=1) <= month.replace(day=1) <= end):
                errors[f"lines.{i}.month"] = [_("The month is outside the campaign's dates.")]
            description = str(raw.get("description") or "").strip()[:200]
            if not description:
                errors[f"lines.{i}.description"] = [_("Say what it is for.")]
            try:
                amount = to_money(raw.get("amount"))
                if amount <= 0 or amount >= Decimal("1000000000000"):
                    raise ValueError
            except ValueError:
                errors[f"lines.{i}.amount"] = [_("Enter an amount above zero.")]
                continue
            region = raw.get("region")
            region_id = getattr(region, "pk", region)
            if region_id in ("", None):
                region_id = None
            elif not str(region_id).isdigit():
                errors[f"lines.{i}.region"] = [_("Unknown region.")]
                continue
            if isinstance(month, date):
                result.append(CampaignLine(category=category, month=month.replace(day=1),
                                           description=description, amount=amount,
                                           region_id=int(region_id) if region_id else None))
    if errors:
        raise InvalidInputError(_("Some fields are not valid."), fields=errors)
    return result


LENGTHS = {"theme": 200, "place": 200, "audience": 300, "content": 20000}


def _trim(fields: dict) -> None:
    """Free text as stored: stripped, and cut to its column (like a claim's title)."""
    for name, limit in LENGTHS.items():
        if name in fields:
            fields[name] = str(fields[name] or "").strip()[:limit]


def _regions(region_ids) -> list[Region]:
    ids = [int(r) for r in region_ids or [] if str(r).isdigit()]
    found = list(Region.objects.filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise InvalidInputError(_("Some fields are not valid."),
                                fields={"regions": [_("Unknown region.")]})
    return found


def _place_lines(lines: list[CampaignLine], region_ids: set[int]) -> None:
    """Each line's region is one of the campaign's: a single-region campaign's lines take it;
    with several, each line names its own (its budget is that region's); with none, none."""
    errors = {}
    for i, line in enumerate(lines):
        if line.region_id is not None and line.region_id not in region_ids:
            errors[f"lines.{i}.region"] = [_("Not one of the campaign's regions.")]
        elif line.region_id is None and len(region_ids) == 1:
            line.region_id = next(iter(region_ids))
        elif line.region_id is None and len(region_ids) > 1:
            errors[f"lines.{i}.region"] = [
                _("The campaign has several regions: say which one this line is for.")]
    if errors:
        raise InvalidInputError(_("Some fields are not valid."), fields=errors)


def _save_lines(campaign: Campaign, lines: list[CampaignLine]) -> None:
    campaign.lines.all().delete()
    for line in lines:
        line.campaign = campaign
    CampaignLine.objects.bulk_create(lines)
    campaign.total = sum((line.amount for line in lines), Decimal("0.00"))


@transaction.atomic
def campaign_create(*, actor: User, lines: list[dict], regions=(), **fields) -> Campaign:
    if not selectors.can_draft(actor):
        raise PermissionDeniedError(_("Campaigns are drafted by marketing or a regional "
                                      "manager."))
    if actor.department_id is None:
        raise InvalidInputError(_("You belong to no department; ask an administrator."))
    fields = {k: v for k, v in fields.items() if k in FIELDS}
    for name in ("theme", "type", "place", "start", "end"):
        fields.setdefault(name, None)
    cleaned = _clean(fields, lines)
    region_rows = _regions(regions) or ([actor.region] if actor.region_id else [])
    _trim(fields)
    campaign = Campaign.objects.create(owner=actor, department_id=actor.department_id,
                                       **fields)
    campaign.regions.set(region_rows)
    _place_lines(cleaned, {r.pk for r in region_rows})
    _save_lines(campaign, cleaned)
    campaign.save(update_fields=["total"])
    engine.open_draft(kind=KIND, obj=campaign, submitter=actor, title=campaign.theme,
                      amount=campaign.total, category=Category.MARKETING,
                      region=region_rows[0] if len(region_rows) == 1 else None)
    audit.record(actor=actor, subject=campaign, event="campaign.drafted",
                 to_state=campaign.state, amount=campaign.total,
                 data={"lines": len(cleaned)})
    return campaign


def _lock(campaign_id) -> Campaign:
    campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
    if campaign is None:
        raise NotFoundError()
    return campaign


def _lock_own(campaign_id, actor: User, action: str) -> Campaign:
    campaign = _lock(campaign_id)
    if campaign.owner_id != actor.pk:
        raise PermissionDeniedError(_("Only the campaign's owner can change it."))
    if action not in selectors.campaign_actions(actor, campaign):
        raise StateConflictError(_("This campaign is %(state)s: that cannot be done now.")
                                 % {"state": campaign.get_state_display()})
    return campaign


@transaction.atomic
def campaign_update(*, campaign_id: int, actor: User, lines: list[dict] | None = None,
                    regions=None, **fields) -> Campaign:
    """Edit a draft, or a campaign returned for revision (then resubmit it)."""
    campaign = _lock_own(campaign_id, actor, EDIT)
    fields = {k: v for k, v in fields.items() if k in FIELDS and v is not None}
    cleaned = _clean(fields, lines, start=campaign.start, end=campaign.end)
    before = {"theme": campaign.theme, "total": str(campaign.total),
              "start": str(campaign.start), "end": str(campaign.end)}
    _trim(fields)
    for name, value in fields.items():
        setattr(campaign, name, value)
    if regions is not None:
        campaign.regions.set(_regions(regions))
    region_ids = set(campaign.regions.values_list("pk", flat=True))
    if lines is not None:
        _place_lines(cleaned, region_ids)
        _save_lines(campaign, cleaned)
    else:
        kept = list(campaign.lines.all())
        if "start" in fields or "end" in fields:
            _clean({}, [{"category": x.category, "month": x.month, "description": x.description,
                         "amount": x.amount} for x in kept],
                   start=campaign.start, end=campaign.end)
        if regions is not None:  # the lines must still name one of the campaign's regions
            was = {x.pk: x.region_id for x in kept}
            for line in kept:
                if line.region_id is not None and line.region_id not in region_ids:
                    line.region_id = None
            _place_lines(kept, region_ids)
            CampaignLine.objects.bulk_update([x for x in kept if was[x.pk] != x.region_id],
                                             ["region"])
    campaign.save()
    engine.update_request(kind=KIND, object_id=campaign.pk, title=campaign.theme,
                          amount=campaign.total)
    after = {"theme": campaign.theme, "total": str(campaign.total),
             "start": str(campaign.start), "end": str(campaign.end)}
    audit.record(actor=actor, subject=campaign, event="campaign.edited",
                 changes=audit.diff(before, after), amount=campaign.total)
    return campaign


def _over_budget(campaign: Campaign) -> bool:
    """Whether the lines, taken together per budget month, exceed what is left now (a check
    before the approvals; the last approval checks again under lock). Refused here when a
    category's rule refuses; True when its rule adds the CEO's approval."""
    needs: dict[tuple[str, int, int, int], Decimal] = {}
    for line in campaign.lines.all():
        # the budget line it reserves on: its region's when the department has one
        region = ledger.budget_region(line.month.year, campaign.department_id, line.category,
                                      line.month.month, line.region_id) or 0
        key = (line.category, line.month.year, line.month.month, region)
        needs[key] = needs.get(key, Decimal("0.00")) + line.amount
    over = False
    for (category, year, month, region), amount in sorted(needs.items()):
        left = ledger.remaining(year, campaign.department_id, category, month, region or None)
        available = min(left["month"], left["quarter"])
        if amount > available:
            if not ledger.over_budget_allowed(category):
                raise ledger.OverBudgetError(
                    _("Over budget: %(amount)s planned for %(cat)s in %(period)s, %(left)s "
                      "left.") % {"amount": fmt(amount), "cat": Category(category).label,
                                  "period": f"{year}-{month:02d}",
                                  "left": fmt(max(available, Decimal(0)))},
                    fields={"lines": [_("More than the remaining budget.")]})
            over = True
    return over


def marketing_head(request) -> list[int] | None:
    """Who holds the "marketing" step of a campaign: the head of the marketing department, i.e.
    the holder of the `marketing` role at the top of their department in the org chart (core's
    `department_head`). None (the role's queue) when the chart names no one such person."""
    departments = set(org.holders_of(Role.MARKETING).filter(department__isnull=False)
                      .values_list("department_id", flat=True))
    heads = {head.pk for d in departments
             if (head := org.department_head(d, role=Role.MARKETING)) is not None}
    return list(heads) if len(heads) == 1 else None


def _extra_steps(campaign: Campaign) -> tuple[str, ...]:
    return (Role.CEO,) if campaign.over_budget else ()


def _header_region(campaign: Campaign):
    regions = list(campaign.regions.all()[:2])
    return regions[0] if len(regions) == 1 else None


def route_preview(campaign: Campaign) -> list:
    """Who a submission of the draft would ask, step by step (the head of marketing, the sales
    GM, the CEO when over budget or over the matrix's amount), nothing saved."""
    try:
        extra = (Role.CEO,) if _over_budget(campaign) else ()
    except ledger.OverBudgetError:
        extra = ()
    return engine.route_preview(kind=KIND, submitter=campaign.owner, title=campaign.theme,
                                amount=campaign.total, category=Category.MARKETING,
                                region=_header_region(campaign), extra_steps=extra)


@transaction.atomic
def campaign_submit(*, campaign_id: int, actor: User, cc=()) -> Campaign:
    campaign = _lock_own(campaign_id, actor, SUBMIT)
    if not campaign.lines.exists():
        raise InvalidInputError(_("Add at least one budget line."),
                                fields={"lines": [_("At least one line is required.")]})
    campaign.over_budget = _over_budget(campaign)
    if not campaign.number:
        campaign.number = next_number(f"YX-{campaign.start.year}")
    campaign.submit()
    campaign.save()
    engine.submit(kind=KIND, obj=campaign, submitter=actor, title=campaign.theme,
                  amount=campaign.total, number=campaign.number, category=Category.MARKETING,
                  region=_header_region(campaign), extra_steps=_extra_steps(campaign), cc=cc)
    audit.record(actor=actor, subject=campaign, event="campaign.submitted",
                 from_state=CampaignState.DRAFT, to_state=campaign.state,
                 amount=campaign.total, data={"over_budget": campaign.over_budget})
    return campaign


def _reserve(campaign: Campaign) -> list:
    """Hold every budget line on its region's budget of the line's category and month (the
    department's when the region has none), in one transaction (all or none), lines taken in
    (category, month, budget line) order so that concurrent approvals lock the rows in one
    order. Over what remains: refused unless the category's rule adds an approval and the CEO
    approved it (the campaign was over at submission)."""
    held = []
    lines = list(campaign.lines.all())
    # by the budget line each reserves on (its region's, or the department's): one lock order
    where = {x.pk: ledger.budget_region(x.month.year, campaign.department_id, x.category,
                                        x.month.month, x.region_id) or 0 for x in lines}
    for line in sorted(lines, key=lambda x: (x.category, x.month, where[x.pk], x.pk)):
        allow = campaign.over_budget and ledger.over_budget_allowed(line.category)
        held.append(ledger.hold(
            ref=line.hold_ref, label=f"{campaign.number} {campaign.theme} · {line.description}",
            year=line.month.year, department_id=campaign.department_id,
            category=line.category, month=line.month.month, amount=line.amount,
            allow_over=allow, region_id=line.region_id))
    return held


def _release(campaign: Campaign) -> Decimal:
    return sum((ledger.release_hold(line.hold_ref) for line in campaign.lines.all()),
               Decimal("0.00"))


# --- the task engine's callbacks (run under the process lock, inside its transaction) ---------


def _locked(request) -> Campaign:
    return Campaign.objects.select_for_update().get(pk=request.object_id)


def on_decision(request, item, decision, decider, comment) -> engine.Transition | None:
    campaign = _locked(request)
    before = campaign.state
    if decision == engine.Decision.APPROVED and request.step_index >= len(request.chain):
        held = _reserve(campaign)  # may refuse: over budget; nothing of the approval stays
        campaign.approve()
        campaign.save(update_fields=["state", "approved_at"])
        audit.record(actor=decider.actor, subject=campaign, event="campaign.reserved",
                     amount=campaign.total,
                     data={"lines": len(held), "over_budget": any(h.over_budget for h in held)})
    elif decision == engine.Decision.REJECTED:
        campaign.reject()
        campaign.save(update_fields=["state"])
    elif decision == engine.Decision.RETURNED and request.return_to_step is None:
        campaign.return_for_revision()
        campaign.save(update_fields=["state"])
    else:
        return None
    return engine.Transition(from_state=before, to_state=campaign.state)


def on_withdraw(request, actor, reason) -> engine.Transition:
    campaign = _locked(request)
    before = campaign.state
    if campaign.state not in (CampaignState.SUBMITTED, CampaignState.RETURNED):
        raise StateConflictError(_("This campaign is %(state)s: cancel it from its page.")
                                 % {"state": campaign.get_state_display()})
    campaign.withdraw()
    campaign.save(update_fields=["state"])
    return engine.Transition(from_state=before, to_state=campaign.state)


def on_resubmit(request, actor) -> engine.Transition:
    campaign = _locked(request)
    before = campaign.state
    campaign.over_budget = _over_budget(campaign)
    campaign.resubmit()
    campaign.save()
    request.amount = campaign.total
    request.title = campaign.theme
    request.extra_steps = list(_extra_steps(campaign))
    return engine.Transition(from_state=before, to_state=campaign.state)


@transaction.atomic
def campaign_cancel(*, campaign_id: int, actor: User, reason: str) -> Campaign:
    """The owner calls off an approved campaign before it ends: its budget is released."""
    if not (reason or "").strip():
        raise InvalidInputError(_("Say why the campaign is called off."),
                                fields={"reason": [_("A reason is required.")]})
    campaign = _lock_own(campaign_id, actor, CANCEL)
    before = campaign.state
    campaign.cancel()
    campaign.save(update_fields=["state"])
    released = _release(campaign)
    audit.record(actor=actor, subject=campaign, event="campaign.cancelled",
                 from_state=before, to_state=campaign.state, comment=reason.strip(),
                 amount=released)
    return campaign


# --- the evaluation ------------------------------------------------------------------------


def _spent(campaign: Campaign) -> Decimal:
    return selectors.totals(selectors.budget_lines(campaign))["spent"]


def sweep(now: datetime) -> int:
    """Campaigns whose last day has passed end: each gets its evaluation, due in ten working
    days, and its owner is told. Idempotent (an ended campaign is not approved any more)."""
    today = timezone.localdate(now)
    opened = 0
    for pk in Campaign.objects.filter(state=CampaignState.APPROVED, end__lt=today) \
            .values_list("pk", flat=True):
        with transaction.atomic():
            campaign = Campaign.objects.select_for_update().get(pk=pk)
            if campaign.state != CampaignState.APPROVED:
                continue
            _open_evaluation(campaign, today)
            opened += 1
    return opened


def _task_filer(campaign: Campaign) -> User:
    """Who files the owner's evaluation task: the campaign's last approver (nobody decides a
    request they filed, so the owner's task must not be filed by the owner), else a sales GM."""
    decider = (engine.items_of(KIND, campaign.pk)
               .filter(decision=engine.Decision.APPROVED, decided_by__isnull=False)
               .exclude(decided_by_id=campaign.owner_id)
               .order_by("-decided_at").values_list("decided_by_id", flat=True).first())
    filer = User.objects.filter(pk=decider).first() if decider else None
    if filer is None:
        filer = org.holders_of(Role.SALES_GM).exclude(pk=campaign.owner_id).first()
    if filer is None:
        raise StateConflictError(_("Nobody can open the evaluation task: name a sales GM."))
    return filer


def _open_evaluation(campaign: Campaign, today: date) -> CampaignEvaluation:
    """The campaign ends: its evaluation, and the owner's inbox task of filling it in, due in
    ten working days of the SLA calendar (weekends and its holidays off; the task's deadline,
    reminder and escalation are the engine's)."""
    campaign.end_campaign()
    campaign.save(update_fields=["state"])
    evaluation = CampaignEvaluation.objects.create(
        campaign=campaign, due=add_working_days(max(today, campaign.end),
                                                EVALUATION_WORKING_DAYS, engine.days_off()))
    engine.submit(kind=TASK_KIND, obj=evaluation, submitter=_task_filer(campaign),
                  title=_("Evaluation: %(theme)s") % {"theme": campaign.theme},
                  amount=campaign.total, number=campaign.number)
    audit.record(actor=None, subject=campaign, event="campaign.ended",
                 from_state=CampaignState.APPROVED, to_state=campaign.state,
                 data={"evaluation_due": evaluation.due.isoformat()})
    audit.record(actor=None, subject=evaluation, event="campaign_eval.opened",
                 to_state=evaluation.state, data={"due": evaluation.due.isoformat()})
    return evaluation


def _close_task(evaluation: CampaignEvaluation, actor: User) -> None:
    """The evaluation was sent: the owner's task of filling it in is done (decided by the
    owner; closed by the engine when the sweep escalated it to someone else)."""
    req = engine.request_for(TASK_KIND, evaluation.pk)
    if req is None:
        return
    item = engine.open_items(req).first()
    if item is None:
        return
    if item.assignee_id == actor.pk:
        engine.task_approve(task_id=item.pk, actor=actor, comment=_("Evaluation sent."))
    else:
        engine.cancel_open_items(req)
        engine.finish_request(req, status=engine.RequestStatus.DONE)


def _lock_evaluation(campaign_id, actor: User) -> tuple[Campaign, CampaignEvaluation]:
    campaign = _lock(campaign_id)
    evaluation = CampaignEvaluation.objects.select_for_update().filter(
        campaign=campaign).first()
    if evaluation is None:
        raise NotFoundError()
    if campaign.owner_id != actor.pk:
        raise PermissionDeniedError(_("The campaign's owner files its evaluation."))
    if EVALUATE not in selectors.campaign_actions(actor, campaign):
        raise StateConflictError(_("This evaluation was already filed."))
    return campaign, evaluation


def _contracts(ids):
    ids = [int(x) for x in ids or [] if str(x).isdigit()]
    found = list(Contract.objects.filter(pk__in=ids, state=ContractState.SIGNED))
    if len(found) != len(set(ids)):
        raise InvalidInputError(_("Some fields are not valid."),
                                fields={"contracts": [_("Pick signed contracts only.")]})
    return found


@transaction.atomic
def evaluation_save(*, campaign_id: int, actor: User, leads, attendees, customers_met,
                    contract_ids=(), lessons: str = "", submit: bool = False
                    ) -> CampaignEvaluation:
    """The owner fills the evaluation in; with `submit` it goes to the sales GM."""
    campaign, evaluation = _lock_evaluation(campaign_id, actor)
    errors = {}
    values = {}
    for name, value in (("leads", leads), ("attendees", attendees),
                        ("customers_met", customers_met)):
        try:
            values[name] = int(value or 0)
            if not 0 <= values[name] < 10_000_000:
                raise ValueError
        except (TypeError, ValueError):
            errors[name] = [_("Enter a whole number.")]
    if submit and not (lessons or "").strip():
        errors["lessons"] = [_("Say what was learned.")]
    if errors:
        raise InvalidInputError(_("Some fields are not valid."), fields=errors)
    contracts = _contracts(contract_ids)
    for name, value in values.items():
        setattr(evaluation, name, value)
    evaluation.lessons = (lessons or "").strip()
    evaluation.contracts_value = sum((c.value for c in contracts), Decimal("0.00"))
    evaluation.spent = _spent(campaign)
    evaluation.save()
    evaluation.contracts.set(contracts)
    audit.record(actor=actor, subject=evaluation, event="campaign_eval.edited",
                 data={"leads": evaluation.leads, "contracts": [c.pk for c in contracts]})
    if submit:
        before = evaluation.state
        if evaluation.state == EvaluationState.OPEN:
            evaluation.submit()
            evaluation.save()
            _close_task(evaluation, actor)
            engine.submit(kind=EVAL_KIND, obj=evaluation, submitter=actor,
                          title=_("Evaluation: %(theme)s") % {"theme": campaign.theme},
                          amount=campaign.total, number=campaign.number)
            audit.record(actor=actor, subject=evaluation, event="campaign_eval.submitted",
                         from_state=before, to_state=evaluation.state)
        else:  # returned: resubmitted through the engine (its own audit event)
            req = engine.request_for(EVAL_KIND, evaluation.pk)
            engine.request_resubmit(request_id=req.pk, actor=actor)
    return evaluation


def _locked_evaluation(request) -> CampaignEvaluation:
    return CampaignEvaluation.objects.select_for_update().get(pk=request.object_id)


def on_evaluation_decision(request, item, decision, decider, comment
                           ) -> engine.Transition | None:
    evaluation = _locked_evaluation(request)
    before = evaluation.state
    if decision == engine.Decision.APPROVED and request.step_index >= len(request.chain):
        evaluation.approve()
        evaluation.save(update_fields=["state"])
        campaign = Campaign.objects.select_for_update().get(pk=evaluation.campaign_id)
        campaign.close()
        campaign.save(update_fields=["state"])
        released = _release(campaign)
        audit.record(actor=decider.actor, subject=campaign, event="campaign.closed",
                     from_state=CampaignState.EVALUATING, to_state=campaign.state,
                     amount=released, data={"released": str(released)})
    elif decision == engine.Decision.RETURNED and request.return_to_step is None:
        evaluation.return_for_revision()
        evaluation.save(update_fields=["state"])
    else:
        return None
    return engine.Transition(from_state=before, to_state=evaluation.state)


def on_evaluation_withdraw(request, actor, reason) -> engine.Transition:
    raise StateConflictError(_("An evaluation cannot be withdrawn; correct it when the sales "
                               "GM returns it."))


def on_evaluation_resubmit(request, actor) -> engine.Transition:
    evaluation = _locked_evaluation(request)
    before = evaluation.state
    evaluation.resubmit()
    evaluation.save()
    return engine.Transition(from_state=before, to_state=evaluation.state)


# --- the owner's task of filling the evaluation in (kind campaign_eval_task) -----------------


def evaluation_task_url(request) -> str:
    """The task's action: the evaluation form."""
    campaign_id = (CampaignEvaluation.objects.filter(pk=request.object_id)
                   .values_list("campaign_id", flat=True).first())
    return f"/campaigns/{campaign_id}/evaluation/"


def evaluation_task_chain(request) -> list[dict]:
    evaluation = CampaignEvaluation.objects.select_related("campaign").get(
        pk=request.object_id)
    return [{"code": TASK_STEP, "label": str(TASK_STEPS[TASK_STEP]),
             "candidates": [evaluation.campaign.owner_id], "note": "",
             "due": evaluation.due.isoformat()}]


def on_evaluation_task_decision(request, work_item, decision, decider, comment
                                ) -> engine.Transition | None:
    """Done only by sending the evaluation from its form (evaluation_save)."""
    evaluation = _locked_evaluation(request)
    if decision != engine.Decision.APPROVED or evaluation.state == EvaluationState.OPEN:
        raise StateConflictError(_("Fill in the evaluation and send it from its form: that "
                                   "completes this task."))
    return engine.Transition(from_state=EvaluationState.OPEN, to_state=evaluation.state,
                             event="campaign_eval.sent")


def on_evaluation_task_withdraw(request, actor, reason) -> engine.Transition:
    raise StateConflictError(_("The evaluation task closes when the evaluation is sent."))


def on_evaluation_task_resubmit(request, actor) -> engine.Transition:
    raise StateConflictError(_("The evaluation task closes when the evaluation is sent."))
