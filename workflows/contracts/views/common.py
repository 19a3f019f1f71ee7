"""What the contract pages share: 404 for what a user may not see, the subnav, the credit
position, service errors put next to their fields."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from core import engine
from core.exceptions import ApprovalError
from core.org import selectors as org
from core.org.models import Role

from .. import selectors
from ..models import Contract, Customer
from ..rules import TERMS_BY_RATING, CreditCheck, credit_check
from ..steps import KIND

PAGE_SIZE = 25


def page_of(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def stats_url() -> str:
    """The statistics page belongs to another part of the app: link to it once it exists."""
    try:
        return reverse("contract-stats:statistics")
    except NoReverseMatch:
        return ""


def nav_context(user, tab: str = "") -> dict:
    """What contracts/_subnav.html needs; a page of another module that includes the subnav
    (e.g. statistics, with tab="stats") adds this to its context."""
    return {"tab": tab, "read_only": org.is_read_only(user),
            "is_finance": org.has_role(user, Role.FINANCE), "stats_url": stats_url()}


def render_page(request, template: str, context: dict, *, tab: str = "", status: int = 200):
    return render(request, template, {**context, **nav_context(request.user, tab)},
                  status=status)


def refuse_read_only(request, to: str, *args):
    """Auditors change nothing: a write page sends them back with a message."""
    if org.is_read_only(request.user):
        messages.error(request, _("Auditors can read everything and change nothing."))
        return redirect(to, *args)
    return None


def check_id(pk: int) -> int:
    """URL ids beyond a database integer are 404, not a database error."""
    if not 0 < pk < 2**63:
        raise Http404
    return pk


def contract_or_404(user, contract_id: int) -> Contract:
    contract = selectors.visible_contract(user, contract_id)
    if contract is None:
        raise Http404
    return contract


def customer_or_404(user, customer_id: int) -> Customer:
    customer = selectors.visible_customer(user, customer_id)
    if customer is None:
        raise Http404
    return customer


def contract_request(contract: Contract) -> engine.Request | None:
    return engine.request_for(KIND, contract.pk)


def task_for(user, req: engine.Request | None) -> engine.WorkItem | None:
    """The open task on this request that the user holds, acts for, or may claim."""
    if req is None:
        return None
    return engine.open_items(req).filter(
        engine.acting_q(user, "assignee_id")
        | Q(assignee__isnull=True, candidate__user_id=user.pk, candidate__open=True)
    ).order_by("pk").first()


def apply_errors(exc: ApprovalError, form) -> list[str]:
    """Put the service's field errors next to their fields; return the others."""
    other = []
    for key, value in (exc.fields or {}).items():
        msgs = [str(m) for m in (value if isinstance(value, list | tuple) else [value])]
        if form is not None and key in form.fields:
            form.add_error(key, msgs)
        else:
            other.extend(msgs)
    return other


def credit_position(customer: Customer | None, *, value=None, terms=None) -> dict | None:
    """The customer's credit as it stands, and the check a contract of this value and these
    payment terms would meet on submission (policy 4.4)."""
    if customer is None:
        return None
    check = None
    if value is not None and terms is not None:
        check = credit_check(value=value, open_receivables=customer.open_receivables,
                             credit_limit=customer.credit_limit, payment_terms=terms,
                             rating=customer.rating)
    return {"customer": customer, "limit": customer.credit_limit,
            "open": customer.open_receivables,
            "headroom": customer.credit_limit - customer.open_receivables,
            "allowed_terms": TERMS_BY_RATING.get(customer.rating, 0), "check": check}


def stored_check(contract: Contract) -> CreditCheck | None:
    """The check recorded at submission (finance's review records it again)."""
    data = contract.credit_check or {}
    try:
        return CreditCheck(value=Decimal(data["value"]),
                           open_receivables=Decimal(data["open_receivables"]),
                           credit_limit=Decimal(data["credit_limit"]),
                           payment_terms=int(data["payment_terms"]),
                           allowed_terms=int(data["allowed_terms"]))
    except (KeyError, TypeError, ValueError, InvalidOperation):
        return None
