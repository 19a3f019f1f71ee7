"""Expense claim pages: list, new / edit with the standards and the budget left shown before
submitting, the claim page (finance's reductions, payment retry), receipts. Each view parses
input, calls one service or selector and renders; a refusal comes back on the page with what
was typed kept. Budgets and the monitor are in budget_views.py."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from core import engine
from core.audit import selectors as audit_selectors
from core.exceptions import ApprovalError
from core.forms import cc_from_post
from core.org import selectors as org
from core.org.models import Role, User

from . import selectors, services
from .forms import (
    ClaimFilterForm,
    ClaimForm,
    ReceiptForm,
    ReduceLineForm,
    RejectReceiptForm,
    ResubmitForm,
    line_formset,
)
from .models import (
    Category,
    CategoryPolicy,
    ClaimState,
    OverBudget,
    ReimbursementStandard,
    VoucherRequirement,
)
from .selectors import EDIT, REDUCE, RETRY_PAYMENT, SUBMIT, UPLOAD
from .services import ledger, payment, vouchers

PAGE_SIZE = 25


def page_of(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _claim_or_404(user, claim_id):
    found = selectors.visible_claim(user, claim_id)
    if found is None:
        raise Http404
    return found


# --- lists ----------------------------------------------------------------------------------


@login_required
def claim_list(request):
    user = request.user
    sees_all = selectors.sees_all_claims(user)
    scope = "all" if sees_all and request.GET.get("scope") == "all" else "mine"
    form = ClaimFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        filters = {"state": d["state"], "category": d["category"], "month": d["month"]}
        if scope == "all" and d["submitter"].strip():
            filters["submitter_id"] = User.objects.filter(
                username=d["submitter"].strip()).values_list("pk", flat=True).first() or -1
    qs = selectors.claims_for(user, mine=scope == "mine", **filters)
    return render(request, "expenses/claims.html", {
        "page": page_of(request, qs), "form": form, "scope": scope, "sees_all": sees_all,
        "sum_total": selectors.claims_total(qs), "read_only": org.is_read_only(user),
    })


@login_required
def standards(request):
    policies = {p.category: p.get_over_budget_display() for p in CategoryPolicy.objects.all()}
    return render(request, "expenses/standards.html", {
        "standards": ReimbursementStandard.objects.all(),
        "requirements": VoucherRequirement.objects.all(),
        # No policy row means the claim is refused (services.claims._reserve).
        "policies": [(label, policies.get(value, OverBudget.BLOCK.label))
                     for value, label in Category.choices],
    })


# --- new and edit ---------------------------------------------------------------------------


def _budget_left(department_id, category: str, day, total=None) -> dict:
    """What is left this month and quarter per category, before the user submits."""
    policies = {p.category: p for p in CategoryPolicy.objects.all()}
    rows = []
    for value, label in Category.choices:
        left = ledger.remaining(day.year, department_id, value, day.month) if department_id \
            else {"month": None, "quarter": None}
        policy = policies.get(value)
        rows.append({"category": value, "label": label, "month": left["month"],
                     "quarter": left["quarter"], "chosen": value == category,
                     "policy": policy.get_over_budget_display() if policy else
                     OverBudget.BLOCK.label})
    chosen = next((r for r in rows if r["chosen"]), None)
    over = None
    if chosen and total and chosen["month"] is not None:
        left = min(chosen["month"], chosen["quarter"])
        if total > left:
            over = total - left
    return {"rows": rows, "day": day, "chosen": chosen, "total": total, "over": over}


def _apply_errors(exc: ApprovalError, form, formset, index: list[int]) -> list[str]:
    """Put the service's field errors next to their fields; return the rest."""
    other = []
    for key, value in (exc.fields or {}).items():
        msgs = [str(m) for m in (value if isinstance(value, list | tuple) else [value])]
        if key in form.fields:
            form.add_error(key, msgs)
        elif key.startswith("lines.") and key.count(".") == 2:
            _lines, i, name = key.split(".")
            if i.isdigit() and int(i) < len(index):
                line_form = formset.forms[index[int(i)]]
                line_form.add_error(name if name in line_form.fields else None, msgs)
            else:
                other.extend(msgs)
        else:
            other.extend(msgs)
    return other


def _typed_total(formset):
    total = None
    for f in formset.forms:
        data = getattr(f, "cleaned_data", None) or {}
        if data.get("amount") and not data.get("DELETE"):
            total = (total or 0) + data["amount"]
    return total


def _show_saved(formset, claim) -> None:
    """Next to each row, the standard cap and excess the service computed when it was saved
    (rows and saved lines pair up in entry order)."""
    lines = list(claim.lines.order_by("pk"))
    rows = [f for f in formset.forms if f.has_changed() and not f["DELETE"].value()]
    if len(rows) != len(lines):
        return
    standards_map = selectors.standards_by_line(lines, claim.submitter.grade)
    held = {lv.line.pk: lv for lv in vouchers.line_vouchers(claim)}
    for f, saved in zip(rows, lines, strict=True):
        saved.standard = standards_map.get(saved.pk)
        saved.vouchers = held.get(saved.pk)
        f.saved = saved
        f.line_id = str(saved.pk)


def _chosen(form, claim):
    """The category and expense date the budget box is about: as typed, else as saved."""
    day, category = timezone.localdate(), ""
    if claim is not None:
        day, category = claim.expense_date, claim.category
    typed = getattr(form, "cleaned_data", None) or form.initial
    value = typed.get("expense_date")
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            value = None
    return value or day, typed.get("category") or category


def _render_form(request, *, form, formset, claim=None, status=200, other_errors=(),
                 resubmit_form=None, saved=False, route=None):
    user = request.user
    day, category = _chosen(form, claim)
    if saved and claim is not None:
        _show_saved(formset, claim)
    department_id = claim.department_id if claim else user.department_id
    returned = claim is not None and claim.state == ClaimState.RETURNED
    return render(request, "expenses/claim_form.html", {
        "form": form, "lines": formset, "claim": claim, "other_errors": other_errors,
        "left": _budget_left(department_id, category, day, _typed_total(formset)),
        "resubmit_form": resubmit_form or ResubmitForm(),
        "returned": returned, "route": route, "preview": route is not None,
        "voucher_needs": vouchers.needs_by_item(category),
        "return_event": audit_selectors.timeline("expense", claim.pk).filter(
            event="expense.returned").last() if returned else None,
    }, status=status)


def _more_lines(request, form_cls, claim=None):
    """'Add a line' without JavaScript: the rows as typed, unvalidated, plus an empty one."""
    formset = line_formset(request.POST)
    rows = [{**{name: f[name].value() for name in f.fields if name != "DELETE"},
             "line_id": f.line_id} for f in formset.forms if f.has_changed()]
    form = form_cls(initial={bf.name: bf.value() for bf in form_cls(request.POST)})
    return _render_form(request, form=form, formset=line_formset(initial=rows, extra=1),
                        claim=claim)


@login_required
def claim_new(request):
    user = request.user
    if org.is_read_only(user):
        messages.error(request, _("Auditors can read everything and change nothing."))
        return redirect("expenses:claims")
    if request.method != "POST":
        return _render_form(request, form=ClaimForm(initial={"expense_date":
                                                             timezone.localdate()}),
                            formset=line_formset(extra=3))
    action = request.POST.get("action", "save")
    if action == "add_line":
        return _more_lines(request, ClaimForm)
    form, formset = ClaimForm(request.POST), line_formset(request.POST)
    if not (form.is_valid() & formset.is_valid()):
        messages.error(request, _("Please correct the errors below."))
        return _render_form(request, form=form, formset=formset, status=400)
    rows, index = formset.lines()
    if action == "preview":  # who would be asked for what is typed; nothing is kept
        try:
            route = services.claim_route_preview(actor=user, lines=rows, **form.cleaned_data)
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            other = _apply_errors(exc, form, formset, index)
            return _render_form(request, form=form, formset=formset, status=exc.status,
                                other_errors=other)
        return _render_form(request, form=form, formset=formset, route=route)
    try:
        claim = services.claim_create(actor=user, lines=rows, **form.cleaned_data)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        other = _apply_errors(exc, form, formset, index)
        return _render_form(request, form=form, formset=formset, status=exc.status,
                            other_errors=other)
    if action == "submit":
        return _submit_or_keep(request, claim, form, formset, index)
    messages.success(request, _("Saved as a draft. Check the standards and the budget left, "
                                "add receipts, then submit."))
    return redirect("expenses:claim", claim_id=claim.pk)


def _submit_or_keep(request, claim, form, formset, index, comment=""):
    """Submit (or resubmit) the saved claim; a refusal keeps the form as typed."""
    try:
        if claim.state == ClaimState.RETURNED:
            req = selectors.claim_request(claim)
            engine.request_resubmit(request_id=req.pk, actor=request.user,
                                            comment=comment)
        else:
            services.claim_submit(claim_id=claim.pk, actor=request.user,
                                  cc=cc_from_post(request.POST))
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        other = _apply_errors(exc, form, formset, index)
        claim, _req = _claim_or_404(request.user, claim.pk)  # as it stands after the refusal
        return _render_form(request, form=form, formset=formset, claim=claim,
                            status=exc.status, other_errors=other, saved=True,
                            resubmit_form=ResubmitForm(initial={"comment": comment}))
    messages.success(request, _("Submitted for approval."))
    return redirect("expenses:claim", claim_id=claim.pk)


@login_required
def claim_edit(request, claim_id):
    claim, _req = _claim_or_404(request.user, claim_id)
    if claim.submitter_id != request.user.pk:
        raise Http404
    if EDIT not in selectors.claim_actions(request.user, claim):
        messages.error(request, _("Only a draft or a claim returned for revision can be "
                                  "edited."))
        return redirect("expenses:claim", claim_id=claim.pk)
    if request.method != "POST":
        form = ClaimForm(initial={"category": claim.category, "title": claim.title,
                                  "expense_date": claim.expense_date,
                                  "purpose": claim.purpose, "hold_id": claim.hold_id})
        rows = [{"date": x.date, "item_type": x.item_type, "description": x.description,
                 "amount": x.amount, "city_tier": x.city_tier, "units": x.units,
                 "travel_class": x.travel_class, "line_id": x.pk}
                for x in claim.lines.order_by("pk")]
        return _render_form(request, form=form, formset=line_formset(initial=rows, extra=1),
                            claim=claim, saved=True)
    action = request.POST.get("action", "save")
    if action == "add_line":
        return _more_lines(request, ClaimForm, claim)
    form, formset = ClaimForm(request.POST), line_formset(request.POST)
    resubmit = ResubmitForm(request.POST)
    comment = resubmit.cleaned_data["comment"] if resubmit.is_valid() else ""
    if not (form.is_valid() & formset.is_valid()):
        messages.error(request, _("Please correct the errors below."))
        return _render_form(request, form=form, formset=formset, claim=claim, status=400,
                            resubmit_form=resubmit)
    rows, index = formset.lines()
    try:
        claim = services.claim_update(claim_id=claim.pk, actor=request.user, lines=rows,
                                      **form.cleaned_data)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        other = _apply_errors(exc, form, formset, index)
        return _render_form(request, form=form, formset=formset, claim=claim,
                            status=exc.status, other_errors=other, resubmit_form=resubmit)
    if action == "submit":
        return _submit_or_keep(request, claim, form, formset, index, comment)
    messages.success(request, _("Changes saved."))
    return redirect("expenses:claim", claim_id=claim.pk)


# --- the claim page -------------------------------------------------------------------------


def _voucher_context(user, claim, actions, *, receipt_form=None, reject_forms=None) -> dict:
    """Each line's receipts, what it still needs and (for finance, auditors, administrators)
    the checks on each receipt; the forms to add, remove or reject one."""
    lines = vouchers.line_vouchers(claim)
    reviewer = selectors.sees_all_claims(user)
    reject_forms = reject_forms or {}
    for i, lv in enumerate(lines, start=1):
        lv.number = i
        for r in lv.receipts:
            r.checks = vouchers.receipt_checks(r, lv) if reviewer else []
            r.failed = [c for c in r.checks if not c.ok]
            r.is_image = r.attachment.content_type.startswith("image/")
            r.reject_form = reject_forms.get(r.pk) or RejectReceiptForm(prefix=f"reject-{r.pk}")
    can_add = UPLOAD in actions and claim.submitter_id == user.pk
    if can_add and receipt_form is None:
        receipt_form = ReceiptForm(prefix="receipt", lines=[lv.line for lv in lines])
    name, code = vouchers.company()
    return {"vouchers": lines, "voucher_reviewer": reviewer,
            "receipt_form": receipt_form if can_add else None,
            "can_remove_receipts": EDIT in actions,
            "can_reject_receipts": REDUCE in actions,
            "company_name": name, "company_code": code}


def _claim_context(request, claim, req, *, reduce_forms=None, submit_errors=(),
                   receipt_form=None, reject_forms=None):
    user = request.user
    lines = list(claim.lines.all())
    standards_map = selectors.standards_by_line(lines, claim.submitter.grade)
    for line in lines:
        line.standard = standards_map.get(line.pk)
    read_only = org.is_read_only(user)
    is_submitter = claim.submitter_id == user.pk
    actions = selectors.claim_actions(user, claim)
    can_reduce = REDUCE in actions
    reduce_forms = reduce_forms or {}
    if can_reduce:
        for line in lines:
            line.reduce_form = reduce_forms.get(line.pk) or ReduceLineForm(
                prefix=f"reduce-{line.pk}",
                initial={"amount": line.approved_amount if line.approved_amount is not None
                         else line.cap if line.excess else line.amount})
    editable = EDIT in actions
    return {
        "claim": claim, "req": req, "lines": lines,
        "events": audit_selectors.timeline("expense", claim.pk),
        "attachments": req.attachments.select_related("uploaded_by") if req else [],
        "is_submitter": is_submitter, "read_only": read_only, "actions": actions,
        "can_edit": editable, "can_submit": SUBMIT in actions,
        "can_upload": UPLOAD in actions and req is not None,
        "can_reduce": can_reduce,
        "can_retry": RETRY_PAYMENT in actions,
        "finance_task": selectors.finance_task(req)
        if org.has_role(user, Role.FINANCE) else None,
        "left": _budget_left(claim.department_id, claim.category, claim.expense_date,
                             claim.total) if editable else None,
        "submit_errors": submit_errors,
        "max_receipts": engine.MAX_ATTACHMENTS,
        **_voucher_context(user, claim, actions, receipt_form=receipt_form,
                           reject_forms=reject_forms),
    }


@login_required
def claim_detail(request, claim_id):
    claim, req = _claim_or_404(request.user, claim_id)
    return render(request, "expenses/claim.html", _claim_context(request, claim, req))


@login_required
@require_POST
def claim_submit(request, claim_id):
    claim, req = _claim_or_404(request.user, claim_id)
    if claim.submitter_id != request.user.pk:
        raise Http404
    try:
        services.claim_submit(claim_id=claim.pk, actor=request.user,
                                  cc=cc_from_post(request.POST))
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        errors = [str(m) for v in exc.fields.values() for m in (v if isinstance(v, list)
                                                                else [v])]
        claim, req = _claim_or_404(request.user, claim.pk)
        return render(request, "expenses/claim.html",
                      _claim_context(request, claim, req, submit_errors=errors),
                      status=exc.status)
    messages.success(request, _("Submitted for approval."))
    return redirect("expenses:claim", claim_id=claim.pk)


@login_required
@require_POST
def line_reduce(request, claim_id, line_id):
    claim, req = _claim_or_404(request.user, claim_id)
    line = get_object_or_404(claim.lines, pk=line_id)
    form = ReduceLineForm(request.POST, prefix=f"reduce-{line.pk}")
    status = 400
    if form.is_valid():
        try:
            services.claim_reduce_line(line_id=line.pk, actor=request.user,
                                       amount=form.cleaned_data["amount"],
                                       reason=form.cleaned_data["reason"])
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            for key, msgs in exc.fields.items():
                form.add_error(key if key in form.fields else None, msgs)
            status = exc.status
        else:
            messages.success(request, _("Line reduced: %(d)s") % {"d": line.description})
            return redirect("expenses:claim", claim_id=claim.pk)
    else:
        messages.error(request, _("Please correct the errors below."))
    claim, req = _claim_or_404(request.user, claim.pk)
    return render(request, "expenses/claim.html",
                  _claim_context(request, claim, req, reduce_forms={line.pk: form}),
                  status=status)


@login_required
@require_POST
def payment_retry(request, claim_id):
    claim, _req = _claim_or_404(request.user, claim_id)
    if RETRY_PAYMENT not in selectors.claim_permissions(request.user, claim):
        raise Http404
    try:
        payment.payment_retry(claim_id=claim.pk, actor=request.user)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Payment queued again."))
    return redirect("expenses:claim", claim_id=claim.pk)


# --- receipts -------------------------------------------------------------------------------


@login_required
@require_POST
def receipt_upload(request, claim_id):
    claim, req = _claim_or_404(request.user, claim_id)
    if claim.submitter_id != request.user.pk or req is None:
        raise Http404
    upload = request.FILES.get("file")
    if UPLOAD not in selectors.claim_actions(request.user, claim):
        messages.error(request, _("Receipts can be added until the approvals are done."))
    elif upload is None:
        messages.error(request, _("Choose a file to upload."))
    else:
        try:
            att = engine.attachment_add(request_id=req.pk, actor=request.user, upload=upload)
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Attached %(name)s.") % {
                "name": att.original_name})
    return redirect("expenses:claim", claim_id=claim.pk)


@login_required
def receipt_download(request, claim_id, token):
    # The claim's own visibility rule (finance reads every claim), not only the request's.
    _claim, req = _claim_or_404(request.user, claim_id)
    att = get_object_or_404(engine.Attachment, token=token, request=req)
    try:
        return engine.attachment_download(att)
    except ApprovalError:
        raise Http404 from None


# --- vouchers: a line's receipts with their invoice data (policy 7(三)1) -------------------------


def _claim_page(request, claim_id, status, **extra):
    claim, req = _claim_or_404(request.user, claim_id)
    return render(request, "expenses/claim.html", _claim_context(request, claim, req, **extra),
                  status=status)


@login_required
@require_POST
def voucher_add(request, claim_id):
    claim, _req = _claim_or_404(request.user, claim_id)
    if claim.submitter_id != request.user.pk:
        raise Http404
    form = ReceiptForm(request.POST, request.FILES, prefix="receipt",
                       lines=list(claim.lines.order_by("pk")))
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _claim_page(request, claim.pk, 400, receipt_form=form)
    try:
        receipt = vouchers.receipt_add(
            claim_id=claim.pk, actor=request.user, line_id=form.cleaned_data["line"],
            kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"],
            invoice=vouchers.InvoiceData(**form.invoice()))
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        for key, msgs in exc.fields.items():
            form.add_error(key if key in form.fields else None, msgs)
        return _claim_page(request, claim.pk, exc.status, receipt_form=form)
    if receipt.duplicate_of_id:
        messages.warning(request, _("Attached, but this file or invoice is already used on "
                                    "another claim: the claim cannot be submitted with it."))
    else:
        messages.success(request, _("Attached %(name)s.") % {
            "name": receipt.attachment.original_name})
    return redirect("expenses:claim", claim_id=claim.pk)


@login_required
@require_POST
def voucher_remove(request, claim_id, receipt_id):
    claim, _req = _claim_or_404(request.user, claim_id)
    receipt = get_object_or_404(claim.receipts, pk=receipt_id)
    try:
        vouchers.receipt_remove(receipt_id=receipt.pk, actor=request.user)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Receipt removed from the line."))
    return redirect("expenses:claim", claim_id=claim.pk)


@login_required
@require_POST
def voucher_reject(request, claim_id, receipt_id):
    claim, _req = _claim_or_404(request.user, claim_id)
    receipt = get_object_or_404(claim.receipts, pk=receipt_id)
    form = RejectReceiptForm(request.POST, prefix=f"reject-{receipt.pk}")
    status = 400
    if form.is_valid():
        try:
            vouchers.receipt_reject(receipt_id=receipt.pk, actor=request.user,
                                    reason=form.cleaned_data["reason"])
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            for key, msgs in exc.fields.items():
                form.add_error(key if key in form.fields else None, msgs)
            status = exc.status
        else:
            messages.success(request, _("Receipt rejected; the claim went back to %(who)s.")
                             % {"who": claim.submitter})
            return redirect("expenses:claim", claim_id=claim.pk)
    else:
        messages.error(request, _("Please correct the errors below."))
    return _claim_page(request, claim.pk, status, reject_forms={receipt.pk: form})


@login_required
@xframe_options_sameorigin
def voucher_file(request, claim_id, receipt_id):
    """A receipt's file shown in the page (an image or a PDF), for those who may see the
    claim; its checked type, never sniffed; nothing in it may run."""
    claim, _req = _claim_or_404(request.user, claim_id)
    receipt = get_object_or_404(claim.receipts.select_related("attachment"), pk=receipt_id)
    att = receipt.attachment
    try:
        handle = att.file.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=False, content_type=att.content_type,
                            filename=att.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'self'"
    response["Cache-Control"] = "private, no-store"
    return response
