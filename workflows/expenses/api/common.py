"""The expenses API's reads of what each user may see (the selectors decide, for the pages
too) and the parsing shared by the views."""

from decimal import Decimal

from django.db.models import QuerySet, Subquery

from core import engine
from core.api.serializers import MAX_ID
from core.exceptions import NotFoundError
from core.money import to_money
from core.org.models import User

from ..models import Budget, ExpenseClaim
from ..selectors import visible_budgets, visible_claims  # noqa: F401  (the one rule, for views)
from ..steps import CLAIM_KIND

# MoneyField holds 14 digits, 12 before the point: bigger amounts are refused as input rather
# than overflowing the column (a 500 on PostgreSQL).
AMOUNT_LIMIT = Decimal("1000000000000")
# A claim has at most 50 lines (services.claims.MAX_LINES); lines stay below this so that their
# sum still fits the claim's total.
LINE_LIMIT = Decimal("10000000000")


def with_claim_facts(qs: QuerySet[ExpenseClaim]) -> QuerySet[ExpenseClaim]:
    """Everything the claim serializer reads, in a constant number of queries."""
    request_pk = engine.request_id_of(CLAIM_KIND)
    return qs.select_related("submitter").prefetch_related("lines").annotate(
        request_pk=Subquery(request_pk.values("pk")[:1])
    )


def visible_claim(user: User, pk: int) -> ExpenseClaim:
    claim = (
        with_claim_facts(visible_claims(user).filter(pk=pk)).first() if 0 < pk <= MAX_ID
        else None
    )
    if claim is None:
        raise NotFoundError()
    return claim


def visible_budget(user: User, pk: int) -> Budget:
    budget = (
        visible_budgets(user).select_related("department", "owner", "prepared_by")
        .filter(pk=pk).first() if 0 < pk <= MAX_ID else None
    )
    if budget is None:
        raise NotFoundError()
    return budget


def parse_amount(value) -> Decimal:
    """A two-place Decimal from a JSON string or number; ValueError for anything else or an
    amount the money columns cannot hold."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise ValueError(value)
    try:
        amount = to_money(value)
    except (ValueError, ArithmeticError):  # "1e99" fails in quantize with InvalidOperation
        raise ValueError(value) from None
    if abs(amount) >= AMOUNT_LIMIT:
        raise ValueError(value)
    return amount
