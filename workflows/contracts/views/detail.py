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

from core.audit import selectors as audit_selectors
from core.exceptions import ApprovalError
from core.inbox import attachments
from core.inbox import selectors as inbox_selectors
from core.inbox.models import Attachment
from core.money import fmt
from core.org import selectors as org
from core.org.models import Role

from .. import selectors
from ..forms import MilestoneDoneForm, MilestoneForm, ProblemForm, ResolveForm, ResubmitForm
from ..models import Contract, ContractState
from ..services.contracts import EDITABLE, version_diff
from .common import (
    EDITABLE_STATES,
    UPLOAD_STATES,
    contract_or_404,
    contract_request,
    credit_position,
    render_page,
    stored_check,
    task_for,
)
from .contracts import amendment_under_way

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
    return not org.is_read_only(user) and (
        contract.owner_id == user.pk or org.has_role(user, Role.FINANCE, Role.SALES_GM))


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
    req_visible = req is not None and inbox_selectors.visible_requests(user).filter(
        pk=req.pk).exists()
    versions = selectors.versions_of(contract)
    against = _compared(request, contract, versions)
    signed = contract.state == ContractState.SIGNED
    manage = may_manage(user, contract)
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
        "can_upload": req is not None and contract.state in UPLOAD_STATES and not read_only
        and (is_owner or my_task is not None),
        "max_files": attachments.MAX_PER_REQUEST,
        "versions": versions, "against": against,
        "diff": diff_rows(against, contract) if against else [],
        "is_owner": is_owner,
        "can_edit": is_owner and contract.state in EDITABLE_STATES,
        "can_submit": is_owner and contract.state == ContractState.DRAFT,
        "can_resubmit": is_owner and contract.state == ContractState.RETURNED,
        "resubmit_form": ResubmitForm(),
        "under_way": amendment_under_way(contract) if signed else None,
        "executed": contract.state in EXECUTED,
        "can_manage": manage and signed,
        "milestones": _milestones(contract, forms, manage),
        "milestone_form": forms.get("milestone") or MilestoneForm(prefix="milestone"),
        "problems": _problems(user, contract, forms),
        "can_raise": signed and not read_only,
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
    req = contract_request(contract)
    upload = request.FILES.get("file")
    if org.is_read_only(request.user):
        messages.error(request, _("Auditors can read everything and change nothing."))
    elif req is None or contract.state not in UPLOAD_STATES:
        messages.error(request, _("Documents can be added until the reviews are done."))
    elif contract.owner_id != request.user.pk and task_for(request.user, req) is None:
        messages.error(request, _("The owner and the reviewers add documents."))
    elif upload is None:
        messages.error(request, _("Choose a file to upload."))
    else:
        try:
            attachments.attachment_add(request_id=req.pk, actor=request.user, upload=upload)
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Attached %(name)s.") % {
                "name": attachments.safe_name(upload.name)})
    return redirect("contracts:contract", contract_id=contract.pk)


@login_required
def attachment_download(request, contract_id, token):
    # The contract's own visibility rule (legal, finance and sign-off read every contract),
    # not only the request's.
    contract = contract_or_404(request.user, contract_id)
    req = contract_request(contract)
    if req is None:
        raise Http404
    att = get_object_or_404(Attachment, token=token, request=req)
    try:
        return attachments.download_response(att)
    except ApprovalError:
        raise Http404 from None
