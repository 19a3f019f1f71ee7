"""Expense claims: drafting with standards checked, submission with the budget reserved, the
decisions' effects on the claim, finance's reduction to standard (policy 7.2, 7.3)."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from core import engine, rows
from core.audit import services as audit
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StateConflictError,
)
from core.money import fmt, to_money
from core.numbers import next_number
from core.org import selectors as org
from core.org.models import Role, User

from .. import selectors
from ..models import (
    TRAVEL_CLASS_RANK,
    BudgetHold,
    CategoryPolicy,
    ClaimState,
    ExpenseClaim,
    ExpenseLine,
    ItemType,
    OverBudget,
    OverStandard,
)
from ..rules import check_line, pick_standard
from ..selectors import EDIT, REDUCE, SUBMIT, standards_for_grade
from ..steps import CLAIM_KIND, FINANCE_STEP, PAYMENT_STEP
from . import ledger, vouchers
from .payment import queue_payment

MAX_LINES = 50
MAX_LINE_AMOUNT = Decimal("10000000000")  # 50 lines still fit the claim total's column


def _clean_lines(lines: list[dict], grade: int) -> list[ExpenseLine]:
    if not lines:
        raise InvalidInputError(_("Add at least one expense line."),
                                fields={"lines": [_("At least one line is required.")]})
    if len(lines) > MAX_LINES:
        raise InvalidInputError(_("At most %(n)d lines per claim.") % {"n": MAX_LINES},
                                fields={"lines": [_("Too many lines.")]})
    result, errors = [], {}
    standards = standards_for_grade(grade)
    for i, raw in enumerate(lines):
        try:
            amount = to_money(raw.get("amount"))
        except ValueError:
            errors[f"lines.{i}.amount"] = [_("Enter an amount such as 128.50.")]
            continue
        if amount <= 0:
            errors[f"lines.{i}.amount"] = [_("The amount must be above zero.")]
        elif amount >= MAX_LINE_AMOUNT:
            errors[f"lines.{i}.amount"] = [_("The amount is too large for one line.")]
        item_type = raw.get("item_type") or ItemType.OTHER
        if item_type not in ItemType.values:
            errors[f"lines.{i}.item_type"] = [_("Unknown item.")]
        line_date = raw.get("date")
        if isinstance(line_date, str):
            try:
                line_date = date.fromisoformat(line_date)
            except ValueError:
                line_date = None
        if not isinstance(line_date, date):
            errors[f"lines.{i}.date"] = [_("Enter a date such as 2026-11-27.")]
        units = raw.get("units") or 1
        try:
            units = int(units)
        except (TypeError, ValueError):
            units = 0
        if units < 1 or units > 999:
            errors[f"lines.{i}.units"] = [_("Between 1 and 999.")]
        description = str(raw.get("description") or "").strip()[:200]
        if not description:
            errors[f"lines.{i}.description"] = [_("Say what it was for.")]
        if errors:
            continue
        city_tier = raw.get("city_tier") or ""
        travel_class = raw.get("travel_class") or ""
        if travel_class and travel_class not in TRAVEL_CLASS_RANK:
            errors[f"lines.{i}.travel_class"] = [_("Unknown travel class.")]
            continue
        std = pick_standard(standards, item_type, city_tier)
        allowed = std.max_travel_class if std else ""
        check = check_line(amount, units, std.cap if std else None,
                           bool(std and std.on_excess == OverStandard.REFUSE),
                           travel_rank=TRAVEL_CLASS_RANK.get(travel_class, 0),
                           allowed_rank=TRAVEL_CLASS_RANK.get(allowed, 0))
        line_id = str(raw.get("id") or "")
        result.append(ExpenseLine(
            pk=int(line_id) if line_id.isdigit() and len(line_id) < 10 else None,
            date=line_date, item_type=item_type, description=description, amount=amount,
            city_tier=city_tier, units=units, travel_class=travel_class, cap=check.cap,
            excess=check.excess, allowed_class=allowed,
        ))
    if errors:
        raise InvalidInputError(_("Some expense lines are not valid."), fields=errors)
    return result


def _save_lines(claim: ExpenseClaim, lines: list[ExpenseLine]) -> None:
    """Replace the claim's lines; a line given with the id of one of the claim's lines updates
    it in place, keeping its receipts (lines not given again are deleted with theirs)."""
    existing = set(claim.lines.values_list("pk", flat=True))
    seen: set[int] = set()
    for line in lines:
        line.claim = claim
        if line.pk in existing and line.pk not in seen:
            seen.add(line.pk)
        else:
            line.pk = None
    claim.lines.exclude(pk__in=seen).delete()
    for line in lines:
        if line.pk is not None:
            line.save()
    ExpenseLine.objects.bulk_create([line for line in lines if line.pk is None])
    claim.total = sum((line.amount for line in lines), Decimal("0.00"))
    claim.over_standard = any(line.over_standard for line in lines)


def _check_fields(category: str, title: str, expense_date) -> None:
    errors = {}
    if category not in dict(ExpenseClaim._meta.get_field("category").choices):
        errors["category"] = [_("Choose a category.")]
    if not (title or "").strip():
        errors["title"] = [_("Give the claim a title.")]
    if not isinstance(expense_date, date):
        errors["expense_date"] = [_("Enter a date such as 2026-11-27.")]
    if errors:
        raise InvalidInputError(_("Some fields are not valid."), fields=errors)


def _check_hold(hold_id, category: str):
    """The budget hold a claim names (an approved campaign's line): held, of the claim's
    category. None clears it."""
    hold_id = getattr(hold_id, "pk", hold_id)  # a form gives the hold itself
    if hold_id in (None, ""):
        return None
    hold = BudgetHold.objects.filter(pk=hold_id if str(hold_id).isdigit() else 0).first()
    if hold is None or hold.state != BudgetHold.State.HELD:
        raise InvalidInputError(_("Some fields are not valid."),
                                fields={"hold": [_("No approved campaign budget to draw on.")]})
    if hold.category != category:
        raise InvalidInputError(
            _("Some fields are not valid."),
            fields={"hold": [_("The campaign's budget line is for %(cat)s.")
                             % {"cat": hold.get_category_display()}]})
    return hold


@transaction.atomic
def claim_create(*, actor: User, category: str, title: str, expense_date: date,
                 lines: list[dict], purpose: str = "", hold_id=None) -> ExpenseClaim:
    if org.is_read_only(actor):
        raise PermissionDeniedError(_("Auditors can read everything and change nothing."))
    if actor.department_id is None:
        raise InvalidInputError(_("You belong to no department; ask an administrator."))
    _check_fields(category, title, expense_date)
    cleaned = _clean_lines(lines, actor.grade)
    hold = _check_hold(hold_id, category)
    claim = ExpenseClaim.objects.create(
        submitter=actor, department_id=actor.department_id, category=category,
        title=title.strip()[:200], purpose=(purpose or "").strip(), expense_date=expense_date,
        hold=hold,
    )
    _save_lines(claim, cleaned)
    claim.save(update_fields=["total", "over_standard"])
    engine.open_draft(kind=CLAIM_KIND, obj=claim, submitter=actor, title=claim.title,
                      amount=claim.total, category=category, region=actor.region)
    audit.record(actor=actor, subject=claim, event="expense.drafted", to_state=claim.state,
                 data={"lines": len(cleaned)})
    return claim


class _Preview(Exception):  # noqa: N818 - not an error: carries the route out of the rollback
    def __init__(self, route):
        super().__init__()
        self.route = route


def claim_route_preview(*, actor: User, category: str, title: str, expense_date: date,
                        lines: list[dict], purpose: str = "", hold_id=None):
    """Who would be asked, for a claim as typed and not yet saved: the claim is drafted and
    checked against its standards and the budget exactly as `claim_create` and `claim_submit`
    do (an over-standard or over-budget claim adds the sales GM), the route read from the same
    chain function, and everything written is rolled back. Refuses as submitting would."""
    try:
        with transaction.atomic():
            claim = claim_create(actor=actor, category=category, title=title,
                                 expense_date=expense_date, lines=lines, purpose=purpose,
                                 hold_id=hold_id)
            _reserve(claim)
            raise _Preview(engine.route_preview(
                kind=CLAIM_KIND, submitter=actor, title=claim.title, amount=claim.total,
                category=claim.category, extra_steps=_extra_steps(claim)))
    except _Preview as done:
        return done.route


def _lock_own(claim_id: int, actor: User, action: str) -> ExpenseClaim:
    try:
        claim = ExpenseClaim.objects.select_for_update().get(pk=claim_id)
    except ExpenseClaim.DoesNotExist:
        raise NotFoundError() from None
    if action not in selectors.claim_permissions(actor, claim):
        raise PermissionDeniedError(_("Only the submitter can change this claim."))
    return claim


@transaction.atomic
def claim_update(*, claim_id: int, actor: User, lines: list[dict] | None = None,
                 hold_id=..., **fields) -> ExpenseClaim:
    """Edit a draft, or a claim returned for revision (then resubmit it from the request)."""
    claim = _lock_own(claim_id, actor, EDIT)
    if EDIT not in selectors.claim_actions(actor, claim):
        raise StateConflictError(_("Only a draft or a returned claim can be edited."))
    before = {"title": claim.title, "total": str(claim.total), "category": claim.category}
    allowed = {"title", "purpose", "category", "expense_date"}
    for name, value in fields.items():
        if name in allowed and value is not None:
            setattr(claim, name, value.strip() if isinstance(value, str) else value)
    _check_fields(claim.category, claim.title, claim.expense_date)
    if hold_id is not ...:
        claim.hold = _check_hold(hold_id, claim.category)
    elif claim.hold_id and claim.hold.category != claim.category:
        claim.hold = None  # a claim moved to another category no longer draws on the line
    if lines is not None:
        _save_lines(claim, _clean_lines(lines, actor.grade))
        _clear_reductions(claim)
    claim.save()
    engine.update_request(kind=CLAIM_KIND, object_id=claim.pk, title=claim.title,
                          amount=claim.total, category=claim.category)
    after = {"title": claim.title, "total": str(claim.total), "category": claim.category}
    audit.record(actor=actor, subject=claim, event="expense.edited",
                 changes=audit.diff(before, after))
    return claim


def _clear_reductions(claim: ExpenseClaim) -> None:
    """Finance's reductions apply to the claim as reviewed; a revised claim is reviewed anew."""
    claim.approved_total = None
    claim.lines.update(approved_amount=None, reduction_reason="")


def _refused_lines(claim: ExpenseClaim) -> list[str]:
    refused = []
    standards = standards_for_grade(claim.submitter.grade)
    for line in claim.lines.all():
        if not line.over_standard:
            continue
        std = pick_standard(standards, line.item_type, line.city_tier)
        if not (std and std.on_excess == OverStandard.REFUSE):
            continue
        if line.excess > 0:
            refused.append(
                _("%(desc)s: %(amount)s is over the standard %(cap)s by %(excess)s")
                % {"desc": line.description, "amount": fmt(line.amount), "cap": fmt(line.cap),
                   "excess": fmt(line.excess)}
            )
        if line.over_class:
            refused.append(
                _("%(desc)s: %(used)s is above the class allowed, %(allowed)s")
                % {"desc": line.description, "used": line.get_travel_class_display(),
                   "allowed": line.get_allowed_class_display()}
            )
    return refused


def _extra_steps(claim: ExpenseClaim) -> tuple[str, ...]:
    return (Role.SALES_GM,) if claim.over_budget or claim.over_standard else ()


def _reserve(claim: ExpenseClaim) -> None:
    refused = _refused_lines(claim)
    if refused:
        raise InvalidInputError(
            _("Over the reimbursement standard: %(lines)s.") % {"lines": "; ".join(refused)},
            fields={"lines": refused},
        )
    policy = CategoryPolicy.objects.filter(category=claim.category).first()
    allow_over = policy is not None and policy.over_budget == OverBudget.EXTRA_APPROVAL
    claim.over_budget = ledger.reserve(claim, allow_over=allow_over)


@transaction.atomic
def claim_submit(*, claim_id: int, actor: User, cc=()) -> ExpenseClaim:
    """`cc`: the people the submitter copies (抄送), refused naming them (400 on `cc`)."""
    claim = _lock_own(claim_id, actor, SUBMIT)
    if SUBMIT not in selectors.claim_actions(actor, claim):
        raise StateConflictError(_("This claim was already submitted."))
    vouchers.hold(claim, actor)  # may refuse: vouchers missing, or a receipt already claimed
    _reserve(claim)  # may refuse: over standard, or over budget where the policy blocks
    if not claim.number:
        claim.number = next_number(f"BX-{claim.expense_date.year}")
    claim.submit()
    claim.save()
    engine.submit(
        kind=CLAIM_KIND, obj=claim, submitter=actor, title=claim.title,
        amount=claim.total, number=claim.number, category=claim.category,
        extra_steps=_extra_steps(claim), cc=cc,
    )
    audit.record(actor=actor, subject=claim, event="expense.submitted",
                 from_state=ClaimState.DRAFT, to_state=claim.state,
                 data={"over_budget": claim.over_budget, "over_standard": claim.over_standard})
    return claim


@transaction.atomic
def claim_reduce_line(*, line_id: int, actor: User, amount, reason: str) -> ExpenseClaim:
    """Finance, during voucher review, cuts a line (typically to its standard), with a reason."""
    claim_id = ExpenseLine.objects.filter(pk=line_id).values_list("claim_id", flat=True).first()
    if claim_id is None:
        raise NotFoundError()
    claim = ExpenseClaim.objects.select_for_update().get(pk=claim_id)
    line = ExpenseLine.objects.select_for_update().get(pk=line_id, claim=claim)
    if REDUCE not in selectors.claim_permissions(actor, claim):
        raise PermissionDeniedError(_("Only finance (not the submitter) can reduce a line."))
    if REDUCE not in selectors.claim_actions(actor, claim):
        raise StateConflictError(_("Lines can be reduced only during the voucher review."))
    review = engine.items_of(CLAIM_KIND, claim.pk).filter(
        step_code=FINANCE_STEP, status=engine.WorkItemStatus.OPEN).first()
    if review is not None and review.assignee_id and not org.acts_for(
        actor, review.assignee, kind=CLAIM_KIND
    ):
        raise PermissionDeniedError(
            _("%(who)s holds this voucher review; only they can change it.")
            % {"who": review.assignee})
    if not (reason or "").strip():
        raise InvalidInputError(_("Say why the line is reduced."),
                                fields={"reason": [_("A reason is required.")]})
    try:
        new_amount = to_money(amount)
    except ValueError:
        raise InvalidInputError(_("Enter an amount."), fields={"amount": [_("Invalid.")]}) \
            from None
    if not (0 <= new_amount <= line.amount):
        raise InvalidInputError(_("The new amount must be between 0 and the claimed amount."),
                                fields={"amount": [_("Out of range.")]})
    before = line.approved_amount if line.approved_amount is not None else line.amount
    line.approved_amount = new_amount
    line.reduction_reason = reason.strip()[:200]
    line.save(update_fields=["approved_amount", "reduction_reason"])
    claim.approved_total = sum(
        (x.approved_amount if x.approved_amount is not None else x.amount)
        for x in claim.lines.all()
    )
    claim.save(update_fields=["approved_total"])
    ledger.resize(claim, claim.approved_total)
    engine.update_request(kind=CLAIM_KIND, object_id=claim.pk, amount=claim.approved_total)
    audit.record(actor=actor, subject=claim, event="expense.line_reduced", comment=reason,
                 changes={f"line {line.pk}": [str(before), str(new_amount)]},
                 amount=claim.approved_total)
    return claim


# --- the task engine's callbacks (run under the process lock, inside its transaction) ---------


def _locked(request) -> ExpenseClaim:
    return ExpenseClaim.objects.select_for_update().get(pk=request.object_id)


def on_decision(request, item, decision, decider, comment) -> engine.Transition | None:
    claim = _locked(request)
    before = claim.state
    fields = rows.snapshot(claim)
    at_finance = item.step_code == FINANCE_STEP
    if decision == engine.Decision.APPROVED:
        if at_finance:
            claim.approve_voucher()
            # Lines finance did not reduce are approved as claimed: each line states its own
            # approved amount, and they add up to the approved total.
            claim.lines.filter(approved_amount__isnull=True).update(approved_amount=F("amount"))
            queue_payment(claim.pk)
            # The request now waits on the payment job, not on finance: nobody holds a task.
            engine.set_waiting(request, step=PAYMENT_STEP, user_ids=[], save=False)
        elif request.step_index >= len(request.chain):
            claim.approve()
        else:
            return None
    elif decision == engine.Decision.REJECTED:
        claim.reject()
        ledger.release(claim)
        vouchers.release(claim)  # its receipts may be claimed again
    elif decision == engine.Decision.RETURNED:
        if request.return_to_step is not None:
            if at_finance:
                claim.back_to_approval()
            else:
                return None
        else:
            claim.return_for_revision()
            ledger.release(claim)  # the claim may change; it reserves again on resubmission
            _clear_reductions(claim)
    else:
        return None
    rows.save_changed(claim, fields)
    return engine.Transition(from_state=before, to_state=claim.state)


def on_withdraw(request, actor, reason) -> engine.Transition:
    claim = _locked(request)
    before = claim.state
    if claim.state not in (ClaimState.SUBMITTED, ClaimState.RETURNED):
        # Policy 7.2: the submitter may withdraw until the final approval, not after it.
        raise StateConflictError(
            _("This claim is %(state)s: it was finally approved and can no longer be withdrawn.")
            % {"state": claim.get_state_display()})
    claim.withdraw()
    claim.save(update_fields=["state"])
    ledger.release(claim)
    vouchers.release(claim)
    return engine.Transition(from_state=before, to_state=claim.state)


def on_resume(request, step_code) -> engine.Transition | None:
    """The resubmission goes straight back to finance's voucher review, as finance asked: the
    chain's approvals stand, so the claim is approved again (policy 7.2: finance reviews an
    approved claim)."""
    if step_code != FINANCE_STEP:
        return None
    claim = _locked(request)
    before = claim.state
    claim.approve()
    claim.save(update_fields=["state"])
    return engine.Transition(from_state=before, to_state=claim.state)


def on_resubmit(request, actor) -> engine.Transition:
    claim = _locked(request)
    before = claim.state
    vouchers.hold(claim, actor)
    _reserve(claim)
    claim.resubmit()
    claim.save()
    request.amount = claim.total
    request.title = claim.title
    request.category = claim.category
    request.extra_steps = list(_extra_steps(claim))
    return engine.Transition(from_state=before, to_state=claim.state)
