"""Vouchers (policy 7(三)1): the receipts each line needs, invoice data checked as it is
entered, duplicates refused at submission (a file by its SHA-256, an invoice by type + code +
number, across every claim still open or paid), and finance's rejection of a receipt.

A claim holds its files and invoices (VoucherHold, one row per key, unique) from submission
until it is rejected or withdrawn; a paid claim keeps them. Submitting inserts the holds: when
two claims race for one invoice, the unique key lets exactly one through."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import engine
from core.audit import services as audit
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StateConflictError,
)
from core.money import fmt, to_money
from core.org.models import User
from core.uscc import uscc_error

from .. import selectors
from ..models import (
    ClaimState,
    ExpenseClaim,
    ExpenseLine,
    InvoiceType,
    Receipt,
    ReceiptStatus,
    VoucherHold,
    VoucherKind,
    VoucherRequirement,
)
from ..rules import date_near, invoice_errors, missing_vouchers, needs_company_buyer
from ..selectors import EDIT, REDUCE, UPLOAD
from ..steps import FINANCE_STEP


def company() -> tuple[str, str]:
    """The buyer every VAT invoice must name: settings COMPANY_NAME and COMPANY_CREDIT_CODE."""
    return (getattr(settings, "COMPANY_NAME", "") or "",
            (getattr(settings, "COMPANY_CREDIT_CODE", "") or "").upper())


def _norm(text: str) -> str:
    return "".join((text or "").split()).replace("（", "(").replace("）", ")").casefold()


def kind_labels(kinds) -> str:
    labels = dict(VoucherKind.choices)
    return _(" or ").join(str(labels.get(k, k)) for k in kinds)


# --- what each line needs ----------------------------------------------------------------------


def requirements(category: str) -> dict[str, list[list[str]]]:
    """{item type: [alternatives, ...]} for a claim category (rows for any category included)."""
    result: dict[str, list[list[str]]] = {}
    for row in VoucherRequirement.objects.filter(category__in=["", category]).order_by("pk"):
        if row.kinds:
            result.setdefault(row.item_type, []).append(list(row.kinds))
    return result


@dataclass
class LineVouchers:
    line: ExpenseLine
    receipts: list[Receipt] = field(default_factory=list)
    missing: list[list[str]] = field(default_factory=list)
    required: list[list[str]] = field(default_factory=list)
    invoiced: Decimal | None = None  # the line's invoices' total, None when it has none

    @property
    def missing_text(self) -> str:
        return "; ".join(kind_labels(m) for m in self.missing)

    @property
    def required_text(self) -> str:
        return "; ".join(kind_labels(m) for m in self.required)

    @property
    def short(self) -> bool:
        return self.invoiced is not None and self.invoiced < self.line.amount

    @property
    def rejected(self) -> list[Receipt]:
        return [r for r in self.receipts if r.status == ReceiptStatus.REJECTED]


def line_vouchers(claim: ExpenseClaim) -> list[LineVouchers]:
    """Each line (in entry order) with its receipts, what it still misses, its invoiced total."""
    needs = requirements(claim.category)
    receipts: dict[int, list[Receipt]] = {}
    for r in claim.receipts.select_related("attachment", "duplicate_of").order_by("created",
                                                                                   "pk"):
        receipts.setdefault(r.line_id, []).append(r)
    result = []
    for line in claim.lines.order_by("pk"):
        mine = receipts.get(line.pk, [])
        live = [r for r in mine if r.status != ReceiptStatus.REJECTED]
        amounts = [r.invoice_amount for r in live if r.invoice_amount is not None]
        result.append(LineVouchers(
            line=line, receipts=mine, required=needs.get(line.item_type, []),
            missing=missing_vouchers(needs.get(line.item_type, []), [r.kind for r in live]),
            invoiced=sum(amounts, Decimal("0.00")) if amounts else None))
    return result


def needs_by_item(category: str) -> list[tuple[str, str]]:
    """(item label, what it needs) for the claim form's and the standards page's table."""
    from ..models import ItemType

    needs = requirements(category)
    return [(label, "; ".join(kind_labels(m) for m in needs[value]))
            for value, label in ItemType.choices if value in needs]


def voucher_errors(claim: ExpenseClaim) -> dict[str, list[str]]:
    """Field errors per line ("lines.<i>.vouchers"): missing vouchers, invoices short of the
    amount. Empty when the claim may be submitted as far as its vouchers go."""
    errors: dict[str, list[str]] = {}
    for i, lv in enumerate(line_vouchers(claim)):
        msgs = []
        if lv.missing:
            msgs.append(_("Line %(n)d (%(desc)s) needs: %(kinds)s.")
                        % {"n": i + 1, "desc": lv.line.description, "kinds": lv.missing_text})
        if lv.short:
            msgs.append(_("Line %(n)d (%(desc)s): its invoices add up to %(inv)s, less than "
                          "the %(amount)s claimed.")
                        % {"n": i + 1, "desc": lv.line.description, "inv": fmt(lv.invoiced),
                           "amount": fmt(lv.line.amount)})
        if msgs:
            errors[f"lines.{i}.vouchers"] = msgs
    return errors


# --- holds: one claim per file and per invoice --------------------------------------------------


def _keys(receipt: Receipt) -> list[str]:
    return [k for k in (receipt.file_key, receipt.invoice_key) if k]


def _describe(receipt: Receipt, key: str) -> str:
    if key.startswith("invoice:"):
        number = " ".join(x for x in (receipt.invoice_code, receipt.invoice_number) if x)
        return _("Invoice %(number)s") % {"number": number}
    return _("The file %(name)s") % {"name": receipt.attachment.original_name}


def _where(actor: User, other: ExpenseClaim | None, claim: ExpenseClaim) -> str:
    """Which claim holds it, named only to someone who may see that claim."""
    if other is None:
        return _("another claim")
    if other.pk == claim.pk:
        return _("another line of this claim")
    if selectors.visible_claim(actor, other.pk) is not None:
        return _("claim %(number)s") % {"number": other.number or other.pk}
    return _("another person's claim (finance can see which)")


def _try_hold(claim: ExpenseClaim, receipt: Receipt, key: str) -> ExpenseClaim | None:
    """Hold `key` for the claim; the claim that already holds it if another does."""
    try:
        with transaction.atomic():
            VoucherHold.objects.create(key=key, claim=claim, receipt=receipt)
        return None
    except IntegrityError:
        holder = VoucherHold.objects.filter(key=key).select_related("claim").first()
        return holder.claim if holder else claim


def release(claim: ExpenseClaim, receipt: Receipt | None = None) -> None:
    """The claim (or one receipt) no longer holds its files and invoices."""
    qs = VoucherHold.objects.filter(claim=claim)
    if receipt is not None:
        qs = qs.filter(receipt=receipt)
    qs.delete()


def hold(claim: ExpenseClaim, actor: User) -> None:
    """At submission and resubmission (claim locked): refuse a line missing its vouchers, and
    hold every file and invoice, refusing any another claim already holds."""
    errors = voucher_errors(claim)
    release(claim)
    index = {pk: i for i, pk in enumerate(claim.lines.order_by("pk").values_list("pk",
                                                                                  flat=True))}
    live = claim.receipts.exclude(status=ReceiptStatus.REJECTED).select_related(
        "attachment").order_by("line_id", "created", "pk")
    for receipt in live:
        for key in _keys(receipt):
            other = _try_hold(claim, receipt, key)
            if other is None:
                continue
            i = index.get(receipt.line_id, 0)
            errors.setdefault(f"lines.{i}.vouchers", []).append(
                _("%(what)s is already used on %(where)s.")
                % {"what": _describe(receipt, key), "where": _where(actor, other, claim)})
    if errors:
        raise InvalidInputError(
            _("Some lines lack the vouchers they need, or use a receipt already claimed."),
            fields=errors)


# --- adding, removing and rejecting receipts -------------------------------------------------


@dataclass(frozen=True)
class InvoiceData:
    invoice_type: str = ""
    invoice_code: str = ""
    invoice_number: str = ""
    invoice_date: date | None = None
    invoice_amount: Decimal | None = None
    seller_name: str = ""
    seller_code: str = ""
    buyer_name: str = ""
    buyer_code: str = ""


def _clean_invoice(kind: str, data: InvoiceData) -> InvoiceData:
    errors: dict[str, list[str]] = {}
    d = {name: (value.strip() if isinstance(value, str) else value)
         for name, value in data.__dict__.items()}
    for name in ("invoice_code", "invoice_number", "seller_code", "buyer_code"):
        d[name] = "".join((d[name] or "").split()).upper()
    if kind not in VoucherKind.values:
        errors["kind"] = [_("Choose what the document is.")]
    itype = d["invoice_type"]
    if itype and itype not in InvoiceType.values:
        errors["invoice_type"] = [_("Unknown invoice type.")]
        itype = ""
    if kind == VoucherKind.INVOICE and not itype:
        errors["invoice_type"] = [_("Give the invoice's type, number, date and amount.")]
    if itype:
        for name, msg in invoice_errors(itype, d["invoice_code"], d["invoice_number"]).items():
            errors.setdefault(name, []).append(msg)
        if not d["invoice_number"]:
            errors.setdefault("invoice_number", []).append(_("The invoice number is required."))
        if d["invoice_date"] is None:
            errors["invoice_date"] = [_("The invoice date is required.")]
        elif d["invoice_date"] > timezone.localdate():
            errors["invoice_date"] = [_("The invoice date is in the future.")]
        if d["invoice_amount"] is None:
            errors["invoice_amount"] = [_("The invoice amount is required.")]
        else:
            try:
                d["invoice_amount"] = to_money(d["invoice_amount"])
            except ValueError:
                errors["invoice_amount"] = [_("Enter an amount such as 128.50.")]
            else:
                if not (0 < d["invoice_amount"] < Decimal("1000000000000")):
                    errors["invoice_amount"] = [_("The amount must be above zero.")]
        if needs_company_buyer(itype):
            if not d["seller_code"]:
                errors["seller_code"] = [_("The seller's credit code is printed on the "
                                           "invoice; it is required.")]
            name, code = company()
            if code and d["buyer_code"] != code:
                errors["buyer_code"] = [_("The buyer must be the company: %(code)s.")
                                        % {"code": code}]
            if name and _norm(d["buyer_name"]) != _norm(name):
                errors["buyer_name"] = [_("The buyer must be the company: %(name)s.")
                                        % {"name": name}]
    for name in ("seller_code", "buyer_code"):
        if d[name] and name not in errors:
            problem = uscc_error(d[name])
            if problem:
                errors[name] = [problem]
    if errors:
        raise InvalidInputError(_("The receipt's data is not valid."), fields=errors)
    if not itype:  # not an invoice: nothing of one is kept
        return InvoiceData()
    return InvoiceData(**{k: (v[:200] if isinstance(v, str) else v) for k, v in d.items()})


def _lock_claim(claim_id: int) -> ExpenseClaim:
    try:
        return ExpenseClaim.objects.select_for_update().get(pk=claim_id)
    except ExpenseClaim.DoesNotExist:
        raise NotFoundError() from None


@transaction.atomic
def receipt_add(*, claim_id: int, actor: User, line_id: int, kind: str, upload,
                invoice: InvoiceData | None = None) -> Receipt:
    """The submitter adds a voucher to a line (until the approvals are done)."""
    claim = _lock_claim(claim_id)
    if UPLOAD not in selectors.claim_permissions(actor, claim):
        raise PermissionDeniedError(_("Only the submitter adds receipts to a claim."))
    if UPLOAD not in selectors.claim_actions(actor, claim):
        raise StateConflictError(_("Receipts can be added until the approvals are done."))
    line = claim.lines.filter(pk=line_id).first()
    if line is None:
        raise InvalidInputError(_("Choose the line this receipt belongs to."),
                                fields={"line": [_("This claim has no such line.")]})
    data = _clean_invoice(kind, invoice or InvoiceData())
    req = selectors.claim_request(claim)
    if req is None:
        raise NotFoundError()
    att = engine.attachment_add(request_id=req.pk, actor=actor, upload=upload)
    receipt = Receipt.objects.create(claim=claim, line=line, attachment=att, kind=kind,
                                     sha256=att.sha256, added_by=actor, **data.__dict__)
    others = set()
    if claim.state == ClaimState.SUBMITTED:
        # Already in approval: nothing to refuse any more; hold it, or flag it to finance.
        for key in _keys(receipt):
            other = _try_hold(claim, receipt, key)
            if other is not None:
                others.add(other)
    else:
        holders = VoucherHold.objects.filter(key__in=_keys(receipt)).select_related("claim")
        others = {h.claim for h in holders}
    if others:
        receipt.duplicate_of = sorted(others, key=lambda c: c.pk)[0]
        receipt.save(update_fields=["duplicate_of"])
    audit.record(actor=actor, subject=claim, event="expense.receipt_added",
                 data={"receipt": receipt.pk, "line": line.pk, "kind": kind,
                       "invoice": receipt.invoice_key, "sha256": receipt.sha256,
                       "duplicate_of": receipt.duplicate_of.number
                       if receipt.duplicate_of else ""})
    return receipt


@transaction.atomic
def receipt_remove(*, receipt_id: int, actor: User) -> ExpenseClaim:
    """The submitter takes a receipt off a draft or returned claim (the file stays among the
    request's attachments, as every upload does)."""
    claim_id = Receipt.objects.filter(pk=receipt_id).values_list("claim_id", flat=True).first()
    if claim_id is None:
        raise NotFoundError()
    claim = _lock_claim(claim_id)
    receipt = Receipt.objects.select_related("attachment").get(pk=receipt_id)
    if EDIT not in selectors.claim_permissions(actor, claim):
        raise PermissionDeniedError(_("Only the submitter can change this claim."))
    if EDIT not in selectors.claim_actions(actor, claim):
        raise StateConflictError(_("Only a draft or a returned claim can be edited."))
    audit.record(actor=actor, subject=claim, event="expense.receipt_removed",
                 data={"receipt": receipt.pk, "line": receipt.line_id, "kind": receipt.kind,
                       "invoice": receipt.invoice_key, "sha256": receipt.sha256})
    receipt.delete()  # its holds go with it
    return claim


@transaction.atomic
def receipt_reject(*, receipt_id: int, actor: User, reason: str) -> ExpenseClaim:
    """Finance, during the voucher review, rejects a receipt with a reason: the claim goes back
    to the submitter, the line marked, and the receipt's file and invoice are free again."""
    receipt = Receipt.objects.select_related("claim", "line").filter(pk=receipt_id).first()
    if receipt is None:
        raise NotFoundError()
    claim = receipt.claim
    if REDUCE not in selectors.claim_permissions(actor, claim):
        raise PermissionDeniedError(_("Only finance (not the submitter) can reject a receipt."))
    if REDUCE not in selectors.claim_actions(actor, claim):
        raise StateConflictError(_("Receipts can be rejected only during the voucher review."))
    if not (reason or "").strip():
        raise InvalidInputError(_("Say why the receipt is rejected."),
                                fields={"reason": [_("A reason is required.")]})
    reason = reason.strip()[:300]
    req = selectors.claim_request(claim)
    item = engine.open_items(req, step_code=FINANCE_STEP).first() if req else None
    if item is None:
        raise StateConflictError(_("Receipts can be rejected only during the voucher review."))
    if item.assignee_id is None:
        engine.task_claim(task_id=item.pk, actor=actor)
    comment = _("Receipt rejected on line \"%(line)s\": %(reason)s") % {
        "line": receipt.line.description, "reason": reason}
    # The door: the engine returns the claim to the submitter (the process lock, then the
    # claim's row, as every decision does), then the receipt is marked.
    engine.task_return(task_id=item.pk, actor=actor, reason=comment)
    receipt = Receipt.objects.select_for_update().get(pk=receipt_id)
    receipt.status = ReceiptStatus.REJECTED
    receipt.reject_reason = reason
    receipt.save(update_fields=["status", "reject_reason"])
    release(claim, receipt)
    audit.record(actor=actor, subject=claim, event="expense.receipt_rejected", comment=reason,
                 data={"receipt": receipt.pk, "line": receipt.line_id,
                       "invoice": receipt.invoice_key})
    return ExpenseClaim.objects.get(pk=claim.pk)


# --- what finance's review shows per receipt ----------------------------------------------------


@dataclass(frozen=True)
class Check:
    label: str
    ok: bool
    detail: str = ""


def receipt_checks(receipt: Receipt, lv: LineVouchers) -> list[Check]:
    checks = []
    if receipt.invoice_type:
        problems = invoice_errors(receipt.invoice_type, receipt.invoice_code,
                                  receipt.invoice_number)
        checks.append(Check(_("Number format"), not problems, " ".join(problems.values())))
        if receipt.seller_code:
            problem = uscc_error(receipt.seller_code)
            checks.append(Check(_("Seller's credit code"), problem is None, problem or ""))
        if needs_company_buyer(receipt.invoice_type):
            name, code = company()
            ok = (not code or receipt.buyer_code == code) and (
                not name or _norm(receipt.buyer_name) == _norm(name))
            checks.append(Check(_("Buyer is the company"), ok,
                                "" if ok else f"{receipt.buyer_name} {receipt.buyer_code}"))
        if receipt.invoice_date:
            ok = date_near(receipt.invoice_date, lv.line.date)
            checks.append(Check(_("Date near the line's"), ok, "" if ok else _(
                "%(inv)s, the line is dated %(line)s") % {
                "inv": receipt.invoice_date.isoformat(), "line": lv.line.date.isoformat()}))
        if lv.invoiced is not None:
            checks.append(Check(_("Invoices cover the line"), not lv.short,
                                "" if not lv.short else _("%(inv)s of %(amount)s") % {
                                    "inv": fmt(lv.invoiced), "amount": fmt(lv.line.amount)}))
    dup = receipt.duplicate_of
    checks.append(Check(_("Not used on another claim"), dup is None,
                        "" if dup is None else _("Also on claim %(number)s") % {
                            "number": dup.number or dup.pk}))
    return checks


def is_image(receipt: Receipt) -> bool:
    return receipt.attachment.content_type.startswith("image/")

