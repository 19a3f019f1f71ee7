"""The contract list, the new / edit form with the customer's credit position shown before
submitting, submission, and amendments of a signed contract. A refusal comes back on the
page with what was typed kept."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, Sum
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import engine
from core.audit import selectors as audit_selectors
from core.exceptions import ApprovalError
from core.forms import cc_from_post

from .. import selectors, services
from ..forms import (
    AmendForm,
    ContractFieldsForm,
    ContractFilterForm,
    ContractForm,
    ResubmitForm,
    line_formset,
    line_initial,
    line_products,
)
from ..models import ContractState
from ..selectors import EDITABLE_STATES, amendment_under_way
from ..steps import KIND
from .common import (
    apply_errors,
    contract_or_404,
    contract_request,
    credit_position,
    page_of,
    refuse_read_only,
    render_page,
)

FIELDS = ("title", "value", "payment_terms_days", "delivery_terms", "key_clauses")


def _filtered(user, scope: str, form: ContractFilterForm):
    qs = selectors.visible_contracts(user)
    if scope == "mine":
        qs = qs.filter(owner=user)
    d = form.cleaned_data if form.is_bound and form.is_valid() else {}
    state = d.get("state")
    # Superseded versions are history: listed only when asked for.
    qs = qs.filter(state=state) if state else qs.exclude(state=ContractState.SUPERSEDED)
    if d.get("region"):
        qs = qs.filter(customer__region=d["region"])
    if d.get("customer", "").strip():
        text = d["customer"].strip()
        qs = qs.filter(Q(customer__name__icontains=text) | Q(customer__credit_code=text.upper()))
    if d.get("breach"):
        qs = qs.filter(credit_breach=d["breach"] == "yes")
    return qs.order_by("-created", "-pk")


@login_required
def contract_list(request):
    user = request.user
    scope = "mine" if request.GET.get("scope") == "mine" else "all"
    form = ContractFilterForm(request.GET or None)
    qs = _filtered(user, scope, form)
    totals = qs.aggregate(value=Sum("value"), breaches=Count("pk", filter=Q(credit_breach=True)))
    page = page_of(request, qs)
    # Where each request stands, for the whole page in one query.
    reqs = {r.object_id: r for r in engine.requests_of(KIND, [c.pk for c in page])}
    for contract in page:
        contract.req = reqs.get(contract.pk)
    return render_page(request, "contracts/contracts.html", {
        "page": page, "form": form, "scope": scope, "totals": totals,
    }, tab="contracts")


# --- new and edit ---------------------------------------------------------------------------


def _typed(form, name, default=None):
    data = getattr(form, "cleaned_data", None)
    if data is not None and name in data:
        return data[name]
    return form.initial.get(name, default)


def _quiet(form, **kwargs):
    """The form as typed but unjudged: checking credit is not saving, so a field left empty
    so far is not "required" yet (issue 18, defect 7)."""
    return type(form)(initial={bf.name: bf.value() for bf in form},
                      with_lines="value" not in form.fields, **kwargs)


def _posted_lines(request, current=()):
    """The product lines formset of a post, or None for a post without one (a script from
    before products sends a value: it becomes one "unspecified" line)."""
    if "lines-TOTAL_FORMS" not in request.POST:
        return None
    return line_formset(request.POST, products=line_products(current))


def _more_lines(formset, current=()):
    """'Add a line' without JavaScript: the rows as typed, unvalidated, plus an empty one."""
    rows = [{name: f[name].value() for name in f.fields if name != "DELETE"}
            for f in formset.forms if f.has_changed() and not f["DELETE"].value()]
    return line_formset(initial=rows, products=line_products(current), extra=1)


def _value_shown(form, formset):
    return formset.typed_total() if formset is not None else _typed(form, "value")


def _service_fields(form, formset) -> tuple[dict, list[int]]:
    fields = dict(form.cleaned_data)
    if formset is None:
        return fields, []
    rows, index = formset.lines()
    fields["lines"] = rows
    return fields, index


def apply_line_errors(exc: ApprovalError, form, formset, index: list[int]) -> list[str]:
    """The service's errors beside their fields, `lines.<i>.<field>` beside that row's field;
    the rest returned to show at the top."""
    line_errors = {k: v for k, v in (exc.fields or {}).items() if k.startswith("lines.")}
    other = apply_errors(type(exc)(exc.message, fields={
        k: v for k, v in (exc.fields or {}).items() if k not in line_errors}), form)
    for key, value in line_errors.items():
        msgs = [str(m) for m in (value if isinstance(value, list | tuple) else [value])]
        _lines, i, name = (key.split(".") + ["", ""])[:3]
        if formset is not None and i.isdigit() and int(i) < len(index):
            row = formset.forms[index[int(i)]]
            row.add_error(name if name in row.fields else None, msgs)
        else:
            other.extend(msgs)
    return other


def _render_form(request, form, *, formset=None, contract=None, status=200, other_errors=(),
                 resubmit_form=None, shown=None, route=None):
    """`shown`, when given, is what the page shows; `form` (validated) what the credit
    position reads."""
    customer = contract.customer if contract else _typed(form, "customer")
    returned = contract is not None and contract.state == ContractState.RETURNED
    if formset is None and "value" not in form.fields:
        current = list(contract.lines.all()) if contract else []
        formset = line_formset(initial=line_initial(current), products=line_products(current),
                               extra=1 if current else 3)
    return render_page(request, "contracts/contract_form.html", {
        "form": shown or form, "contract": contract, "other_errors": other_errors,
        "lines": formset, "lines_total": _value_shown(form, formset),
        "position": credit_position(customer, value=_value_shown(form, formset),
                                    terms=_typed(form, "payment_terms_days")),
        "returned": returned, "resubmit_form": resubmit_form or ResubmitForm(),
        "route": route, "preview": route is not None,
        "return_event": audit_selectors.timeline("contract", contract.pk).filter(
            event="contract.returned").last() if returned else None,
    }, tab="contracts" if contract else "new", status=status)


def _submit_or_keep(request, contract, form, formset, index, comment=""):
    """Submit (or resubmit) the saved contract; a refusal keeps the form as typed."""
    try:
        if contract.state == ContractState.RETURNED:
            req = contract_request(contract)
            engine.request_resubmit(request_id=req.pk, actor=request.user,
                                            comment=comment)
        else:
            services.contract_submit(contract_id=contract.pk, actor=request.user,
                                     cc=cc_from_post(request.POST))
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        other = apply_line_errors(exc, form, formset, index)
        contract = contract_or_404(request.user, contract.pk)
        return _render_form(request, form, formset=formset, contract=contract,
                            status=exc.status, other_errors=other,
                            resubmit_form=ResubmitForm(initial={"comment": comment}))
    messages.success(request, _("Submitted for review: the regional manager first, then legal "
                                "and finance in parallel."))
    return redirect("contracts:contract", contract_id=contract.pk)


@login_required
def contract_new(request):
    user = request.user
    if refused := refuse_read_only(request, "contracts:contracts"):
        return refused
    customers = selectors.visible_customers(user)
    if request.method != "POST":
        initial = {"payment_terms_days": 30}
        wanted = request.GET.get("customer", "")
        if wanted.isdigit():
            initial["customer"] = selectors.visible_customer(user, int(wanted))
        return _render_form(request, ContractForm(initial=initial, customers=customers))
    formset = _posted_lines(request)
    form = ContractForm(request.POST, customers=customers, with_lines=formset is not None)
    action = request.POST.get("action", "save")
    if action == "add_line" and formset is not None:
        form.is_valid()  # read (not judged) for the customer's credit position
        return _render_form(request, form, formset=_more_lines(formset),
                            shown=_quiet(form, customers=customers))
    valid = form.is_valid() & (formset is None or formset.is_valid())
    if action == "check":  # show the credit position for what is typed; nothing is saved
        return _render_form(request, form, formset=formset,
                            shown=_quiet(form, customers=customers))
    if not valid:
        messages.error(request, _("Please correct the errors below."))
        return _render_form(request, form, formset=formset, status=400)
    fields, index = _service_fields(form, formset)
    if action == "preview":  # who would be asked for what is typed; nothing is saved
        typed = {k: v for k, v in form.cleaned_data.items()
                 if k in ("customer", "title", "payment_terms_days", "delivery_terms",
                          "key_clauses")}
        try:
            route = services.contract_route_preview(
                actor=user, value=_value_shown(form, formset), **typed)
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            return _render_form(request, form, formset=formset, status=exc.status,
                                other_errors=apply_line_errors(exc, form, formset, index))
        return _render_form(request, form, formset=formset, route=route)
    try:
        contract = services.contract_create(actor=user, **fields)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        other = apply_line_errors(exc, form, formset, index)
        return _render_form(request, form, formset=formset, status=exc.status,
                            other_errors=other)
    if action == "submit":
        return _submit_or_keep(request, contract, form, formset, index)
    messages.success(request, _("Saved as a draft. Add documents, then submit it for review."))
    return redirect("contracts:contract", contract_id=contract.pk)


def _refuse_edit(request, contract):
    if contract.owner_id != request.user.pk:
        messages.error(request, _("Only the contract's owner can change it."))
    elif contract.state == ContractState.SIGNED:
        messages.error(request, _("A signed contract cannot be edited: amend it instead, and "
                                  "the amendment is reviewed again."))
    elif contract.state not in EDITABLE_STATES:
        messages.error(request, _("A %(state)s contract cannot be edited.")
                       % {"state": contract.get_state_display()})
    else:
        return None
    return redirect("contracts:contract", contract_id=contract.pk)


@login_required
def contract_edit(request, contract_id):
    contract = contract_or_404(request.user, contract_id)
    if refused := _refuse_edit(request, contract):
        return refused
    if request.method != "POST":
        initial = {name: getattr(contract, name) for name in FIELDS}
        return _render_form(request, ContractFieldsForm(initial=initial), contract=contract)
    current = list(contract.lines.all())
    formset = _posted_lines(request, current)
    form = ContractFieldsForm(request.POST, with_lines=formset is not None)
    resubmit = ResubmitForm(request.POST)
    comment = resubmit.cleaned_data["comment"] if resubmit.is_valid() else ""
    action = request.POST.get("action", "save")
    if action == "add_line" and formset is not None:
        return _render_form(request, form, formset=_more_lines(formset, current),
                            contract=contract, resubmit_form=resubmit, shown=_quiet(form))
    valid = form.is_valid() & (formset is None or formset.is_valid())
    if action == "check":
        return _render_form(request, form, formset=formset, contract=contract,
                            resubmit_form=resubmit, shown=_quiet(form))
    if not valid:
        messages.error(request, _("Please correct the errors below."))
        return _render_form(request, form, formset=formset, contract=contract, status=400,
                            resubmit_form=resubmit)
    fields, index = _service_fields(form, formset)
    try:
        contract = services.contract_update(contract_id=contract.pk, actor=request.user,
                                            **fields)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        other = apply_line_errors(exc, form, formset, index)
        return _render_form(request, form, formset=formset, contract=contract,
                            status=exc.status, other_errors=other, resubmit_form=resubmit)
    if action == "submit":
        return _submit_or_keep(request, contract, form, formset, index, comment)
    messages.success(request, _("Changes saved."))
    return redirect("contracts:contract", contract_id=contract.pk)


@login_required
@require_POST
def contract_submit(request, contract_id):
    """Submit a draft (or resubmit a returned contract) from its page."""
    contract = contract_or_404(request.user, contract_id)
    comment = request.POST.get("comment", "").strip()[:2000]
    try:
        if contract.state == ContractState.RETURNED and contract.owner_id == request.user.pk:
            req = contract_request(contract)
            engine.request_resubmit(request_id=req.pk, actor=request.user,
                                            comment=comment)
        else:
            services.contract_submit(contract_id=contract.pk, actor=request.user,
                                     cc=cc_from_post(request.POST))
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Submitted for review: the regional manager first, then "
                                    "legal and finance in parallel."))
    return redirect("contracts:contract", contract_id=contract.pk)


# --- amendments -----------------------------------------------------------------------------


def _render_amend(request, contract, form, *, formset=None, status=200, other_errors=()):
    if formset is None and "value" not in form.fields:
        current = list(contract.lines.all())
        formset = line_formset(initial=line_initial(current), products=line_products(current),
                               extra=1)
    return render_page(request, "contracts/amend_form.html", {
        "contract": contract, "form": form, "other_errors": other_errors, "lines": formset,
        "lines_total": _value_shown(form, formset),
        "position": credit_position(contract.customer, value=_value_shown(form, formset),
                                    terms=_typed(form, "payment_terms_days")),
    }, tab="contracts", status=status)


@login_required
def contract_amend(request, contract_id):
    """A signed contract changes only by an amendment: the next version, reviewed again."""
    contract = contract_or_404(request.user, contract_id)
    if refused := refuse_read_only(request, "contracts:contract", contract.pk):
        return refused
    problem = None
    if contract.owner_id != request.user.pk:
        problem = _("Only the contract's owner can amend it.")
    elif contract.state != ContractState.SIGNED:
        problem = _("Only a signed contract can be amended.")
    elif under_way := amendment_under_way(contract):
        problem = _("Version %(v)d of this contract is already under way.") % {
            "v": under_way.version}
    if problem:
        messages.error(request, problem)
        return redirect("contracts:contract", contract_id=contract.pk)
    if request.method != "POST":
        initial = {name: getattr(contract, name) for name in FIELDS}
        return _render_amend(request, contract, AmendForm(initial=initial))
    current = list(contract.lines.all())
    formset = _posted_lines(request, current)
    form = AmendForm(request.POST, with_lines=formset is not None)
    if request.POST.get("action") == "add_line" and formset is not None:
        return _render_amend(request, contract, _quiet(form),
                             formset=_more_lines(formset, current))
    valid = form.is_valid() & (formset is None or formset.is_valid())
    if request.POST.get("action") == "check":
        return _render_amend(request, contract, form, formset=formset)
    if not valid:
        messages.error(request, _("Please correct the errors below."))
        return _render_amend(request, contract, form, formset=formset, status=400)
    fields, index = _service_fields(form, formset)
    try:
        amendment = services.contract_amend(contract_id=contract.pk, actor=request.user,
                                            **fields)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        other = apply_line_errors(exc, form, formset, index)
        return _render_amend(request, contract, form, formset=formset, status=exc.status,
                             other_errors=other)
    messages.success(request, _("Version %(v)d drafted. Check the changes, then submit it for "
                                "review; version %(old)d stays in force until it is signed.")
                     % {"v": amendment.version, "old": contract.version})
    return redirect("contracts:contract", contract_id=amendment.pk)
