"""Sales contracts (policy 4.4): drafting, submission with the credit check, the effect of each
review and sign-off on the contract, amendments as new versions."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from core import engine
from core.audit import services as audit
from core.engine import Decision, Transition
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    StateConflictError,
)
from core.money import to_money
from core.numbers import next_number
from core.org import selectors as org
from core.org.models import Role, User

from .. import selectors
from ..models import Contract, ContractState, Customer, Milestone
from ..rules import credit_check
from ..steps import FINANCE_STEP, KIND, PARALLEL_STEPS, REGIONAL_STEP
from . import lines as product_lines
from .execution import recompute_receivables

EDITABLE = ("title", "value", "payment_terms_days", "delivery_terms", "key_clauses")


def _collections(contract_id: int, *, done: bool) -> Decimal:
    return Milestone.objects.filter(
        contract_id=contract_id, kind=Milestone.Kind.COLLECTION, done_date__isnull=not done,
    ).aggregate(s=Sum("amount"))["s"] or Decimal("0.00")


def _check(contract: Contract):
    customer = contract.customer
    receivables, value = customer.open_receivables, contract.value
    if contract.previous_id:
        # An amendment replaces the version it amends: that version's open collections move to
        # it (they are in the receivables already) and what was collected is not owed again.
        receivables -= _collections(contract.previous_id, done=False)
        value = max(value - _collections(contract.previous_id, done=True), Decimal("0.00"))
    return credit_check(value=value, open_receivables=receivables,
                        credit_limit=customer.credit_limit,
                        payment_terms=contract.payment_terms_days, rating=customer.rating)


def _validated(contract: Contract) -> None:
    try:
        contract.full_clean(exclude=["state", "number"])
    except ValidationError as exc:
        raise InvalidInputError(_("Some fields are not valid."),
                                fields=exc.message_dict) from None


def _value_error(lines) -> InvalidInputError:
    return InvalidInputError(
        _("The value is the total of the product lines (%(total)s): change the lines.")
        % {"total": product_lines.lines_total(lines)},
        fields={"value": [_("The value is the total of the product lines.")]})


def _lines_for(*, value, lines, current=None, allowed=frozenset()) -> list | None:
    """The lines a contract version will have, or None to keep `current`. Given lines win; a
    value alone (what clients sent before products existed) becomes one "unspecified" line, or
    re-prices that line when it is the only one; it cannot overwrite real product lines."""
    if lines is not None:
        cleaned = product_lines.clean_lines(lines, allowed=allowed)
        if value is not None and to_money(value) != product_lines.lines_total(cleaned):
            raise _value_error(cleaned)
        return cleaned
    if value is None:
        if current is None:
            raise InvalidInputError(_("Some fields are not valid."), fields={
                "lines": [_("Add at least one product line.")]})
        return None
    if current is not None and to_money(value) == product_lines.lines_total(current):
        return None
    if current and not product_lines.only_unspecified(current):
        raise _value_error(current)
    try:
        return product_lines.clean_lines([product_lines.unspecified_line(value)],
                                         allowed={product_lines.unspecified_product().pk})
    except InvalidInputError as exc:  # what was typed is a value: say so on its field
        raise InvalidInputError(exc.message, fields={"value": [
            _("Enter a value above zero.") if value <= 0 else _("The value is too large.")]},
        ) from None


@transaction.atomic
def contract_create(*, actor: User, customer: Customer, title: str, value=None,
                    lines: list[dict] | None = None, payment_terms_days: int = 30,
                    delivery_terms: str = "", key_clauses: str = "") -> Contract:
    """`lines`: dicts of product (a Product, id or code), quantity, unit_price (the list price
    if empty) and discount (percent); their total is the value. Without lines, `value` makes
    one "unspecified" line."""
    if org.is_read_only(actor):
        raise PermissionDeniedError(_("Auditors can read everything and change nothing."))
    cleaned = _lines_for(value=_money_or_none(value), lines=lines)
    if not cleaned:  # not reached: a new contract has lines or a value, or was refused
        raise InvalidInputError(_("Add at least one product line."))
    contract = Contract(customer=customer, owner=actor, title=(title or "").strip(),
                        value=product_lines.lines_total(cleaned),
                        payment_terms_days=payment_terms_days, delivery_terms=delivery_terms,
                        key_clauses=key_clauses)
    _validated(contract)
    contract.save()
    product_lines.save_lines(contract, cleaned)
    engine.open_draft(kind=KIND, obj=contract, submitter=actor, title=contract.title,
                      amount=contract.value, region=customer.region, party=customer.name)
    audit.record(actor=actor, subject=contract, event="contract.drafted", to_state=contract.state,
                 data={"lines": [product_lines.as_dict(line) for line in cleaned]})
    return contract


def _money_or_none(value):
    """A value as typed: None when absent; an unreadable one is a field error."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return to_money(value)
    except ValueError:
        raise InvalidInputError(_("Some fields are not valid."), fields={
            "value": [_("Enter an amount such as 1234.50.")]}) from None


def contract_route_preview(*, actor: User, customer: Customer, title: str, value,
                           payment_terms_days: int = 30, delivery_terms: str = "",
                           key_clauses: str = ""):
    """Who would be asked, for a contract as typed and not yet saved: the credit check and
    the header `contract_submit` would give it (a breach adds the CEO), routed by the same
    chain function. Nothing is written."""
    contract = Contract(customer=customer, owner=actor, title=(title or "").strip(), value=value,
                        payment_terms_days=payment_terms_days, delivery_terms=delivery_terms,
                        key_clauses=key_clauses)
    _validated(contract)
    extra = _apply_check(contract)
    return engine.route_preview(kind=KIND, submitter=actor, title=contract.title,
                                amount=contract.value, region=customer.region,
                                extra_steps=extra)


def _lock_own(contract_id: int, actor: User) -> Contract:
    contract = Contract.objects.select_for_update().select_related("customer").filter(
        pk=contract_id).first()
    if contract is None:
        raise NotFoundError()
    if contract.owner_id != actor.pk:
        raise PermissionDeniedError(_("Only the contract's owner can change it."))
    return contract


def _apply_lines(contract: Contract, current: list, *, value, lines) -> dict | None:
    """Set the version's value from its new lines (saved by the caller after the contract);
    returns the lines' diff, or None when the lines stay."""
    allowed = {line.product_id for line in current}
    cleaned = _lines_for(value=_money_or_none(value), lines=lines, current=current,
                         allowed=allowed)
    if cleaned is None:
        return None
    contract.value = product_lines.lines_total(cleaned)
    contract._new_lines = cleaned  # type: ignore[attr-defined]
    return product_lines.lines_diff(current, cleaned)


def _save_new_lines(contract: Contract) -> None:
    cleaned = getattr(contract, "_new_lines", None)
    if cleaned is not None:
        product_lines.save_lines(contract, cleaned)


@transaction.atomic
def contract_update(*, contract_id: int, actor: User, lines: list[dict] | None = None,
                    **fields) -> Contract:
    """Edit a draft or a returned contract; a signed contract is immutable (amend it).
    `lines`, when given, replaces every line (the value is their total)."""
    contract = _lock_own(contract_id, actor)
    if contract.state not in (ContractState.DRAFT, ContractState.RETURNED):
        raise StateConflictError(
            _("This contract is in the state “%(state)s” and cannot be edited; a signed "
              "contract is changed by an amendment.") % {"state": contract.get_state_display()})
    before = {f: str(getattr(contract, f)) for f in EDITABLE}
    current = list(contract.lines.select_related("product"))
    line_changes = _apply_lines(contract, current, value=fields.pop("value", None),
                                lines=lines)
    for name, value in fields.items():
        if name in EDITABLE and value is not None:
            setattr(contract, name, value)
    _validated(contract)
    contract.save()
    _save_new_lines(contract)
    engine.update_request(kind=KIND, object_id=contract.pk, title=contract.title,
                          amount=contract.value)
    after = {f: str(getattr(contract, f)) for f in EDITABLE}
    audit.record(actor=actor, subject=contract, event="contract.edited",
                 changes=audit.diff(before, after),
                 data={"lines": line_changes} if line_changes else None)
    return contract


def _apply_check(contract: Contract) -> tuple[str, ...]:
    check = _check(contract)
    contract.credit_breach = check.breach
    contract.credit_check = check.as_dict()
    # A breach adds the CEO's approval whatever the value (policy 4.4).
    return (Role.CEO,) if check.breach else ()


@transaction.atomic
def contract_submit(*, contract_id: int, actor: User, cc=()) -> Contract:
    """`cc`: the people the submitter copies (抄送); finance is copied by rule over the
    threshold (selectors.cc_rules)."""
    contract = _lock_own(contract_id, actor)
    if contract.state != ContractState.DRAFT:
        raise StateConflictError(_("This contract was already submitted."))
    extra = _apply_check(contract)
    if not contract.number:
        contract.number = next_number(f"HT-{contract.created.year}")
    contract.submit()
    contract.save()
    engine.submit(
        kind=KIND, obj=contract, submitter=actor, title=contract.title,
        amount=contract.value, number=f"{contract.number} v{contract.version}"
        if contract.version > 1 else contract.number,
        region=contract.customer.region, extra_steps=extra, party=contract.customer.name,
        cc=cc,
    )
    audit.record(actor=actor, subject=contract, event="contract.submitted",
                 from_state=ContractState.DRAFT, to_state=contract.state,
                 data={"credit_check": contract.credit_check})
    return contract


@transaction.atomic
def contract_amend(*, contract_id: int, actor: User, reason: str,
                   lines: list[dict] | None = None, **fields) -> Contract:
    """A signed contract changes only by an amendment: the next version, reviewed again."""
    current = _lock_own(contract_id, actor)
    if current.state != ContractState.SIGNED:
        raise StateConflictError(_("Only a signed contract can be amended."))
    if not (reason or "").strip():
        raise InvalidInputError(_("Say why the contract changes."),
                                fields={"reason": [_("A reason is required.")]})
    if Contract.objects.filter(previous=current).exclude(
            state__in=[ContractState.REJECTED, ContractState.WITHDRAWN]).exists():
        raise StateConflictError(_("An amendment of this contract is already under way."))
    amendment = Contract(customer=current.customer, owner=actor, number=current.number,
                         version=current.version + 1, previous=current,
                         **{f: getattr(current, f) for f in EDITABLE})
    old_lines = list(current.lines.select_related("product"))
    _apply_lines(amendment, old_lines, value=fields.pop("value", None), lines=lines)
    for name, value in fields.items():
        if name in EDITABLE and value is not None:
            setattr(amendment, name, value)
    _validated(amendment)
    amendment.save()
    if getattr(amendment, "_new_lines", None) is None:
        amendment._new_lines = product_lines.copied(current)  # type: ignore[attr-defined]
    _save_new_lines(amendment)
    engine.open_draft(kind=KIND, obj=amendment, submitter=actor, title=amendment.title,
                      amount=amendment.value, region=current.customer.region,
                      party=current.customer.name)
    audit.record(actor=actor, subject=amendment, event="contract.amendment_drafted",
                 comment=reason, changes=version_diff(current, amendment),
                 data={"amends": current.pk,
                       "lines": lines_diff_of(current, amendment)})
    return amendment


def ensure_may_attach(actor: User, contract: Contract) -> None:
    """The owner and the reviewers add documents until the reviews are done."""
    if org.is_read_only(actor):
        raise ReadOnlyRoleError()
    if contract.state not in selectors.UPLOAD_STATES:
        raise StateConflictError(_("Documents can be added until the reviews are done."))
    if selectors.ATTACH not in selectors.contract_actions(actor, contract):
        raise PermissionDeniedError(_("The owner and the reviewers add documents."))


def contract_attachment_add(*, contract_id: int, actor: User, upload) -> engine.Attachment:
    contract = Contract.objects.filter(pk=contract_id).first()
    if contract is None:
        raise NotFoundError()
    ensure_may_attach(actor, contract)
    req = engine.request_for(KIND, contract.pk)
    if req is None:
        raise NotFoundError()
    return engine.attachment_add(request_id=req.pk, actor=actor, upload=upload)


def lines_diff_of(before: Contract, after: Contract) -> dict[str, list]:
    """Product lines added, removed and changed from one version to another."""
    return product_lines.lines_diff(before.lines.select_related("product"),
                                    after.lines.select_related("product"))


def version_diff(before: Contract, after: Contract) -> dict:
    return audit.diff({f: str(getattr(before, f)) for f in EDITABLE},
                      {f: str(getattr(after, f)) for f in EDITABLE})


# --- the task engine's callbacks (run under the process lock, inside its transaction) ---------


def _locked(request) -> Contract:
    return Contract.objects.select_for_update().select_related("customer").get(
        pk=request.object_id)


def _cancel_sibling(request, item) -> None:
    """One reviewer said no: the other's open task goes (viewflow's join cancels its task)."""
    keep = engine.open_items(request).exclude(step_code__in=PARALLEL_STEPS)
    engine.cancel_open_items(request, keep=[item.pk, *keep.values_list("pk", flat=True)])


def on_decision(request, item, decision, decider, comment) -> Transition | None:
    contract = _locked(request)
    before = contract.state
    if item.step_code in PARALLEL_STEPS and decision in (Decision.REJECTED, Decision.RETURNED):
        _cancel_sibling(request, item)
    if decision == Decision.APPROVED and item.step_code == REGIONAL_STEP:
        engine.clear_waiting(request, save=False)  # the two parallel reviews open next
    if decision == Decision.APPROVED and item.step_code in PARALLEL_STEPS:
        # The request now waits only on the other review, if it is still open.
        sibling = (engine.open_items(request).filter(step_code__in=PARALLEL_STEPS)
                   .exclude(pk=item.pk).first())
        if sibling is not None:
            people = ([sibling.assignee_id] if sibling.assignee_id
                      else list(sibling.candidate_set.values_list("user_id", flat=True)))
            engine.set_waiting(request, step=sibling.step_code, user_ids=people,
                               since=request.since, save=False)
    if decision == Decision.APPROVED:
        if item.step_code == FINANCE_STEP:
            # Finance reviews the credit check as it is now: a new breach adds the CEO.
            recompute_receivables(contract.customer_id)
            contract.customer.refresh_from_db(fields=["open_receivables"])
            extra = _apply_check(contract)
            contract.save(update_fields=["credit_breach", "credit_check"])
            engine.add_steps(request, extra)
            return None
        if item.step_index >= 0 and request.step_index >= len(request.chain):
            contract.sign()
            if contract.previous_id:
                previous = Contract.objects.select_for_update().get(pk=contract.previous_id)
                if previous.state == ContractState.SIGNED:
                    previous.supersede()
                    previous.save(update_fields=["state"])
                    # What is still to deliver, invoice and collect moves to the amendment,
                    # so receivables and overdue alerts keep counting it.
                    Milestone.objects.filter(contract=previous, done_date__isnull=True).update(
                        contract=contract)
                    audit.record(actor=decider.actor, on_behalf_of=decider.principal
                                 if decider.on_behalf else None, subject=previous,
                                 event="contract.superseded", from_state=ContractState.SIGNED,
                                 to_state=ContractState.SUPERSEDED, data={"by": contract.pk})
            contract.save()
            recompute_receivables(contract.customer_id)
            return Transition(from_state=before, to_state=contract.state, event="contract.signed")
        return None
    if decision == Decision.REJECTED:
        contract.reject()
    elif decision == Decision.RETURNED and request.return_to_step is None:
        contract.return_for_revision()
    else:
        return None
    contract.save(update_fields=["state"])
    return Transition(from_state=before, to_state=contract.state)


def on_withdraw(request, actor, reason) -> Transition:
    contract = _locked(request)
    before = contract.state
    contract.withdraw()
    contract.save(update_fields=["state"])
    return Transition(from_state=before, to_state=contract.state)


def on_resubmit(request, actor) -> Transition:
    contract = _locked(request)
    before = contract.state
    request.extra_steps = list(_apply_check(contract))
    contract.resubmit()
    contract.save()
    request.amount = contract.value
    request.title = contract.title
    return Transition(from_state=before, to_state=contract.state)
