"""The risk register: list with filters, identify, detail, (re-)assess, submit the plan, close,
the heat map and the escalation summary (API.md "Processes")."""

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
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
from core.exceptions import InvalidInputError, PermissionDeniedError
from workflows.contracts.selectors import visible_contract, visible_customer

from .. import selectors, services
from ..models import Risk
from ..selectors import OPEN_FILTER
from . import serializers as s
from .common import available_actions, filters_from, visible_risk, with_risk_facts

TAGS = ["risks: register"]


def prepare_detail(user, risk: Risk) -> Risk:
    today = timezone.localdate()
    risk.request_obj = selectors.risk_request(risk)
    risk.available_actions = available_actions(risk, user)
    risk.open_task = selectors.open_approval(risk)
    risk.assessment_rows = list(risk.assessments.select_related("assessed_by"))
    risk.measure_rows = list(risk.measures.select_related("owner"))
    for m in risk.measure_rows:
        m.overdue = m.overdue_on(today)
    risk.review_rows = list(risk.reviews.select_related("assignee", "done_by"))
    risk.escalation_rows = list(risk.escalations.all())
    risk.history = list(audit.timeline(risk.audit_kind, risk.pk))
    return risk


def risk_detail(user, pk: int) -> dict:
    return s.RiskDetailSerializer(prepare_detail(user, visible_risk(user, pk))).data


def _linked(user, data: dict) -> dict:
    """Customer and contract by id, each only if the user may see it (else 400, no leak)."""
    found, errors = {}, {}
    for name, lookup in (("customer", visible_customer), ("contract", visible_contract)):
        pk = data.get(name)
        if pk is None:
            found[name] = None
            continue
        found[name] = lookup(user, pk)
        if found[name] is None:
            errors[name] = [_("No %(what)s with this id that you may see.") % {"what": name}]
    if errors:
        raise InvalidInputError(_("Some fields are not valid."), fields=errors)
    return found


@extend_schema(tags=TAGS)
class RiskListView(ListAPIView):
    """Risks the user may see: the owner, the risk region's manager, the sales GM, the CEO,
    auditors and administrators; also whoever holds one of its measures or acts on its
    approvals."""

    serializer_class = s.RiskSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["created", "score", "number", "state", "level", "assessed_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Risk.objects.none()
        params = s.RiskQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        qs = selectors.filtered(selectors.visible_risks(self.request.user),
                                filters_from(params.validated_data))
        return with_risk_facts(qs).order_by("-created", "-pk")

    @extend_schema(summary="The risk register, filtered", parameters=[s.RiskQuerySerializer],
                   responses={200: s.RiskSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Identify a risk (assessed at once when likelihood and impact are given)",
        request=s.RiskCreateSerializer, parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.RiskDetailSerializer, **ERRORS, 409: ErrorSerializer,
                   422: ErrorSerializer},
    )
    @idempotent
    def post(self, request):
        parsed = s.RiskCreateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        risk = services.risk_create(
            actor=request.user, type=d["type"], title=d["title"], description=d["description"],
            region=d.get("region"), owner=d.get("owner"), likelihood=d.get("likelihood"),
            impact=d.get("impact"), comment=d["comment"], **_linked(request.user, d))
        return Response(risk_detail(request.user, risk.pk), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class RiskDetailView(APIView):
    @extend_schema(summary="One risk with its assessments, measures, reviews, escalations, "
                   "open approval and history",
                   responses={200: s.RiskDetailSerializer, **ERRORS, 404: ErrorSerializer})
    def get(self, request, pk: int):
        return Response(risk_detail(request.user, pk))


@extend_schema(
    tags=TAGS, summary="(Re-)assess: likelihood and impact 1–5; high tells the sales GM and "
    "critical the CEO at once; a raised level moves an open approval up",
    request=s.RiskAssessSerializer, responses={200: s.RiskDetailSerializer, **ACTION_ERRORS},
)
class RiskAssessView(APIView):
    def post(self, request, pk: int):
        visible_risk(request.user, pk)
        parsed = s.RiskAssessSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        services.risk_assess(risk_id=pk, actor=request.user, likelihood=d["likelihood"],
                             impact=d["impact"], comment=d["comment"])
        return Response(risk_detail(request.user, pk))


@extend_schema(
    tags=TAGS, summary="Submit the response plan (the owner): to the level's approver, or in "
    "force at once for a low risk", request=SubmitSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.RiskDetailSerializer, **ACTION_ERRORS},
)
class RiskSubmitView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_risk(request.user, pk)
        services.plan_submit(risk_id=pk, actor=request.user, cc=submit_cc(request))
        return Response(risk_detail(request.user, pk))


@extend_schema(
    tags=TAGS, summary="Close a monitored risk: low and medium at once; high and critical go "
    "to the sales GM or the CEO for approval", request=s.RiskCloseSerializer,
    parameters=[IDEMPOTENCY_HEADER], responses={200: s.RiskDetailSerializer, **ACTION_ERRORS},
)
class RiskCloseView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_risk(request.user, pk)
        parsed = s.RiskCloseSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        services.risk_close(risk_id=pk, actor=request.user,
                            reason=parsed.validated_data["reason"])
        return Response(risk_detail(request.user, pk))


@extend_schema(tags=["risks: heat map"])
class HeatmapView(APIView):
    @extend_schema(
        summary="Open risks per likelihood × impact cell (5 × 5), with the register's filters",
        parameters=[s.RiskQuerySerializer], responses={200: s.RiskHeatmapSerializer, **ERRORS})
    def get(self, request):
        params = s.RiskQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        f = filters_from(params.validated_data)
        rows = selectors.heatmap(request.user, f)
        register = reverse("risks-api:risks")
        base = {k: v for k, v in request.query_params.items()
                if k not in ("likelihood", "impact", "page")}
        cells = [{**c.__dict__, "url": f"{register}?" + urlencode(
            {**base, "status": base.get("status", OPEN_FILTER), "likelihood": c.likelihood,
             "impact": c.impact})} for row in rows for c in row]
        return Response(s.RiskHeatmapSerializer(
            {"total": sum(c["count"] for c in cells), "cells": cells}).data)


@extend_schema(tags=["risks: heat map"])
class SummaryView(APIView):
    @extend_schema(
        summary="For the sales GM and the CEO (and auditors): open risks per level, the latest "
        "escalations and the overdue measures", responses={200: s.RiskSummarySerializer, **ERRORS})
    def get(self, request):
        user = request.user
        if not selectors.sees_summary(user):
            raise PermissionDeniedError(
                _("The escalation summary is for the sales GM, the CEO and auditors."))
        today = timezone.localdate()
        late = list(selectors.overdue_measures(user, today)[:200])
        for m in late:
            m.overdue, m.days_late = True, (today - m.due_date).days
        return Response(s.RiskSummarySerializer({
            "levels": selectors.level_counts(user),
            "escalations": selectors.recent_escalations(user), "overdue_measures": late}).data)
