"""Expense claims: list, create, detail, edit, submit, reduce a line (API.md "Processes")."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.filters import OrderingFilter
from core.api.idempotency import idempotent
from core.api.serializers import (
    ACTION_ERRORS,
    ERRORS,
    MAX_ID,
    ErrorSerializer,
    SubmitSerializer,
    submit_cc,
)
from core.api.tasks import IDEMPOTENCY_HEADER
from core.audit import selectors as audit
from core.exceptions import NotFoundError

from .. import selectors, services
from ..models import ExpenseClaim
from ..services import ledger, vouchers
from . import serializers as s
from .common import visible_claim, visible_claims, with_claim_facts

TAGS = ["expenses: claims"]


def claim_detail(user, pk: int) -> dict:
    claim = visible_claim(user, pk)
    claim.remaining_budget = ledger.remaining(claim.expense_date.year, claim.department_id,
                                              claim.category, claim.month)
    claim.history = list(audit.timeline(claim.audit_kind, claim.pk))
    actions = selectors.claim_actions(user, claim)
    claim.available_actions = [a for a in selectors.CLAIM_ACTIONS if a in actions]
    claim.vouchers = vouchers.line_vouchers(claim)
    return s.ClaimDetailSerializer(claim).data


def _lines(data: list[dict] | None) -> list[dict] | None:
    # The service reads plain values; dates and amounts arrive parsed.
    return None if data is None else [dict(line) for line in data]


@extend_schema(tags=TAGS)
class ClaimListView(ListAPIView):
    """Claims the user may see (their requests' claims; finance, auditors and administrators see
    all), newest first."""

    serializer_class = s.ClaimSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["created", "expense_date", "submitted_at", "total", "number", "state"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ExpenseClaim.objects.none()
        params = s.ClaimQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        qs = visible_claims(self.request.user)
        if p["mine"]:
            qs = qs.filter(submitter=self.request.user)
        if "state" in p:
            qs = qs.filter(state=p["state"])
        if "category" in p:
            qs = qs.filter(category=p["category"])
        if "submitter" in p:
            qs = qs.filter(submitter_id=p["submitter"])
        if "month" in p:
            start, end = p["month"]
            qs = qs.filter(expense_date__gte=start, expense_date__lt=end)
        return with_claim_facts(qs).order_by("-created", "-pk")

    @extend_schema(parameters=[s.ClaimQuerySerializer],
                   responses={200: s.ClaimSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Draft a claim (submit it with /submit/)", request=s.ClaimCreateSerializer,
        parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.ClaimDetailSerializer, **ERRORS, 409: ErrorSerializer,
                   422: ErrorSerializer},
        examples=[
            OpenApiExample("A two-line travel claim", request_only=True, value={
                "category": "travel", "title": "杭州客户拜访", "purpose": "季度回访",
                "expense_date": "2026-03-02",
                "lines": [
                    {"date": "2026-03-02", "item_type": "transport",
                     "description": "高铁 上海-杭州", "amount": "500.00"},
                    {"date": "2026-03-02", "item_type": "hotel", "city_tier": "tier1",
                     "units": 1, "description": "酒店一晚", "amount": "360.00"},
                ]}),
            OpenApiExample("A line without an amount", response_only=True, status_codes=["400"],
                           value={"detail": "Some fields are not valid.", "code": "invalid",
                                  "fields": {"lines.0.amount": ["This field is required."]}}),
        ],
    )
    @idempotent
    def post(self, request):
        parsed = s.ClaimCreateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        claim = services.claim_create(
            actor=request.user, category=d["category"], title=d["title"],
            expense_date=d["expense_date"], lines=_lines(d["lines"]), purpose=d["purpose"],
            hold_id=d.get("hold"),
        )
        return Response(claim_detail(request.user, claim.pk), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class ClaimDetailView(APIView):
    @extend_schema(summary="One claim with its remaining budget and its history",
                   responses={200: s.ClaimDetailSerializer, **ERRORS, 404: ErrorSerializer})
    def get(self, request, pk: int):
        return Response(claim_detail(request.user, pk))

    @extend_schema(
        summary="Edit a draft or a returned claim (the submitter)",
        request=s.ClaimUpdateSerializer,
        responses={200: s.ClaimDetailSerializer, **ERRORS, 404: ErrorSerializer,
                   409: ErrorSerializer},
    )
    def patch(self, request, pk: int):
        visible_claim(request.user, pk)
        parsed = s.ClaimUpdateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        fields = dict(parsed.validated_data)
        lines = _lines(fields.pop("lines", None))
        if "hold" in fields:
            fields["hold_id"] = fields.pop("hold")
        services.claim_update(claim_id=pk, actor=request.user, lines=lines, **fields)
        return Response(claim_detail(request.user, pk))


@extend_schema(
    tags=TAGS, summary="Submit: checks standards, reserves the budget, starts the approval",
    request=SubmitSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.ClaimDetailSerializer, **ACTION_ERRORS},
)
class ClaimSubmitView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_claim(request.user, pk)
        services.claim_submit(claim_id=pk, actor=request.user, cc=submit_cc(request))
        return Response(claim_detail(request.user, pk))


@extend_schema(
    tags=TAGS, summary="Reduce a line during the voucher review (finance)",
    request=s.ReduceSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.ClaimDetailSerializer, **ACTION_ERRORS},
)
class ClaimLineReduceView(APIView):
    @idempotent
    def post(self, request, pk: int, line_id: int):
        claim = visible_claim(request.user, pk)
        if line_id > MAX_ID or not claim.lines.filter(pk=line_id).exists():
            raise NotFoundError(_("This claim has no such line."))
        parsed = s.ReduceSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        services.claim_reduce_line(line_id=line_id, actor=request.user,
                                   amount=parsed.validated_data["amount"],
                                   reason=parsed.validated_data["reason"])
        return Response(claim_detail(request.user, pk))
