"""After signing (policy 4.4): milestones kept by the owner, finance and the sales GM, and
execution problems raised and resolved. Each action is a POST; a refusal shows the contract
page again with what was typed kept."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import ApprovalError

from .. import services
from ..forms import MilestoneDoneForm, MilestoneForm, ProblemForm, ResolveForm
from .common import apply_errors, check_id, contract_or_404
from .detail import render_contract


def _run(request, contract, form, key, action, success: str):
    """Validate the form, call the service, say what happened; or show the page again."""
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return render_contract(request, contract, forms={key: form}, status=400)
    try:
        action(form.cleaned_data)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        for msg in apply_errors(exc, form):
            form.add_error(None, msg)
        return render_contract(request, contract, forms={key: form}, status=exc.status)
    messages.success(request, success)
    return redirect("contracts:contract", contract_id=contract.pk)


@login_required
@require_POST
def milestone_add(request, contract_id):
    contract = contract_or_404(request.user, contract_id)
    form = MilestoneForm(request.POST, prefix="milestone")
    return _run(request, contract, form, "milestone", lambda d: services.milestone_add(
        contract_id=contract.pk, actor=request.user, **d), _("Milestone added."))


@login_required
@require_POST
def milestone_done(request, contract_id, milestone_id):
    contract = contract_or_404(request.user, contract_id)
    milestone = get_object_or_404(contract.milestones, pk=check_id(milestone_id))
    form = MilestoneDoneForm(request.POST, prefix=f"done-{milestone.pk}")
    return _run(request, contract, form, ("done", milestone.pk),
                lambda d: services.milestone_done(milestone_id=milestone.pk, actor=request.user,
                                                  done_date=d["done_date"]),
                _("%(kind)s marked done.") % {"kind": milestone.get_kind_display()})


@login_required
@require_POST
def problem_raise(request, contract_id):
    contract = contract_or_404(request.user, contract_id)
    form = ProblemForm(request.POST, prefix="problem")
    return _run(request, contract, form, "problem", lambda d: services.problem_raise(
        contract_id=contract.pk, actor=request.user, **d),
        _("Problem recorded and assigned."))


@login_required
@require_POST
def problem_resolve(request, contract_id, problem_id):
    contract = contract_or_404(request.user, contract_id)
    problem = get_object_or_404(contract.problems, pk=check_id(problem_id))
    form = ResolveForm(request.POST, prefix=f"resolve-{problem.pk}")
    return _run(request, contract, form, ("resolve", problem.pk),
                lambda d: services.problem_resolve(problem_id=problem.pk, actor=request.user,
                                                   resolution=d["resolution"]),
                _("Problem resolved."))
