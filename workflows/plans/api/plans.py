"""Plans: list, draft, detail, edit, submit, revise and the diff between versions."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.filters import OrderingFilter
from core.api.idempotency import idempotent
from core.api.serializers import ACTION_ERRORS, ERRORS, ErrorSerializer
from core.api.tasks import IDEMPOTENCY_HEADER
from core.audit import selectors as audit
from core.exceptions import InvalidInputError

from .. import selectors, services
from ..models import Plan
from . import serializers as s
from .common import PLANS, visible


def plan_detail(user, pk: int) -> dict:
    plan = visible(user, pk)
    req = selectors.plan_request(plan)
    plan.request_id = req.pk if req else None
    plan.current_step = req.current_step if req else ""
    plan.waiting_on = list(req.waiting_on) if req else []
    plan.confirmations = selectors.confirmations(plan)
    plan.versions = selectors.versions_of(plan, user)
    plan.available_actions = selectors.ordered(selectors.plan_actions(user, plan))
    sees = selectors.sees_process(user)
    plan.history = list(audit.timeline(plan.audit_kind, plan.pk)) if sees else []
    if not sees:
        plan.confirmations = []
    return s.PlanDetailSerializer(plan, context={"sees_target": sees}).data


@extend_schema(tags=PLANS)
class PlanListView(ListAPIView):
    """The sales GM, the CEO, auditors and administrators see every plan; a regional manager the
    plans sent to their region; a salesperson the published plans with their line."""

    serializer_class = s.PlanSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["fiscal_year", "version", "target", "number", "created", "published_at"]

    def get_serializer_context(self):
        return {**super().get_serializer_context(),
                "sees_target": selectors.sees_process(self.request.user)}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Plan.objects.none()
        params = s.PlanQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        return selectors.plans_for(self.request.user, year=p.get("fiscal_year"),
                                   state=p.get("state", ""))

    @extend_schema(parameters=[s.PlanQuerySerializer],
                   responses={200: s.PlanSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Draft next year's plan (sales GM); the target is spread so the draft adds up",
        request=s.PlanCreateSerializer, parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.PlanDetailSerializer, **ERRORS, 409: ErrorSerializer,
                   422: ErrorSerializer},
    )
    @idempotent
    def post(self, request):
        parsed = s.PlanCreateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        plan = services.plan_create(actor=request.user, fiscal_year=d["fiscal_year"],
                                    target=d["target"], title=d["title"],
                                    strategy=d["strategy"], region_codes=d.get("regions"),
                                    spread=d["spread"])
        return Response(plan_detail(request.user, plan.pk), status=status.HTTP_201_CREATED)


@extend_schema(tags=PLANS)
class PlanDetailView(APIView):
    @extend_schema(summary="One plan: its state, the regions' confirmations, versions, history",
                   responses={200: s.PlanDetailSerializer, **ERRORS, 404: ErrorSerializer})
    def get(self, request, pk: int):
        return Response(plan_detail(request.user, pk))

    @extend_schema(summary="Edit the title or strategy of a draft (its author)",
                   request=s.PlanUpdateSerializer,
                   responses={200: s.PlanDetailSerializer, **ACTION_ERRORS})
    def patch(self, request, pk: int):
        visible(request.user, pk)
        parsed = s.PlanUpdateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        services.plan_update(plan_id=pk, actor=request.user, title=d.get("title"),
                             strategy=d.get("strategy"))
        return Response(plan_detail(request.user, pk))


@extend_schema(
    tags=PLANS, request=s.PlanSubmitSerializer, parameters=[IDEMPOTENCY_HEADER],
    summary="Submit: a draft (or a plan returned for revision) to the regions; a plan every "
            "region confirmed to the CEO (the sales GM)",
    responses={200: s.PlanDetailSerializer, **ACTION_ERRORS},
)
class PlanSubmitView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible(request.user, pk)
        parsed = s.PlanSubmitSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        services.plan_submit(plan_id=pk, actor=request.user,
                             comment=parsed.validated_data["comment"],
                             cc=parsed.validated_data["cc"])
        return Response(plan_detail(request.user, pk))


@extend_schema(
    tags=PLANS, request=s.PlanReviseSerializer, parameters=[IDEMPOTENCY_HEADER],
    summary="Revise the published plan: drafts the next version (sales GM)",
    responses={201: s.PlanDetailSerializer, **ACTION_ERRORS},
)
class PlanReviseView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible(request.user, pk)
        parsed = s.PlanReviseSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        revision = services.plan_revise(plan_id=pk, actor=request.user,
                                        reason=parsed.validated_data["reason"])
        return Response(plan_detail(request.user, revision.pk), status=status.HTTP_201_CREATED)


@extend_schema(tags=PLANS, parameters=[s.PlanDiffQuerySerializer],
               summary="The cells that differ between this version and another of the plan",
               responses={200: s.PlanDiffSerializer, **ERRORS, 404: ErrorSerializer})
class PlanDiffView(APIView):
    def get(self, request, pk: int):
        plan = visible(request.user, pk)
        params = s.PlanDiffQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        other = selectors.visible_plan(request.user, params.validated_data["against"])
        if other is None:
            raise InvalidInputError(_("No version with this id is visible to you."),
                                    fields={"against": [_("Choose a version of this plan.")]})
        diff = selectors.visible_diff(request.user, services.version_diff(other, plan))
        sees = selectors.sees_process(request.user)
        return Response(s.PlanDiffSerializer({
            "before": diff.before, "after": diff.after,
            "target": list(diff.target) if diff.target and sees else None,
            "strategy_changed": diff.strategy_changed, "cells": diff.cells},
            context={"sees_target": sees}).data)
