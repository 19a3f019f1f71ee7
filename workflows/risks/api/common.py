"""Lookups and parsing the risk API views share: every risk is reached through the visibility
selector, and anything the user may not see is 404 (never 403)."""

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.api.serializers import MAX_ID
from core.exceptions import NotFoundError
from core.inbox.models import Request
from core.org.models import Region, User
from workflows.risks.steps import KIND

from .. import selectors
from ..models import Measure, Review, Risk, RiskState
from ..selectors import RegisterFilters

# What a client may offer the user on a risk (a hint; the services decide). Decisions go through
# /api/tasks/{id}/..., withdraw and resubmit through /api/requests/risk/{id}/....
ASSESS, ADD_MEASURE, SUBMIT, CLOSE, WITHDRAW, RESUBMIT = (
    "assess", "add_measure", "submit", "close", "withdraw", "resubmit")
RISK_ACTIONS = (ASSESS, ADD_MEASURE, SUBMIT, CLOSE, WITHDRAW, RESUBMIT)


def with_risk_facts(qs):
    """What a risk row shows, in a constant number of queries."""
    today = timezone.localdate()
    late = Measure.objects.filter(risk=OuterRef("pk"), done_date__isnull=True,
                                  due_date__lt=today)
    late_review = Review.objects.filter(risk=OuterRef("pk"), state=Review.State.OPEN,
                                        due_date__lt=today)
    req = Request.objects.filter(kind=KIND, object_id=OuterRef("pk"))
    return qs.select_related("owner", "identified_by", "region", "customer", "contract").annotate(
        request_pk=Subquery(req.values("pk")[:1]),
        overdue=Exists(late) | Exists(late_review),
    )


def visible_risk(user: User, pk: int) -> Risk:
    risk = (with_risk_facts(selectors.visible_risks(user).filter(pk=pk)).first()
            if 0 < pk <= MAX_ID else None)
    if risk is None:
        raise NotFoundError()
    return risk


def available_actions(risk: Risk, user: User) -> list[str]:
    manages = selectors.may_manage(user, risk)
    actions = []
    if manages and risk.state != RiskState.CLOSED:
        actions.append(ASSESS)
    if manages and risk.state in (RiskState.IDENTIFIED, RiskState.ASSESSED,
                                  RiskState.PLAN_RETURNED, RiskState.MITIGATING,
                                  RiskState.MONITORING):
        actions.append(ADD_MEASURE)
    if risk.owner_id == user.pk and risk.state == RiskState.ASSESSED:
        actions.append(SUBMIT)
    if manages and risk.state == RiskState.MONITORING:
        actions.append(CLOSE)
    req = getattr(risk, "request_obj", None)
    if req is not None and req.submitter_id == user.pk and req.is_open:
        actions.append(WITHDRAW)
        if req.status == "returned":
            actions.append(RESUBMIT)
    return actions


def region_from(value) -> Region:
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) \
        else ""
    region = None
    if text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID:
        region = Region.objects.filter(pk=int(text)).first()
    if region is None and text and len(text) <= 32 and text.isprintable():
        region = Region.objects.filter(code=text).first()
    if region is None:
        raise serializers.ValidationError(_("No region with this id or code."))
    return region


def filters_from(data: dict) -> RegisterFilters:
    return RegisterFilters(
        type=data.get("type", ""), level=data.get("level", ""),
        state=data.get("status") or data.get("state") or "",
        owner=getattr(data.get("owner"), "pk", None),
        region=getattr(data.get("region"), "pk", None), overdue=data.get("overdue", False),
        likelihood=data.get("likelihood"), impact=data.get("impact"), q=data.get("q", ""))
