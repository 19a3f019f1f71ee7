"""The route preview of a risk as typed on the new-risk form, nothing saved (issue 18): who will
approve its response plan and its closure. A risk is not routed by the amount matrix but by its
level (policy 8.2: medium the region's manager, high the sales GM, critical the CEO; a low risk's
plan is in force at once), so the steps come from the same `approver_for` the approval will
call, and the engine draws them as it draws every other route."""

from django.utils.translation import gettext as _

from core import engine
from core.exceptions import InvalidInputError
from core.org.models import Role, User

from .. import rules, selectors
from ..models import Level, Risk
from ..steps import CLOSE_STEP, KIND, PLAN_STEP, STEPS
from .common import approver_for
from .risks import check_scale

# The step of a low risk, whose plan needs no approval: shown so the preview is never empty.
ADOPTED = "plan_adopted"


def _region(*, region, customer, contract, owner: User):
    """The risk's region as `risk_create` sets it: as chosen, else the customer's (the
    contract's customer's), else the owner's."""
    if region is not None:
        return region
    if customer is None and contract is not None:
        customer = contract.customer
    return customer.region if customer is not None else owner.region


def risk_chain(*, level: str, owner: User, region) -> list[dict]:
    """The approval steps of a risk at `level` owned by `owner` in `region`, in order."""
    role_of_level = rules.approver_role(level)
    if role_of_level is None:
        return [{"code": ADOPTED, "label": _("Response plan in force at once"),
                 "candidates": [],
                 "note": _("A low risk needs no approval: its response plan is in force when "
                           "you submit it, and you close the risk yourself.")}]
    role, holders = approver_for(None, submitter_id=owner.pk,
                                 region_id=getattr(region, "pk", None), level=level)
    level_label, role_label = Level(level).label, Role(role).label
    plan_note = _("%(level)s risk: the response plan goes to %(role)s.") % {
        "level": level_label, "role": role_label}
    if role != role_of_level:
        plan_note += " " + _("(Nobody else holds %(role)s here, so it goes one level up.)") % {
            "role": Role(role_of_level).label}
    if rules.immediate_escalation(level):
        plan_note += " " + _("%(role)s is told at once when the risk is recorded.") % {
            "role": Role(rules.LADDER[rules.immediate_escalation(level) - 1]).label}
    steps = [{"code": PLAN_STEP, "label": str(STEPS[PLAN_STEP]), "candidates": sorted(holders),
              "note": plan_note}]
    if rules.needs_closure_approval(level):
        steps.append({"code": CLOSE_STEP, "label": str(STEPS[CLOSE_STEP]),
                      "candidates": sorted(holders),
                      "note": _("When its measures are done and you ask to close it.")})
    return steps


def risk_route_preview(*, actor: User, likelihood, impact, owner: User | None = None,
                       region=None, customer=None, contract=None, title: str = "", **_rest):
    """Who would approve this risk's response plan (and its closure), for the ratings as typed;
    nothing is written. Without a rating there is no level, so no approver yet: a field error."""
    if likelihood is None and impact is None:
        raise InvalidInputError(
            _("Rate likelihood and impact: the level decides who approves the response plan."),
            fields={"likelihood": [_("Choose 1 to 5 to preview the route.")],
                    "impact": [_("Choose 1 to 5 to preview the route.")]})
    level = selectors.level_of(check_scale(likelihood, impact))
    owner = owner or actor
    region = _region(region=region, customer=customer, contract=contract, owner=owner)
    return _route(level=level, owner=owner, region=region, title=title)


def risk_plan_route(risk: Risk):
    """The same preview on an assessed risk's page, before its owner submits the plan."""
    return _route(level=risk.level, owner=risk.owner, region=risk.region, title=risk.title)


def _route(*, level: str, owner: User, region, title: str):
    return engine.route_preview(
        kind=KIND, submitter=owner, title=(title or "").strip(), category=level, region=region,
        chain=risk_chain(level=level, owner=owner, region=region))
