"""Lookups and parsing the risk API views share: every risk is reached through the visibility
selector, and anything the user may not see is 404 (never 403)."""

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from core import engine
from core.api.serializers import MAX_ID
from core.exceptions import NotFoundError
from core.org.models import User

from .. import selectors
from ..models import Measure, Review, Risk
from ..selectors import RegisterFilters
from ..steps import KIND

# Decisions go through /api/tasks/{id}/..., withdraw and resubmit through
# /api/requests/risk/{id}/....


def with_risk_facts(qs):
    """What a risk row shows, in a constant number of queries."""
    today = timezone.localdate()
    late = Measure.objects.filter(risk=OuterRef("pk"), done_date__isnull=True,
                                  due_date__lt=today)
    late_review = Review.objects.filter(risk=OuterRef("pk"), state=Review.State.OPEN,
                                        due_date__lt=today)
    req = engine.request_id_of(KIND)
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
    """What a client may offer the user on a risk (a hint; the services decide): the one
    source, selectors.risk_actions, in its documented order."""
    return selectors.ordered(selectors.risk_actions(
        user, risk, request=getattr(risk, "request_obj", None)))


def filters_from(data: dict) -> RegisterFilters:
    return RegisterFilters(
        type=data.get("type", ""), level=data.get("level", ""),
        state=data.get("status") or data.get("state") or "",
        owner=getattr(data.get("owner"), "pk", None),
        region=getattr(data.get("region"), "pk", None), overdue=data.get("overdue", False),
        likelihood=data.get("likelihood"), impact=data.get("impact"), q=data.get("q", ""))
