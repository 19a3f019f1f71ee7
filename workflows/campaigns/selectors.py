"""What campaign pages and the API read: who sees which campaign, what they may do with it,
and each budget line's planned / reserved / spent figures (from the expenses budget holds)."""

from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core import engine
from core.org import selectors as org
from core.org.models import Role, User
from workflows.expenses.models import Category
from workflows.expenses.services import ledger

from .models import Campaign, CampaignEvaluation, CampaignState, EvaluationState
from .steps import EVAL_KIND, KIND, TASK_KIND

EDIT, SUBMIT, CANCEL, EVALUATE = "edit", "submit", "cancel", "evaluate"

# Roles that read every campaign: marketing plans them, the GM co-ordinates them (policy 5(三)),
# finance pays their claims; the CEO, auditors and administrators read everything.
READ_ALL = (Role.MARKETING, Role.SALES_GM, Role.CEO, Role.FINANCE, Role.AUDITOR,
            Role.ADMINISTRATOR)
DRAFTERS = (Role.MARKETING, Role.REGIONAL_MANAGER)


def can_draft(user: User) -> bool:
    return not org.is_read_only(user) and any(org.has_role(user, r) for r in DRAFTERS)


def sees_all(user: User) -> bool:
    return any(org.has_role(user, r) for r in READ_ALL)


def visible_campaigns(user: User) -> QuerySet[Campaign]:
    qs = Campaign.objects.select_related("owner", "department")
    if sees_all(user):
        return qs
    involved = engine.visible_requests(user).filter(kind=KIND).values("object_id")
    evals = engine.visible_requests(user).filter(kind__in=(EVAL_KIND, TASK_KIND)).values(
        "object_id")
    q = Q(owner=user) | Q(pk__in=involved) | Q(evaluation__pk__in=evals)
    if user.region_id:  # the sales team of its regions carries it out
        q |= Q(regions=user.region_id) & ~Q(state__in=[CampaignState.DRAFT])
    return qs.filter(q).distinct()


def visible_campaign(user: User, campaign_id) -> Campaign | None:
    return visible_campaigns(user).filter(pk=campaign_id).first()


def campaign_actions(user: User, campaign: Campaign) -> frozenset[str]:
    if org.is_read_only(user) or campaign.owner_id != user.pk:
        return frozenset()
    actions = set()
    if campaign.state in (CampaignState.DRAFT, CampaignState.RETURNED):
        actions.add(EDIT)
    if campaign.state == CampaignState.DRAFT:
        actions.add(SUBMIT)
    if campaign.state == CampaignState.APPROVED:
        actions.add(CANCEL)
    evaluation = getattr(campaign, "evaluation", None) if campaign.pk else None
    if evaluation is not None and evaluation.state in (EvaluationState.OPEN,
                                                       EvaluationState.RETURNED):
        actions.add(EVALUATE)
    return frozenset(actions)


def evaluation_of(campaign: Campaign) -> CampaignEvaluation | None:
    return CampaignEvaluation.objects.filter(campaign=campaign).first()


def budget_lines(campaign: Campaign) -> list[dict]:
    """Each line with what is planned, reserved (held, less what was spent or released), in
    claims under way and spent, live from the holds."""
    lines = list(campaign.lines.select_related("region"))
    holds = ledger.holds(line.hold_ref for line in lines)
    rows = []
    for line in lines:
        hold = holds.get(line.hold_ref)
        zero = Decimal("0.00")
        rows.append({
            "line": line,
            "category": Category(line.category).label,
            "planned": line.amount,
            "reserved": hold.amount if hold else zero,
            "in_claims": hold.drawn if hold else zero,
            "spent": hold.spent if hold else zero,
            "left": hold.available if hold else zero,
            "released": bool(hold and hold.state == hold.State.RELEASED),
            # where it is held: the region's budget, or the department's when it has none
            "held_region": hold.region_id if hold else None,
            "budget_line": ((_("region's budget") if hold.region_id else
                             _("department's budget")) if hold else ""),
        })
    return rows


def totals(rows: list[dict]) -> dict:
    keys = ("planned", "reserved", "in_claims", "spent", "left")
    return {k: sum((r[k] for r in rows), Decimal("0.00")) for k in keys}
