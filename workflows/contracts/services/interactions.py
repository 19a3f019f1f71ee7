"""The interaction log of a customer (policy §4(二)): visits, calls, complaints and notes with
the next action date, added by whoever may see the customer."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import services as audit
from core.dates import check_business_date
from core.exceptions import InvalidInputError, NotFoundError, PermissionDeniedError
from core.org import selectors as org
from core.org.models import User

from ..models import Customer, Interaction
from ..selectors import visible_customers


@transaction.atomic
def interaction_add(*, customer_id: int, actor: User, kind: str, date: date, note: str,
                    next_action_date: date | None = None) -> Interaction:
    if not 0 < customer_id < 2**31:
        raise NotFoundError()
    customer = Customer.objects.select_for_update().filter(
        pk__in=visible_customers(actor).filter(pk=customer_id).values("pk")).first()
    if customer is None:
        raise NotFoundError()
    if org.is_read_only(actor):
        raise PermissionDeniedError(_("Auditors can read everything and change nothing."))
    errors: dict[str, list[str]] = {}
    if kind not in Interaction.Kind.values:
        errors["kind"] = [_("Choose a visit, a call, a complaint or a note.")]
    note = (note or "").strip()
    if not note:
        errors["note"] = [_("Say what happened.")]
    for field, value in (("date", date), ("next_action_date", next_action_date)):
        try:
            check_business_date(value)
        except ValidationError as exc:
            errors[field] = list(exc.messages)
    if date is None:
        errors["date"] = [_("A date is required.")]
    elif "date" not in errors and date > timezone.localdate():
        errors["date"] = [_("An interaction is recorded once it happened: not a future date.")]
    if (next_action_date is not None and date is not None and "next_action_date" not in errors
            and next_action_date < date):
        errors["next_action_date"] = [_("The next action comes on or after the interaction.")]
    if errors:
        raise InvalidInputError(_("Some fields are not valid."), fields=errors)
    item = Interaction.objects.create(customer=customer, kind=kind, date=date, note=note,
                                      next_action_date=next_action_date, by=actor)
    audit.record(actor=actor, subject=customer, event="customer.interaction_logged",
                 data={"interaction": item.pk, "kind": kind, "date": date.isoformat(),
                       "next_action_date": next_action_date.isoformat()
                       if next_action_date else ""})
    return item
