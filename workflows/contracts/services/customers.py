"""Customers and their credit limits (policy 4.4): a limit changes only with finance's approval."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import config as audit_config
from core.audit import services as audit
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StateConflictError,
)
from core.money import to_money
from core.org import selectors as org
from core.org.models import Role, User

from ..models import CreditLimitChange, Customer, Rating
from ..selectors import managed_region_ids

# Who opens accounts anywhere, for anyone (the people who read every customer, policy 4.4).
ACCOUNTS_ANYWHERE = (Role.SALES_GM, Role.CEO, Role.FINANCE, Role.ADMINISTRATOR)


def _ensure_may_open_account(actor: User, region, account_owner: User) -> None:
    """A salesperson opens accounts in their own region and owns them; a regional manager in a
    region they manage, owned by themselves or someone of that region (issue 17)."""
    if org.has_role(actor, *ACCOUNTS_ANYWHERE):
        return
    region_id = getattr(region, "pk", region)
    owner_id = getattr(account_owner, "pk", None)
    if region_id is not None and region_id in managed_region_ids(actor):
        if owner_id != actor.pk and getattr(account_owner, "region_id", None) != region_id:
            raise PermissionDeniedError(
                _("The account owner must be you or someone of the customer's region."),
                fields={"account_owner": [_("Choose someone of this region.")]})
        return
    if region_id is None or region_id != actor.region_id:
        raise PermissionDeniedError(
            _("You can open customer accounts in your own region only."),
            fields={"region": [_("Choose your own region.")]})
    if owner_id != actor.pk:
        raise PermissionDeniedError(
            _("A salesperson opens accounts they own themselves."),
            fields={"account_owner": [_("Choose yourself.")]})


@transaction.atomic
def customer_create(*, actor: User, name: str, credit_code: str, region, account_owner: User,
                    rating: str = "B", contacts: str = "") -> Customer:
    if org.is_read_only(actor):
        raise PermissionDeniedError(_("Auditors can read everything and change nothing."))
    _ensure_may_open_account(actor, region, account_owner)
    if rating != Rating.B and not org.has_role(actor, Role.FINANCE, Role.ADMINISTRATOR):
        # Credit assessment is finance's (policy 4.4): the rating sets the standard terms, so
        # the salesperson who opens the account does not choose it.
        raise InvalidInputError(
            _("Only finance assesses credit: a new customer starts at rating B."),
            fields={"rating": [_("Only finance may set another rating.")]})
    customer = Customer(name=(name or "").strip(), credit_code=(credit_code or "").strip().upper(),
                        region=region, account_owner=account_owner, rating=rating,
                        contacts=contacts)
    try:
        customer.full_clean()
    except ValidationError as exc:
        raise InvalidInputError(_("Some fields are not valid."),
                                fields=exc.message_dict) from None
    with audit_config.recorded_by_service():
        customer.save()
    audit.record(actor=actor, subject=customer, event="customer.created",
                 data={"name": customer.name, "rating": rating})
    return customer


@transaction.atomic
def credit_limit_request(*, customer_id: int, actor: User, new_limit, reason: str):
    customer = Customer.objects.select_for_update().filter(pk=customer_id).first()
    if customer is None:
        raise NotFoundError()
    if org.is_read_only(actor):
        raise PermissionDeniedError(_("Auditors can read everything and change nothing."))
    if not (reason or "").strip():
        raise InvalidInputError(_("Say why the limit changes."),
                                fields={"reason": [_("A reason is required.")]})
    try:
        limit = to_money(new_limit)
    except ValueError:
        raise InvalidInputError(_("Enter an amount."), fields={"new_limit": [_("Invalid.")]}) \
            from None
    if limit < 0 or limit >= 10**12:
        raise InvalidInputError(_("Enter an amount."), fields={"new_limit": [_("Out of range.")]})
    if customer.limit_changes.filter(state=CreditLimitChange.State.PENDING).exists():
        raise StateConflictError(_("A limit change for this customer is already waiting."))
    change = CreditLimitChange.objects.create(customer=customer, old_limit=customer.credit_limit,
                                              new_limit=limit, reason=reason.strip(),
                                              requested_by=actor)
    audit.record(actor=actor, subject=customer, event="customer.limit_change_requested",
                 comment=reason, changes={"credit_limit": [str(change.old_limit), str(limit)]})
    return change


@transaction.atomic
def credit_limit_decide(*, change_id: int, actor: User, approve: bool, comment: str = ""):
    change = CreditLimitChange.objects.select_for_update().filter(pk=change_id).first()
    if change is None:
        raise NotFoundError()
    if not org.has_role(actor, Role.FINANCE) or change.requested_by_id == actor.pk:
        raise PermissionDeniedError(
            _("Finance, other than the person who asked, decides credit limits."))
    if change.state != CreditLimitChange.State.PENDING:
        raise StateConflictError(_("This change was already decided."))
    customer = Customer.objects.select_for_update().get(pk=change.customer_id)
    change.state = (CreditLimitChange.State.APPROVED if approve
                    else CreditLimitChange.State.REJECTED)
    change.decided_by, change.decided_at = actor, timezone.now()
    change.save()
    before = str(customer.credit_limit)
    if approve:
        customer.credit_limit = change.new_limit
        with audit_config.recorded_by_service():
            customer.save(update_fields=["credit_limit"])
    audit.record(actor=actor, subject=customer,
                 event="customer.limit_changed" if approve else "customer.limit_change_refused",
                 comment=comment, changes={"credit_limit": [before, str(customer.credit_limit)]})
    return change
