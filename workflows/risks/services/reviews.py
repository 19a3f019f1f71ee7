"""Periodic review (policy 8.2.2 "定期对风险应对措施的执行情况进行检查和评估"): the reviewer
records whether the measures work and may re-assess the risk in the same step."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import services as audit
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    StateConflictError,
)
from core.org import selectors as org
from core.org.models import User

from .. import selectors
from ..models import Review
from .common import locked_risk
from .risks import assess_locked, check_scale


@transaction.atomic
def review_complete(*, review_id: int, actor: User, measures_effective, comment: str = "",
                    likelihood=None, impact=None) -> Review:
    risk_id = Review.objects.filter(pk=review_id).values_list("risk_id", flat=True).first() \
        if isinstance(review_id, int) and 0 < review_id <= selectors.MAX_ID else None
    if risk_id is None:
        raise NotFoundError()
    errors = {}
    if not isinstance(measures_effective, bool):
        errors["measures_effective"] = [_("Say whether the measures work.")]
    comment = (comment or "").strip()
    if measures_effective is False and not comment:
        errors["comment"] = [_("Say what does not work and what changes.")]
    if errors:
        raise InvalidInputError(_("Some fields are not valid."), fields=errors)
    reassess = likelihood is not None or impact is not None
    if reassess:
        check_scale(likelihood, impact)
    with locked_risk(risk_id) as risk:
        review = Review.objects.select_for_update().get(pk=review_id)
        if org.is_read_only(actor):
            raise ReadOnlyRoleError()
        if review.assignee_id != actor.pk and not selectors.may_manage(actor, risk):
            raise PermissionDeniedError(
                _("The reviewer, the risk's owner or their managers complete a review."))
        if review.state != Review.State.OPEN:
            raise StateConflictError(_("This review was already completed."))
        if reassess:
            review.assessment = assess_locked(risk, actor=actor, likelihood=likelihood,
                                              impact=impact, comment=comment, review=review)
        review.state = Review.State.DONE
        review.measures_effective = measures_effective
        review.comment = comment[:4000]
        review.done_by, review.done_at = actor, timezone.now()
        review.save()
        audit.record(actor=actor, subject=risk, event="risk.reviewed", comment=review.comment,
                     data={"review": review.pk, "due": review.due_date.isoformat(),
                           "measures_effective": measures_effective,
                           "assessment": getattr(review.assessment, "pk", None)})
        return review
