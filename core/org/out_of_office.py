"""自助代理: a person sets (and cancels) their own out-of-office — a Delegation naming
themselves as principal — with the administrator's validations (no self, no overlap, no
cycles) plus "the deputy may act for them"; their line manager is told; one audit event each.

Pages: the preferences page (core.views). API: /api/me/out-of-office/ (core.api.me).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.audit import config as audit_config
from core.audit import services as audit
from core.exceptions import NotFoundError

from . import selectors
from .models import Delegation, User

SET_EVENT = "org.out_of_office_set"
CANCELLED_EVENT = "org.out_of_office_cancelled"
NOTIFICATION_KIND = "out_of_office"


@dataclass(frozen=True)
class OutOfOffice:
    deputy: User
    starts_on: date
    ends_on: date
    kinds: list[str]
    reason: str = ""


def mine(user: User) -> list[Delegation]:
    """The user's own out-of-office periods that have not ended yet, soonest first."""
    return list(Delegation.objects.filter(principal=user, ends_on__gte=selectors.today())
                .select_related("deputy").order_by("starts_on", "pk"))


def may_deputise(person: User) -> bool:
    """Who may act for someone: an active person holding a working role (not only auditor)."""
    roles = selectors.roles_of(person)
    return person.is_active and bool(roles) and not selectors.is_read_only(person)


def _lock_people(*ids: int) -> None:
    # The principal's (and the deputy's) rows in id order: two settings of one person, or two
    # people naming each other at once, are checked one after the other (overlap, cycle).
    list(User.objects.select_for_update().filter(pk__in=set(ids)).order_by("pk")
         .values_list("pk", flat=True))


def _validate(delegation: Delegation, user: User) -> None:
    errors: dict[str, list[str]] = {}
    today = selectors.today()
    deputy = delegation.deputy
    if delegation.deputy_id != user.pk and not may_deputise(deputy):
        errors["deputy"] = [_("%(name)s may not act for others (inactive, no working role, or "
                              "an auditor).") % {"name": deputy}]
    if delegation.ends_on < today:
        errors["ends_on"] = [_("The last day is already past.")]
    if errors:
        raise ValidationError(errors)
    try:
        delegation.clean()
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise
        # The model's overlap check names no field; the dates are what must change.
        raise ValidationError({"starts_on": exc.messages}) from None


def _notify_manager(user: User, delegation: Delegation, message: str, key: str) -> None:
    if not user.manager_id:
        return
    from core import engine  # the task engine's one door, imported when needed

    engine.notify([user.manager_id], kind=NOTIFICATION_KIND, request=None,
                  key=f"{key}:{delegation.pk}", message=message,
                  params={"principal": str(user), "deputy": str(delegation.deputy),
                          "start": delegation.starts_on.isoformat(),
                          "end": delegation.ends_on.isoformat()})


def _data(delegation: Delegation) -> dict:
    return {"principal_id": delegation.principal_id, "principal": str(delegation.principal),
            "deputy_id": delegation.deputy_id, "deputy": str(delegation.deputy),
            "starts_on": delegation.starts_on.isoformat(),
            "ends_on": delegation.ends_on.isoformat(), "kinds": list(delegation.kinds),
            "reason": delegation.reason}


def set_out_of_office(user: User, ooo: OutOfOffice) -> Delegation:
    """Create the user's out-of-office: validated, audited (one event), manager told."""
    kinds = sorted(set(ooo.kinds))
    with transaction.atomic():
        _lock_people(user.pk, ooo.deputy.pk)
        delegation = Delegation(principal=user, deputy=ooo.deputy, starts_on=ooo.starts_on,
                                ends_on=ooo.ends_on, kinds=kinds, reason=ooo.reason[:200])
        _validate(delegation, user)
        with audit_config.recorded_by_service():
            delegation.save()
        audit.record(actor=user, event=SET_EVENT, subject=delegation, data=_data(delegation),
                     comment=delegation.reason)
        _notify_manager(user, delegation, gettext_noop(
            "%(principal)s is out of office from %(start)s to %(end)s; %(deputy)s acts for "
            "them."), "ooo-set")
    return delegation


def cancel_out_of_office(user: User, delegation_id: int) -> Delegation:
    """Cancel one of the user's own out-of-office periods: one not begun is removed, one under
    way ends yesterday (what the deputy did stays theirs). 404 for anyone else's."""
    if not 0 < delegation_id <= 2**63 - 1:  # beyond a BIGINT: simply not found, never a 500
        raise NotFoundError()
    with transaction.atomic():
        _lock_people(user.pk)
        today = selectors.today()
        delegation = (Delegation.objects.select_for_update()
                      .filter(pk=delegation_id, principal=user, ends_on__gte=today).first())
        if delegation is None:
            raise NotFoundError()
        delegation.deputy = User.objects.get(pk=delegation.deputy_id)
        data = _data(delegation)
        with audit_config.recorded_by_service():
            if delegation.starts_on >= today:
                delegation_pk = delegation.pk
                delegation.delete()
                delegation.pk = delegation_pk
                data["removed"] = True
            else:
                delegation.ends_on = today - timedelta(days=1)
                delegation.save(update_fields=["ends_on"])
                data["ended_on"] = delegation.ends_on.isoformat()
        audit.record(actor=user, event=CANCELLED_EVENT, subject_kind="org.delegation",
                     subject_id=delegation.pk, data=data)
        _notify_manager(user, delegation, gettext_noop(
            "%(principal)s cancelled their out-of-office (%(start)s to %(end)s; deputy "
            "%(deputy)s)."), "ooo-cancel")
    return delegation
