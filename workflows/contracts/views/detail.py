"""The contract page: header, credit check, where the review stands, documents, versions with
a field-by-field diff, and (once signed) milestones and execution problems."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import engine
from core.audit import selectors as audit_selectors
from core.exceptions import ApprovalError
from core.money import fmt
from core.org import selectors as org
from core.org.models import Role

from .. import selectors
from ..forms import MilestoneDoneForm, MilestoneForm, ProblemForm, ResolveForm, ResubmitForm
from ..models import Contract, ContractState
from ..services.contracts import (
    EDITABLE,
    contract_attachment_add,
    ensure_may_attach,
    lines_diff_of,
    version_diff,
)
from .common import (
    contract_or_404,
    contract_request,
    credit_position,
    render_page,
    stored_check,
    task_for,
)

EXECUTED = (ContractState.SIGNED, ContractState.SUPERSEDED)


def _shown(name: str, raw: str) -> str:
    if name == "value":
        try:
            return fmt(Decimal(raw))
        except (InvalidOperation, TypeError):
            return raw
    if name == "payment_terms_days":
        return _("%(n)s days") % {"n": raw}
    return raw or "—"


def diff_rows(before: Contract, after: Contract) -> list[dict]:
    changes = version_diff(before, after)
    return [{"label": Contract._meta.get_field(name).verbose_name,
             "before": _shown(name, changes[name][0]), "after": _shown(name, changes[name][1]),
             "long": name in ("delivery_terms", "key_clauses")}
            for name in EDITABLE if name in changes]


def _compared(request, contract: Contract, versions: list[Contract]) -> Contract | None:
    """The version this one is compared with: ?against=<version number>, else the one it
    amends."""
    wanted = request.GET.get("against", "")
    if wanted.isdigit():
        found = next((v for v in versions if str(v.version) == wanted), None)
        if found is not None and found.pk != contract.pk:
            return found
    if contract.previous_id:
        return next((v for v in versions if v.pk == contract.previous_id), None)
    return None


def may_manage(user, contract: Contract) -> bool:
    """Milestones are kept by the owner, finance and the sales GM (services.execution)."""
    return selectors.may_keep_milestones(user, contract)


def _milestones(contract: Contract, forms: dict, manage: bool) -> list:
    today = timezone.localdate()
    rows = list(contract.milestones.all())
    for m in rows:
        m.status = "done" if m.done_date else "overdue" if m.due_date < today else "open"
        if manage and not m.done_date and contract.state == ContractState.SIGNED:
            m.done_form = forms.get(("done", m.pk)) or MilestoneDoneForm(prefix=f"done-{m.pk}")
    return rows


def _problems(user, contract: Contract, forms: dict) -> list:
    rows = list(contract.problems.select_related("raised_by", "assignee"))
    read_only = org.is_read_only(user)
    managers = org.has_role(user, Role.FINANCE, Role.SALES_GM)
    for p in rows:
        if p.resolved_at is None and not read_only and (
                managers or user.pk in (p.assignee_id, contract.owner_id)):
            p.resolve_form = forms.get(("resolve", p.pk)) or ResolveForm(prefix=f"resolve-{p.pk}")
    return rows


def contract_context(request, contract: Contract, *, forms: dict | None = None) -> dict:
    user = request.user
    forms = forms or {}
    read_only = org.is_read_only(user)
    is_owner = contract.owner_id == user.pk and not read_only
    req = contract_request(contract)
    req_visible = req is not None and engine.visible_requests(user).filter(
        pk=req.pk).exists()
    versions = selectors.versions_of(contract)
    against = _compared(request, contract, versions)
    signed = contract.state == ContractState.SIGNED
    manage = may_manage(user, contract)
    actions = selectors.contract_actions(user, contract)
    check = stored_check(contract)
    my_task = task_for(user, req) if req and req.is_open else None
    events = audit_selectors.timeline("contract", contract.pk)
    return {
        "contract": contract, "req": req, "req_visible": req_visible,
        "my_task": my_task,
        "check": check,
        "position": credit_position(contract.customer, value=contract.value,
                                    terms=contract.payment_terms_days),
        "events": events,
        # Why this version exists (the reason given when the amendment was drafted).
        "amend_reason": events.filter(event="contract.amendment_drafted").values_list(
            "comment", flat=True).first() if contract.previous_id else None,
        "attachments": req.attachments.select_related("uploaded_by") if req else [],
        "can_upload": req is not None and selectors.ATTACH in actions,
        "max_files": engine.MAX_ATTACHMENTS,
        "versions": versions, "against": against,
        "diff": diff_rows(against, contract) if against else [],
        "lines_diff": lines_diff_of(against, contract) if against else None,
        "lines": list(contract.lines.select_related("product")),
        "is_owner": is_owner,
        "actions": actions,
        "can_edit": selectors.EDIT in actions,
        "can_submit": selectors.SUBMIT in actions,
        "can_resubmit": selectors.RESUBMIT in actions,
        "resubmit_form": ResubmitForm(),
        "under_way": selectors.amendment_under_way(contract) if signed else None,
        "executed": contract.state in EXECUTED,
        "can_manage": selectors.ADD_MILESTONE in actions,
        "milestones": _milestones(contract, forms, manage),
        "milestone_form": forms.get("milestone") or MilestoneForm(prefix="milestone"),
        "problems": _problems(user, contract, forms),
        "can_raise": selectors.RAISE_PROBLEM in actions,
        "problem_form": forms.get("problem") or ProblemForm(prefix="problem"),
    }


@login_required
def contract_detail(request, contract_id):
    contract = contract_or_404(request.user, contract_id)
    return render_page(request, "contracts/contract.html",
                       contract_context(request, contract), tab="contracts")


def render_contract(request, contract: Contract, *, forms: dict, status: int):
    """The contract page again after a refused form, with what was typed kept."""
    contract = contract_or_404(request.user, contract.pk)
    return render_page(request, "contracts/contract.html",
                       contract_context(request, contract, forms=forms), tab="contracts",
                       status=status)


# --- documents ------------------------------------------------------------------------------


@login_required
@require_POST
def attachment_upload(request, contract_id):
    contract = contract_or_404(request.user, contract_id)
    upload = request.FILES.get("file")
    try:
        # The owner and the reviewers, until the reviews are done (selectors.contract_actions).
        ensure_may_attach(request.user, contract)
        if upload is None:
            messages.error(request, _("Choose a file to upload."))
        else:
            att = contract_attachment_add(contract_id=contract.pk, actor=request.user,
                                          upload=upload)
            messages.success(request, _("Attached %(name)s.") % {"name": att.original_name})
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    return redirect("contracts:contract", contract_id=contract.pk)


@login_required
def attachment_download(request, contract_id, token):
    # The contract's own visibility rule (legal, finance and sign-off read every contract),
    # not only the request's.
    contract = contract_or_404(request.user, contract_id)
    req = contract_request(contract)
    if req is None:
        raise Http404
    att = get_object_or_404(engine.Attachment, token=token, request=req)
    try:
        return engine.attachment_download(att)
    except ApprovalError:
        raise Http404 from None
