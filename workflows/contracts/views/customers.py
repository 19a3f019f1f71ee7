"""Customers (master data, credit rating and limit, open receivables) and credit limit changes,
which finance decides (policy 4.4)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import ApprovalError
from core.money import fmt
from core.org import selectors as org
from core.org.models import Role

from .. import selectors, services
from ..forms import (
    CustomerFilterForm,
    CustomerForm,
    InteractionForm,
    LimitDecideForm,
    LimitRequestForm,
)
from ..models import ContractState, CreditLimitChange
from .common import (
    apply_errors,
    check_id,
    credit_position,
    customer_or_404,
    page_of,
    refuse_read_only,
    render_page,
)

PENDING = CreditLimitChange.State.PENDING


@login_required
def customer_list(request):
    form = CustomerFilterForm(request.GET or None)
    qs = selectors.visible_customers(request.user)
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        if d["region"]:
            qs = qs.filter(region=d["region"])
        if d["rating"]:
            qs = qs.filter(rating=d["rating"])
        if d["value_class"]:
            qs = qs.filter(value_class=d["value_class"])
        if d["q"].strip():
            text = d["q"].strip()
            qs = qs.filter(Q(name__icontains=text) | Q(credit_code__istartswith=text))
    qs = qs.annotate(
        alert_count=Count("alerts"),
        pending=Exists(CreditLimitChange.objects.filter(customer=OuterRef("pk"), state=PENDING)),
    ).order_by("name", "pk")
    return render_page(request, "contracts/customers.html", {
        "page": page_of(request, qs), "form": form,
    }, tab="customers")


def _customer_context(request, customer, *, limit_form=None, interaction_form=None) -> dict:
    user = request.user
    contracts = list(selectors.visible_contracts(user).filter(customer=customer).exclude(
        state=ContractState.SUPERSEDED).order_by("-created", "-pk"))
    pending = customer.limit_changes.filter(state=PENDING).select_related("requested_by").first()
    read_only = org.is_read_only(user)
    return {
        "customer": customer, "position": credit_position(customer),
        "contracts": contracts, "visible_ids": {c.pk for c in contracts},
        "alerts": customer.alerts.select_related("milestone", "milestone__contract")
        .order_by("-created"),
        "pending": pending,
        "history": customer.limit_changes.exclude(state=PENDING)
        .select_related("requested_by", "decided_by").order_by("-created", "-pk"),
        "can_request": not read_only and pending is None,
        "limit_form": limit_form or LimitRequestForm(
            initial={"new_limit": customer.credit_limit}),
        "can_decide": pending is not None and org.has_role(user, Role.FINANCE)
        and not read_only and pending.requested_by_id != user.pk,
        "decide_form": LimitDecideForm(),
        "class_history": customer.class_changes.order_by("-month", "-pk")[:24],
        "interactions": customer.interactions.select_related("by").order_by("-date", "-pk"),
        "can_log": not read_only,
        "interaction_form": interaction_form or InteractionForm(),
    }


@login_required
def customer_detail(request, customer_id):
    customer = customer_or_404(request.user, customer_id)
    return render_page(request, "contracts/customer.html",
                       _customer_context(request, customer), tab="customers")


@login_required
def customer_new(request):
    user = request.user
    if refused := refuse_read_only(request, "contracts:customers"):
        return refused
    may_rate = org.has_role(user, Role.FINANCE, Role.ADMINISTRATOR)
    if request.method != "POST":
        return render_page(request, "contracts/customer_form.html", {
            "form": CustomerForm(initial={"region": user.region_id}, may_rate=may_rate),
        }, tab="customers")
    form = CustomerForm(request.POST, may_rate=may_rate)
    status, other = 400, []
    if form.is_valid():
        d = form.cleaned_data
        try:
            customer = services.customer_create(
                actor=user, name=d["name"], credit_code=d["credit_code"], region=d["region"],
                account_owner=d["account_owner"] or user, rating=d["rating"],
                contacts=d["contacts"])
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            other, status = apply_errors(exc, form), exc.status
        else:
            messages.success(request, _("Customer %(name)s added. Its credit limit is 0 until "
                                        "finance approves a limit.") % {"name": customer.name})
            return redirect("contracts:customer", customer_id=customer.pk)
    else:
        messages.error(request, _("Please correct the errors below."))
    return render_page(request, "contracts/customer_form.html", {
        "form": form, "other_errors": other}, tab="customers", status=status)


@login_required
@require_POST
def limit_request(request, customer_id):
    customer = customer_or_404(request.user, customer_id)
    form = LimitRequestForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            services.credit_limit_request(customer_id=customer.pk, actor=request.user,
                                          **form.cleaned_data)
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            for msg in apply_errors(exc, form):
                form.add_error(None, msg)
            status = exc.status
        else:
            messages.success(request, _("Limit change requested: finance decides it."))
            return redirect("contracts:customer", customer_id=customer.pk)
    else:
        messages.error(request, _("Please correct the errors below."))
    customer = customer_or_404(request.user, customer.pk)
    return render_page(request, "contracts/customer.html",
                       _customer_context(request, customer, limit_form=form),
                       tab="customers", status=status)


@login_required
@require_POST
def interaction_add(request, customer_id):
    """Log a visit, call, complaint or note (anyone who may see the customer)."""
    customer = customer_or_404(request.user, check_id(customer_id))
    form = InteractionForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            services.interaction_add(customer_id=customer.pk, actor=request.user,
                                     **form.cleaned_data)
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
            for msg in apply_errors(exc, form):
                form.add_error(None, msg)
            status = exc.status
        else:
            messages.success(request, _("Interaction logged."))
            return redirect(reverse("contracts:customer", args=[customer.pk]) + "#interactions")
    else:
        messages.error(request, _("Please correct the errors below."))
    return render_page(request, "contracts/customer.html",
                       _customer_context(request, customer, interaction_form=form),
                       tab="customers", status=status)


def _finance_or_404(user):
    if not org.has_role(user, Role.FINANCE):
        raise Http404


@login_required
def limit_changes(request):
    """Finance's list of limit changes waiting for a decision."""
    _finance_or_404(request.user)
    qs = selectors.pending_limit_changes(request.user).order_by("created", "pk")
    return render_page(request, "contracts/limit_changes.html", {
        "page": page_of(request, qs), "decide_form": LimitDecideForm(),
    }, tab="limits")


@login_required
@require_POST
def limit_decide(request, change_id):
    _finance_or_404(request.user)
    change = CreditLimitChange.objects.filter(pk=check_id(change_id)).select_related(
        "customer").first()
    if change is None or selectors.visible_customer(request.user, change.customer_id) is None:
        raise Http404
    approve = request.POST.get("decision") == "approve"
    form = LimitDecideForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        services.credit_limit_decide(change_id=change.pk, actor=request.user, approve=approve,
                                     comment=comment)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, (_("Approved: the credit limit of %(name)s is now %(limit)s.")
                                   if approve else
                                   _("Refused: the credit limit of %(name)s stays %(limit)s."))
                         % {"name": change.customer.name,
                            "limit": fmt(change.new_limit if approve
                                         else change.customer.credit_limit)})
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return redirect(target)
    return redirect("contracts:limit-changes")
