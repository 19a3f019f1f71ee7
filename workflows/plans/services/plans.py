"""Sales plans (policy 2.1, 4.1): the sales GM drafts, every region confirms its allocation in
parallel, the sales GM sends the confirmed plan to the CEO, the CEO publishes it; a published
plan changes only by a revision, which goes through the same sign-off and on publication
supersedes the version it revises."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core import engine
from core.audit import services as audit
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    StateConflictError,
)
from core.numbers import next_number
from core.org.models import Region, User

from .. import rules
from ..models import UNDER_WAY_STATES, ActualBasis, PersonMonth, Plan, PlanState, RegionMonth
from ..selectors import actions as access
from ..selectors import last_year_basis
from ..steps import KIND, SUBMIT_NODE
from .allocations import parse_amount, store_new_grid
from .common import (
    ensure_may,
    ensure_sales_gm,
    grid_of,
    lock_plan,
    planned_regions,
    refuse_mismatches,
    salespeople_by_region,
)

SPREAD_EVEN, SPREAD_LAST_YEAR = "even", "last_year"
EDITABLE_FIELDS = ("title", "strategy")


def _validated(plan: Plan) -> None:
    try:
        plan.full_clean(exclude=["state", "number", "previous"])
    except ValidationError as exc:
        raise InvalidInputError(_("Some fields are not valid."),
                                fields=exc.message_dict) from None


def _fiscal_year(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        value = None
    try:
        year = int(value)
    except (TypeError, ValueError):
        year = 0
    if not 2000 <= year <= 2100:
        raise InvalidInputError(_("Give a fiscal year between 2000 and 2100."),
                                fields={"fiscal_year": [_("A year such as 2027.")]})
    return year


def request_of(plan: Plan) -> engine.Request | None:
    return engine.request_for(KIND, plan.pk)


@transaction.atomic
def plan_route_preview(*, actor: User, fiscal_year, target, title: str = "", **_rest):
    """Who would sign the plan off, for the target as typed and nothing saved: the header
    `plan_submit` gives it (the target as amount), routed by the same chain function."""
    ensure_sales_gm(actor)
    year = _fiscal_year(fiscal_year)
    try:
        amount = parse_amount(target)
        if target in (None, ""):
            raise ValueError(target)
    except ValueError:
        raise InvalidInputError(_("Enter the company target, e.g. 12000000.00."),
                                fields={"target": [_("Enter an amount.")]}) from None
    return engine.route_preview(
        kind=KIND, submitter=actor, amount=amount,
        title=(title or "").strip() or _("%(year)s sales plan") % {"year": year})


def plan_create(*, actor: User, fiscal_year, target, strategy: str = "", title: str = "",
                region_codes: list[str] | None = None, spread: str = SPREAD_EVEN) -> Plan:
    """The sales GM drafts next year's plan: the target is spread over the regions, months and
    salespeople (evenly, or in the shape of last year's actuals) so the draft adds up."""
    ensure_sales_gm(actor)
    year = _fiscal_year(fiscal_year)
    try:
        amount = parse_amount(target)
        if target in (None, ""):
            raise ValueError(target)
    except ValueError:
        raise InvalidInputError(_("Enter the company target, e.g. 12000000.00."),
                                fields={"target": [_("Enter an amount.")]}) from None
    if spread not in (SPREAD_EVEN, SPREAD_LAST_YEAR):
        raise InvalidInputError(_("Spread evenly or by last year's actuals."),
                                fields={"spread": [_("Unknown choice.")]})
    if Plan.objects.filter(fiscal_year=year).exclude(state=PlanState.WITHDRAWN).exists():
        raise StateConflictError(_("A plan for %(year)s exists already: open it, or draft a "
                                   "revision of the published one.") % {"year": year})
    if region_codes is None:
        regions = planned_regions()
    else:
        regions = list(Region.objects.filter(code__in=set(region_codes)).order_by("code"))
        unknown = sorted(set(region_codes) - {r.code for r in regions})
        if unknown or not regions:
            raise InvalidInputError(_("Choose the regions the plan covers."),
                                    fields={"regions": [_("Unknown region: %(codes)s")
                                                        % {"codes": ", ".join(unknown)}]
                                            if unknown else [_("Choose at least one.")]})
    if not regions:
        raise InvalidInputError(_("No sales region has people yet; set up the regions first."))
    people = salespeople_by_region(r.pk for r in regions)
    layout = {r.code: [u.username for u in people.get(r.pk, [])] for r in regions}
    basis = last_year_basis(year - 1, layout) if spread == SPREAD_LAST_YEAR else None
    plan = Plan(fiscal_year=year, target=amount, strategy=(strategy or "").strip(),
                title=(title or "").strip() or _("%(year)s sales plan") % {"year": year},
                author=actor)
    _validated(plan)
    plan.number = next_number(f"JH-{year}", width=3)
    plan.save()
    store_new_grid(plan, rules.spread_plan(amount, layout, basis))
    engine.open_draft(kind=KIND, obj=plan, submitter=actor, title=plan.title,
                      number=plan.number, amount=plan.target)
    audit.record(actor=actor, subject=plan, event="plan.drafted", to_state=plan.state,
                 data={"regions": [r.code for r in regions], "spread": spread})
    return plan


@transaction.atomic
def plan_update(*, plan_id: int, actor: User, title: str | None = None,
                strategy: str | None = None) -> Plan:
    plan = lock_plan(plan_id)
    ensure_may(plan, actor, access.EDIT)
    if plan.state not in access.ACTION_STATES[access.EDIT]:
        raise StateConflictError(_("A %(state)s plan cannot be edited.")
                                 % {"state": plan.get_state_display()})
    before = {f: getattr(plan, f) for f in EDITABLE_FIELDS}
    if title is not None:
        plan.title = title.strip()
    if strategy is not None:
        plan.strategy = strategy.strip()
    _validated(plan)
    plan.save(update_fields=list(EDITABLE_FIELDS))
    engine.update_request(kind=KIND, object_id=plan.pk, title=plan.title)
    audit.record(actor=actor, subject=plan, event="plan.edited",
                 changes=audit.diff(before, {f: getattr(plan, f) for f in EDITABLE_FIELDS}))
    return plan


def ensure_ready(plan: Plan) -> None:
    """The stored grid must still add up and cover at least one region before it goes out."""
    grid = grid_of(plan)
    if not grid.regions:
        raise InvalidInputError(_("The plan has no region to confirm it."))
    refuse_mismatches(rules.reconcile(grid), grid)


@transaction.atomic
def plan_submit_for_confirmation(*, plan_id: int, actor: User, comment: str = "",
                                 cc=()) -> Plan:
    """Send a draft to the regional managers (one confirmation per region, in parallel); a plan
    returned for revision is resubmitted the same way."""
    head = Plan.objects.filter(pk=plan_id).only("state", "author").first() if isinstance(
        plan_id, int) and 0 < plan_id < 2**63 else None
    if head is None:
        raise NotFoundError()
    if head.state == PlanState.RETURNED:
        # The engine's resubmission: it takes the process lock before our row (on_resubmit).
        ensure_may(head, actor, access.SUBMIT)
        req = request_of(head)
        engine.request_resubmit(request_id=req.pk, actor=actor, comment=comment)
        _copy_more(req, actor, cc)
        return Plan.objects.get(pk=plan_id)
    plan = lock_plan(plan_id)
    ensure_may(plan, actor, access.SUBMIT)
    if plan.state != PlanState.DRAFT:
        raise StateConflictError(_("This plan was already submitted."))
    ensure_ready(plan)
    plan.submit()
    plan.save()
    engine.submit(kind=KIND, obj=plan, submitter=actor, title=plan.title, amount=plan.target,
                  number=plan.reference, cc=cc)
    audit.record(actor=actor, subject=plan, event="plan.submitted", comment=comment,
                 from_state=PlanState.DRAFT, to_state=plan.state)
    return plan


def _copy_more(req: engine.Request, actor: User, cc) -> None:
    """抄送 on a later submission: whom the submitter picks now and who is not copied yet."""
    already = set(engine.copied_ids(req))
    cc = [p for p in dict.fromkeys(cc or ()) if p.pk not in already]
    if cc:
        engine.request_copy(request_id=req.pk, actor=actor, people=cc)


def plan_send_to_ceo(*, plan_id: int, actor: User, comment: str = "") -> Plan:
    """Every region confirmed: the sales GM sends the plan to the CEO for sign-off."""
    head = Plan.objects.filter(pk=plan_id).first() if isinstance(plan_id, int) and (
        0 < plan_id < 2**63) else None
    if head is None:
        raise NotFoundError()
    req = request_of(head)
    if req is None or req.process_id is None:
        raise StateConflictError(_("This plan has not been through the regions yet."))
    with engine.process_lock(KIND, head.pk, busy=_(
            "Someone else is acting on this plan right now; try again in a moment.")) as req:
        return _send_locked(plan_id, req, actor, comment)


def _send_locked(plan_id: int, req: engine.Request, actor: User, comment: str) -> Plan:
    plan = lock_plan(plan_id)
    ensure_may(plan, actor, access.SEND_TO_CEO)
    if plan.state not in access.ACTION_STATES[access.SEND_TO_CEO]:
        raise StateConflictError(_("The plan is %(state)s; it goes to the CEO once every region "
                                   "has confirmed it.") % {"state": plan.get_state_display()})
    plan.send_to_ceo()
    plan.save(update_fields=["state", "sent_to_ceo_at"])
    if not engine.run_task(req, SUBMIT_NODE):  # the CEO's sign-off task opens
        raise StateConflictError(_("The plan is not waiting for the sales GM."))
    audit.record(actor=actor, subject=plan, event="plan.sent_to_ceo", comment=comment,
                 from_state=PlanState.CONFIRMED, to_state=plan.state)
    return plan


def plan_submit(*, plan_id: int, actor: User, comment: str = "", cc=()) -> Plan:
    """The next submission the plan is waiting for: to the regions (a draft, or a plan returned
    for revision), or to the CEO (a plan every region confirmed)."""
    head = Plan.objects.filter(pk=plan_id).only("state").first() if isinstance(
        plan_id, int) and 0 < plan_id < 2**63 else None
    if head is None:
        raise NotFoundError()
    if head.state == PlanState.CONFIRMED:
        with transaction.atomic():
            plan = plan_send_to_ceo(plan_id=plan_id, actor=actor, comment=comment)
            req = request_of(plan)
            if req is not None:
                _copy_more(req, actor, cc)
            return plan
    return plan_submit_for_confirmation(plan_id=plan_id, actor=actor, comment=comment, cc=cc)


@transaction.atomic
def plan_revise(*, plan_id: int, actor: User, reason: str) -> Plan:
    """A published plan is read-only: a change is the next version, drafted from it, which goes
    through the regions and the CEO again."""
    ensure_sales_gm(actor)
    if not (reason or "").strip():
        raise InvalidInputError(_("Say why the plan changes."),
                                fields={"reason": [_("A reason is required.")]})
    current = lock_plan(plan_id)
    if current.state not in access.ACTION_STATES[access.REVISE]:
        raise StateConflictError(_("Only the published plan can be revised."))
    if Plan.objects.filter(number=current.number, state__in=UNDER_WAY_STATES).exists():
        raise StateConflictError(_("A revision of this plan is already under way."))
    last = Plan.objects.filter(number=current.number).order_by("-version").first()
    revision = Plan(number=current.number, version=last.version + 1, previous=current,
                    fiscal_year=current.fiscal_year, title=current.title,
                    strategy=current.strategy, target=current.target, author=actor,
                    revision_reason=reason.strip())
    revision.save()
    RegionMonth.objects.bulk_create([
        RegionMonth(plan=revision, region_id=r.region_id, month=r.month, amount=r.amount)
        for r in RegionMonth.objects.filter(plan=current)])
    PersonMonth.objects.bulk_create([
        PersonMonth(plan=revision, region_id=r.region_id, salesperson_id=r.salesperson_id,
                    month=r.month, amount=r.amount)
        for r in PersonMonth.objects.filter(plan=current)])
    engine.open_draft(kind=KIND, obj=revision, submitter=actor, title=revision.title,
                      number=revision.reference, amount=revision.target)
    audit.record(actor=actor, subject=revision, event="plan.revision_drafted",
                 to_state=revision.state, comment=revision.revision_reason,
                 data={"revises": current.pk, "revises_version": current.version})
    return revision


@transaction.atomic
def plan_set_actual_basis(*, plan_id: int, actor: User, basis: str) -> Plan:
    """The sales GM chooses where the plan's actual sales come from: entered by hand, signed
    contracts or collections (then entries by hand are adjustments, shown apart)."""
    ensure_sales_gm(actor)
    if basis not in ActualBasis.values:
        raise InvalidInputError(_("Choose where actual sales come from."),
                                fields={"actual_basis": [_("Unknown choice.")]})
    plan = Plan.objects.select_for_update().filter(pk=plan_id).first()
    if plan is None:
        raise NotFoundError()
    before = plan.actual_basis
    if before == basis:
        return plan
    plan.actual_basis = basis
    plan.save(update_fields=["actual_basis"])
    audit.record(actor=actor, subject=plan, event="plan.actual_basis_changed",
                 changes={"actual_basis": [before, basis]})
    return plan
