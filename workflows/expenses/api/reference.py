"""Reimbursement standards (for everyone) and the budget monitor (for budget readers)."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.serializers import ERRORS
from core.exceptions import PermissionDeniedError
from core.org.models import Department

from ..models import MONTHS, QUARTERS, BudgetBalance, Category, ReimbursementStandard
from ..selectors import budget_scope
from . import budget_serializers as b
from . import serializers as s

ZERO = Decimal("0.00")
PERIODS = [f"M{m:02d}" for m in MONTHS] + [f"Q{q}" for q in QUARTERS]


@extend_schema(tags=["expenses: standards"],
               responses={200: s.StandardSerializer(many=True), **ERRORS})
class StandardListView(ListAPIView):
    """The caps per night, day, guest or trip, by item, city tier and grade (policy 7.3)."""

    serializer_class = s.StandardSerializer
    filter_backends: list = []

    def get_queryset(self):
        return ReimbursementStandard.objects.order_by("item_type", "city_tier", "min_grade", "pk")


def _period(row: BudgetBalance | None, code: str) -> dict:
    if row is None:
        row = BudgetBalance(period=code, budget=ZERO, reserved=ZERO, spent=ZERO)
    pct = row.used_pct
    warning = "100" if pct >= 100 else "80" if pct >= 80 else ""
    return {"period": code, "budget": row.budget, "reserved": row.reserved, "spent": row.spent,
            "remaining": row.remaining, "used_pct": f"{pct:.1f}", "warning": warning}


@extend_schema(
    tags=["expenses: budgets"], summary="Budget use per category, month and quarter",
    parameters=[b.MonitorQuerySerializer], responses={200: b.MonitorSerializer, **ERRORS},
)
class MonitorView(APIView):
    """Budget, reserved, spent and remaining for each month (M01..M12) and quarter (Q1..Q4) of
    the budget lines with a ledger. Finance, the sales GM, the CEO, auditors and administrators
    see every department; a regional manager only their own (another is 403); anyone else is
    refused with 403 `permission_denied` rather than shown an empty monitor."""

    def get(self, request):
        params = b.MonitorQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        department = p.get("department")
        scope = budget_scope(request.user)
        if not scope.everything:
            own = scope.department_id
            if own is None or (department is not None and department.pk != own):
                raise PermissionDeniedError(
                    _("The budget monitor is for finance, management and a department's "
                      "regional managers."))
            department = Department.objects.get(pk=own)
        year = p.get("fiscal_year") or timezone.localdate().year
        rows = BudgetBalance.objects.filter(fiscal_year=year, period__in=PERIODS)
        if department is not None:
            rows = rows.filter(department=department)
        if "category" in p:
            rows = rows.filter(category=p["category"])
        grouped: dict[tuple[int, str], dict[str, BudgetBalance]] = {}
        departments: dict[int, Department] = {}
        for row in rows.select_related("department"):
            grouped.setdefault((row.department_id, row.category), {})[row.period] = row
            departments[row.department_id] = row.department
        order = {c: i for i, c in enumerate(Category.values)}
        lines = [
            {
                "department": departments[dept_id],
                "category": category,
                "months": [_period(periods.get(code), code) for code in PERIODS[:12]],
                "quarters": [_period(periods.get(code), code) for code in PERIODS[12:]],
            }
            for (dept_id, category), periods in sorted(
                grouped.items(),
                key=lambda kv: (departments[kv[0][0]].code, order.get(kv[0][1], 99)))
        ]
        return Response(b.MonitorSerializer({"fiscal_year": year, "lines": lines}).data)
