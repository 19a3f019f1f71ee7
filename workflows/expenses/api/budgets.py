"""Budgets: list, prepare, revise, submit, versions and diff, and a suggested split."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.filters import OrderingFilter
from core.api.idempotency import idempotent
from core.api.serializers import ACTION_ERRORS, ERRORS, ErrorSerializer, SubmitSerializer, submit_cc
from core.api.tasks import IDEMPOTENCY_HEADER
from core.audit import selectors as audit

from .. import selectors, services
from ..models import MONTHS, QUARTERS, Budget, BudgetState
from ..rules import even_split, shaped_split
from . import budget_serializers as s
from .common import visible_budget, visible_budgets

TAGS = ["expenses: budgets"]
DIFF_FIELDS = ["total", *[f"q{q}" for q in QUARTERS], *[f"m{m}" for m in MONTHS]]


def budget_detail(user, pk: int) -> dict:
    budget = visible_budget(user, pk)
    versions = list(Budget.objects.filter(
        fiscal_year=budget.fiscal_year, department_id=budget.department_id,
        category=budget.category, region_id=budget.region_id,
    ).order_by("version"))
    previous = next((v for v in versions if v.pk == budget.previous_id), None)
    budget.versions = versions
    budget.diff_to_previous = {
        f: [str(getattr(previous, f)), str(getattr(budget, f))]
        for f in DIFF_FIELDS
        if previous is not None and getattr(previous, f) != getattr(budget, f)
    }
    budget.history = list(audit.timeline(budget.audit_kind, budget.pk))
    actions = selectors.budget_actions(user, budget)
    budget.available_actions = [a for a in selectors.BUDGET_ACTIONS if a in actions]
    return s.BudgetDetailSerializer(budget).data


@extend_schema(tags=TAGS)
class BudgetListView(ListAPIView):
    """Finance, the sales GM, the CEO, auditors and administrators see every budget; a regional
    manager their own department's; anyone else an empty list."""

    serializer_class = s.BudgetSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["fiscal_year", "version", "total", "number", "in_force_at", "category"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Budget.objects.none()
        params = s.BudgetQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        qs = visible_budgets(self.request.user)
        if "fiscal_year" in p:
            qs = qs.filter(fiscal_year=p["fiscal_year"])
        if "department" in p:
            qs = qs.filter(department=p["department"])
        if "region" in p:
            qs = qs.filter(region=p["region"])
        if "category" in p:
            qs = qs.filter(category=p["category"])
        if "state" in p:
            qs = qs.filter(state=p["state"])
        return qs.select_related("department", "region", "owner", "prepared_by").order_by(
            "-fiscal_year", "department__code", "category", "region__code", "-version", "pk")

    @extend_schema(parameters=[s.BudgetQuerySerializer],
                   responses={200: s.BudgetSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Prepare a budget (finance); quarters add up to the total, months to quarters",
        request=s.BudgetCreateSerializer, parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.BudgetDetailSerializer, **ERRORS, 409: ErrorSerializer,
                   422: ErrorSerializer},
    )
    @idempotent
    def post(self, request):
        parsed = s.BudgetCreateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        budget = services.budget_create(
            actor=request.user, fiscal_year=d["fiscal_year"], department=d["department"],
            category=d["category"], total=d["total"], quarters=d["quarters"],
            months=d["months"], owner=d["owner"], region=d["region"],
        )
        return Response(budget_detail(request.user, budget.pk), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, summary="One budget version with all versions and the change",
               responses={200: s.BudgetDetailSerializer, **ERRORS, 404: ErrorSerializer})
class BudgetDetailView(APIView):
    def get(self, request, pk: int):
        return Response(budget_detail(request.user, pk))


@extend_schema(
    tags=TAGS, summary="Adjust the budget in force: drafts the next version (finance)",
    request=s.BudgetReviseSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={201: s.BudgetDetailSerializer, **ACTION_ERRORS},
)
class BudgetReviseView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_budget(request.user, pk)
        parsed = s.BudgetReviseSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        nxt = services.budget_revise(budget_id=pk, actor=request.user, total=d["total"],
                                     quarters=d["quarters"], months=d["months"],
                                     reason=d["reason"])
        return Response(budget_detail(request.user, nxt.pk), status=status.HTTP_201_CREATED)


@extend_schema(
    tags=TAGS, summary="Submit a draft budget for approval (who prepared it)",
    request=SubmitSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.BudgetDetailSerializer, **ACTION_ERRORS},
)
class BudgetSubmitView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_budget(request.user, pk)
        services.budget_submit(budget_id=pk, actor=request.user, cc=submit_cc(request))
        return Response(budget_detail(request.user, pk))


@extend_schema(
    tags=TAGS, summary="Suggest quarters and months for a total",
    parameters=[s.SplitQuerySerializer], responses={200: s.SplitSerializer, **ERRORS},
)
class BudgetSplitView(APIView):
    """`even`: twelve equal months; `last_year`: months shaped like last year's budget in force
    for that department and category, or even when there is none you may see."""

    def get(self, request):
        params = s.SplitQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        basis = None
        if p["mode"] == s.SPLIT_LAST_YEAR:
            basis = visible_budgets(request.user).filter(
                fiscal_year=p["fiscal_year"] - 1, department=p["department"],
                category=p["category"], state=BudgetState.IN_FORCE,
            ).first()
        if basis is not None and basis.total > 0:
            quarters, months = shaped_split(p["total"], basis.months())
            mode = s.SPLIT_LAST_YEAR
        else:
            quarters, months = even_split(p["total"])
            basis, mode = None, s.SPLIT_EVEN
        return Response(s.SplitSerializer({
            "total": p["total"], "mode": mode, "based_on": basis.pk if basis else None,
            "quarters": quarters, "months": months,
        }).data)
