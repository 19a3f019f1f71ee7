"""Tasks: the inbox, queue and archive, and the actions on one task (API.md "Tasks")."""

from abc import ABCMeta, abstractmethod
from functools import cached_property
from typing import cast

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import NotFoundError
from core.inbox import actions, copies, selectors, services
from core.inbox.models import WorkItem
from core.inbox.selectors import TaskFilters
from core.org.models import User

from . import serializers as s
from .filters import OrderingFilter
from .idempotency import HEADER, idempotent
from .rows import Viewer, with_row_facts

IDEMPOTENCY_HEADER = OpenApiParameter(
    HEADER, str, OpenApiParameter.HEADER, required=False,
    description="Repeat-safe key: the same key returns the first result and acts only once.",
)


def visible_task_id(user, pk: int) -> int:
    """The id if the user may see the task; otherwise 404, never 403 (API.md)."""
    if pk > s.MAX_ID or not selectors.visible_tasks(user).filter(pk=pk).exists():
        raise NotFoundError()
    return pk


class _ViewerMixin(APIView):
    @cached_property
    def viewer(self) -> Viewer:
        # Signed in: the API's default permission is IsAuthenticated.
        return Viewer.of(cast(User, self.request.user))

    def render_task(self, pk: int) -> dict:
        item = with_row_facts(WorkItem.objects.filter(pk=pk), self.viewer).get()
        return s.TaskSerializer(item, context={"viewer": self.viewer}).data


@extend_schema(tags=["tasks"], parameters=[s.TaskQuerySerializer],
               responses={200: s.TaskSerializer(many=True), **s.ERRORS})
class TaskListView(_ViewerMixin, ListAPIView):
    """inbox: assigned to me or to someone I act for; queue: claimable by me; archive: decided
    by me. Unknown scope or a bad filter value is 400 with the field named."""

    serializer_class = s.TaskSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["created", "due", "amount", "number", "decided_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return WorkItem.objects.none()
        params = s.TaskQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        filters = TaskFilters(
            kind=p.get("kind", ""), step=p.get("step", ""), submitter=p.get("submitter"),
            amount_min=p.get("amount_min"), amount_max=p.get("amount_max"), overdue=p["overdue"],
            q=p.get("q", ""),
        )
        qs = selectors.tasks_for(self.request.user, p["scope"], filters)
        return with_row_facts(qs, self.viewer)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "viewer": self.viewer}


class _TaskAction(_ViewerMixin, APIView, metaclass=ABCMeta):
    input_serializer: type[serializers.Serializer] | None = None

    @abstractmethod
    def act(self, user, pk: int, data: dict) -> None:
        """Call the one service this endpoint stands for."""

    @idempotent
    def post(self, request, pk: int):
        visible_task_id(request.user, pk)
        data = {}
        if self.input_serializer is not None:
            parsed = self.input_serializer(data=request.data)
            parsed.is_valid(raise_exception=True)
            data = parsed.validated_data
        self.act(request.user, pk, data)
        return Response(self.render_task(pk))


def _action_schema(input_serializer, summary: str, examples=()):
    return extend_schema(
        tags=["tasks"], summary=summary, request=input_serializer,
        parameters=[IDEMPOTENCY_HEADER],
        responses={200: s.TaskSerializer, **s.ACTION_ERRORS}, examples=list(examples),
    )


@_action_schema(None, "Claim a task from the queue")
class TaskClaimView(_TaskAction):
    def act(self, user, pk, data):
        services.task_claim(task_id=pk, actor=user)


@_action_schema(None, "Put a claimed task back in its queue")
class TaskReleaseView(_TaskAction):
    def act(self, user, pk, data):
        services.task_release(task_id=pk, actor=user)


@_action_schema(s.ApproveSerializer, "Approve", examples=[
    OpenApiExample("Approve with a comment", request_only=True, value={"comment": "同意"}),
    OpenApiExample("Already decided", response_only=True, status_codes=["409"],
                   value={"detail": "This task is already decided.", "code": "state_conflict",
                          "fields": {}}),
])
class TaskApproveView(_TaskAction):
    input_serializer = s.ApproveSerializer

    def act(self, user, pk, data):
        copies.decide_and_copy(task_id=pk, actor=user, people=data["cc"], decide=lambda: (
            services.task_approve(task_id=pk, actor=user, comment=data["comment"])))


@_action_schema(s.RejectSerializer, "Reject (a reason is required)")
class TaskRejectView(_TaskAction):
    input_serializer = s.RejectSerializer

    def act(self, user, pk, data):
        copies.decide_and_copy(task_id=pk, actor=user, people=data["cc"], decide=lambda: (
            services.task_reject(task_id=pk, actor=user, reason=data["reason"])))


@_action_schema(s.ReturnSerializer, "Return for revision, to the submitter or an earlier step")
class TaskReturnView(_TaskAction):
    input_serializer = s.ReturnSerializer

    def act(self, user, pk, data):
        copies.decide_and_copy(task_id=pk, actor=user, people=data["cc"], decide=lambda: (
            services.task_return(task_id=pk, actor=user, reason=data["reason"],
                                 to_step=data["to_step"], resubmit_to=data.get("resubmit_to"))))


@_action_schema(s.ReassignSerializer, "Reassign (the holder's managers or an administrator)")
class TaskReassignView(_TaskAction):
    input_serializer = s.ReassignSerializer

    def act(self, user, pk, data):
        services.task_reassign(task_id=pk, actor=user, assignee=data["assignee"],
                               reason=data["reason"])


@_action_schema(s.TransferSerializer, "Transfer (转交): the holder hands the task to someone "
                "who may decide it", examples=[
    OpenApiExample("Hand over with a reason", request_only=True,
                   value={"assignee": "south_mgr", "reason": "出差一周，请代为审批"}),
])
class TaskTransferView(_TaskAction):
    input_serializer = s.TransferSerializer

    def act(self, user, pk, data):
        actions.task_transfer(task_id=pk, actor=user, assignee=data["assignee"],
                              reason=data["reason"])


@_action_schema(s.AddSignerSerializer, "Add signers (加签) before, after or alongside your step",
                examples=[OpenApiExample(
                    "Legal first, then back to me", request_only=True,
                    value={"signers": ["legal"], "position": "before",
                           "reason": "合同条款需法务确认", "sla_hours": "8"}),
                    OpenApiExample(
                    "Finance signs my step with me", request_only=True,
                    value={"signers": ["finance"], "position": "alongside",
                           "reason": "金额较大，请财务会签"})])
class TaskAddSignerView(_TaskAction):
    input_serializer = s.AddSignerSerializer

    def act(self, user, pk, data):
        actions.task_add_signer(task_id=pk, actor=user, signers=data["signers"],
                                position=data["position"], reason=data["reason"],
                                sla_hours=data["sla_hours"])


@extend_schema(
    tags=["tasks"], summary="Urge (催办) the holder(s): once per task every 4 working hours",
    request=s.UrgeSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.UrgeResponseSerializer, **s.ACTION_ERRORS},
    examples=[OpenApiExample(
        "Urged too soon", response_only=True, status_codes=["409"],
        value={"detail": "This task was urged at 2026-12-07 10:00; it can be urged again from "
                         "2026-12-07 14:00.", "code": "urge_too_soon",
               "fields": {"next_urge_at": ["2026-12-07T14:00:00+08:00"]}})],
)
class TaskUrgeView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_task_id(request.user, pk)
        parsed = s.UrgeSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        urge = actions.task_urge(task_id=pk, actor=request.user,
                                 comment=parsed.validated_data["comment"])
        people = User.objects.filter(pk__in=urge.recipient_ids).order_by("username")
        return Response(s.UrgeResponseSerializer({
            "work_item_id": urge.work_item_id, "created": urge.created, "recipients": people,
            "next_urge_at": actions.next_urge_at(urge.created)}).data)


@extend_schema(
    tags=["tasks"], summary="Approve several tasks, each in its own transaction",
    request=s.BulkApproveSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.BulkResponseSerializer, **s.ERRORS, 409: s.ErrorSerializer,
               422: s.ErrorSerializer},
)
class TaskBulkApproveView(APIView):
    @idempotent
    def post(self, request):
        parsed = s.BulkApproveSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        ids = list(dict.fromkeys(parsed.validated_data["ids"]))
        visible = set(
            selectors.visible_tasks(request.user).filter(pk__in=ids).values_list("pk", flat=True)
        )
        outcomes = {
            r.task_id: r
            for r in services.tasks_bulk_approve(
                task_ids=[i for i in ids if i in visible], actor=request.user,
                comment=parsed.validated_data["comment"],
            )
        }
        missing = NotFoundError()
        results = []
        for task_id in ids:
            r = outcomes.get(task_id)
            if r is not None and r.ok:
                results.append({"id": task_id, "ok": True})
            elif r is not None:
                results.append({"id": task_id, "ok": False, "code": r.code, "detail": r.detail})
            else:
                results.append({"id": task_id, "ok": False, "code": missing.code,
                                "detail": str(missing.message)})
        return Response(s.BulkResponseSerializer({"results": results}).data)
