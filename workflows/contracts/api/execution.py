"""After signing (policy 4.4): a contract's milestones and execution problems."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import idempotent
from core.api.serializers import ACTION_ERRORS, ERRORS, ErrorSerializer
from core.api.tasks import IDEMPOTENCY_HEADER

from .. import services
from ..models import ExecutionProblem, Milestone
from . import serializers as s
from .common import open_problems_first, visible_contract, visible_milestone, visible_problem

TAGS = ["contracts: execution"]


def _milestone(pk: int) -> dict:
    return s.MilestoneSerializer(Milestone.objects.select_related("contract").get(pk=pk)).data


def _problem(pk: int) -> dict:
    problem = ExecutionProblem.objects.select_related("raised_by", "assignee").get(pk=pk)
    return s.ExecutionProblemSerializer(problem).data


class MilestoneListView(ListAPIView):
    serializer_class = s.MilestoneSerializer
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Milestone.objects.none()
        contract = visible_contract(self.request.user, self.kwargs["pk"])
        return contract.milestones.select_related("contract").order_by("due_date", "pk")

    @extend_schema(tags=TAGS, summary="The contract's delivery, invoice and collection "
                   "milestones, by due date",
                   responses={200: s.MilestoneSerializer(many=True), **ERRORS,
                              404: ErrorSerializer})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS, summary="Add a milestone to a signed contract (its owner, finance, the sales "
        "GM); collections count as open receivables until done",
        request=s.MilestoneCreateSerializer, parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.MilestoneSerializer, **ACTION_ERRORS},
    )
    @idempotent
    def post(self, request, pk: int):
        visible_contract(request.user, pk)
        parsed = s.MilestoneCreateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        milestone = services.milestone_add(contract_id=pk, actor=request.user, kind=d["kind"],
                                           amount=d["amount"], due_date=d["due_date"],
                                           note=d["note"])
        return Response(_milestone(milestone.pk), status=status.HTTP_201_CREATED)


@extend_schema(
    tags=TAGS, summary="Mark a milestone done (on done_date, today when left out)",
    request=s.MilestoneDoneSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.MilestoneSerializer, **ACTION_ERRORS},
)
class MilestoneDoneView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_milestone(request.user, pk)
        parsed = s.MilestoneDoneSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        services.milestone_done(milestone_id=pk, actor=request.user,
                                done_date=parsed.validated_data["done_date"])
        return Response(_milestone(pk))


class ProblemListView(ListAPIView):
    serializer_class = s.ExecutionProblemSerializer
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ExecutionProblem.objects.none()
        contract = visible_contract(self.request.user, self.kwargs["pk"])
        return open_problems_first(contract.problems.select_related("raised_by", "assignee"))

    @extend_schema(tags=TAGS, summary="Problems met while executing the contract, open first",
                   responses={200: s.ExecutionProblemSerializer(many=True), **ERRORS,
                              404: ErrorSerializer})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS, summary="Raise a problem on a signed contract and assign who resolves it",
        request=s.ExecutionProblemCreateSerializer, parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.ExecutionProblemSerializer, **ACTION_ERRORS},
    )
    @idempotent
    def post(self, request, pk: int):
        visible_contract(request.user, pk)
        parsed = s.ExecutionProblemCreateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        problem = services.problem_raise(
            contract_id=pk, actor=request.user,
            description=parsed.validated_data["description"],
            assignee=parsed.validated_data["assignee"],
        )
        return Response(_problem(problem.pk), status=status.HTTP_201_CREATED)


@extend_schema(
    tags=TAGS, summary="Resolve a problem (its assignee, the contract's owner, finance or the "
    "sales GM)", request=s.ExecutionProblemResolveSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.ExecutionProblemSerializer, **ACTION_ERRORS},
)
class ProblemResolveView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_problem(request.user, pk)
        parsed = s.ExecutionProblemResolveSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        services.problem_resolve(problem_id=pk, actor=request.user,
                                 resolution=parsed.validated_data["resolution"])
        return Response(_problem(pk))
