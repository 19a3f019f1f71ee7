"""Requests: what submitters track, across processes (API.md "Requests")."""

from abc import ABCMeta, abstractmethod
from typing import Any, cast

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core import kinds
from core.audit import selectors as audit
from core.exceptions import NotFoundError
from core.inbox import selectors, services
from core.inbox.models import Request, RequestStatus, Urge, WorkItem, WorkItemStatus
from core.org.models import User

from . import serializers as s
from .filters import OrderingFilter
from .idempotency import idempotent
from .rows import Viewer, with_row_facts
from .tasks import IDEMPOTENCY_HEADER


def visible_request(user, kind: str, object_id: int) -> Request:
    """The request if the user may see it; otherwise 404, never 403 (API.md)."""
    if kind not in kinds.values() or object_id > s.MAX_ID:
        raise NotFoundError()
    req = (
        selectors.visible_requests(user)
        .filter(kind=kind, object_id=object_id)
        .first()
    )
    if req is None:
        raise NotFoundError()
    return req


def _detail(req: Request, user: User) -> dict:
    chain = req.chain or []
    people = User.objects.in_bulk({uid for step in chain for uid in step.get("candidates", [])})
    # What the detail serializer reads besides the model's fields, set on this instance only.
    shown = cast(Any, req)
    shown.chain_steps = [
        {
            "index": i,
            "code": step.get("code", ""),
            "label": step.get("label", ""),
            "note": step.get("note", ""),
            "current": req.status == RequestStatus.IN_REVIEW and i == req.step_index,
            "candidates": [people[u] for u in step.get("candidates", []) if u in people],
        }
        for i, step in enumerate(chain)
    ]
    shown.history = list(audit.timeline(req.kind, req.object_id))
    # The open tasks with what the viewer may do on each (the submitter's urge, issue 19).
    viewer = Viewer.of(user)
    shown.open_tasks = list(with_row_facts(
        WorkItem.objects.filter(request=req, status=WorkItemStatus.OPEN).order_by("pk"), viewer))
    shown.urge_count = Urge.objects.filter(request=req).count()
    shown.copied_to = [c.person for c in req.copies.select_related("person").order_by("pk")]
    return s.RequestDetailSerializer(req, context={"viewer": viewer}).data


@extend_schema(tags=["requests"], parameters=[s.RequestQuerySerializer],
               responses={200: s.RequestSerializer(many=True), **s.ERRORS})
class RequestListView(ListAPIView):
    """Every request the user may see (`mine=1`: only those they submitted), newest first."""

    serializer_class = s.RequestSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["since", "created", "amount", "number", "status"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Request.objects.none()
        params = s.RequestQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        return selectors.requests_for(
            self.request.user, mine=p["mine"], kind=p.get("kind", ""), status=p.get("status", ""),
            q=p.get("q", ""),
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        attach_waiting(page if page is not None else [])
        return page


def attach_waiting(requests) -> None:
    """One query for the people every request on the page waits on."""
    ids = {uid for r in requests for uid in (r.waiting_on_ids or [])}
    people = User.objects.in_bulk(ids) if ids else {}
    for r in requests:
        r._waiting_people = [people[u] for u in r.waiting_on_ids or [] if u in people]


@extend_schema(tags=["requests"], responses={200: s.RequestDetailSerializer,
                                             **s.ERRORS, 404: s.ErrorSerializer})
class RequestDetailView(APIView):
    """One request with its approval chain and its audit history, oldest event first."""

    def get(self, request, kind: str, object_id: int):
        return Response(_detail(visible_request(request.user, kind, object_id), request.user))


class _RequestAction(APIView, metaclass=ABCMeta):
    input_serializer: type[serializers.Serializer]

    @abstractmethod
    def act(self, user, req: Request, data: dict) -> None:
        """Call the one service this endpoint stands for."""

    @idempotent
    def post(self, request, kind: str, object_id: int):
        req = visible_request(request.user, kind, object_id)
        parsed = self.input_serializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        self.act(request.user, req, parsed.validated_data)
        return Response(_detail(visible_request(request.user, kind, object_id), request.user))


def _action_schema(input_serializer, summary: str):
    return extend_schema(
        tags=["requests"], summary=summary, request=input_serializer,
        parameters=[IDEMPOTENCY_HEADER],
        responses={200: s.RequestDetailSerializer, **s.ACTION_ERRORS},
    )


@_action_schema(s.WithdrawSerializer, "Withdraw (the submitter, while it is open)")
class RequestWithdrawView(_RequestAction):
    input_serializer = s.WithdrawSerializer

    def act(self, user, req, data):
        services.request_withdraw(request_id=req.pk, actor=user, reason=data["reason"])


@_action_schema(s.ResubmitSerializer, "Resubmit after a return for revision")
class RequestResubmitView(_RequestAction):
    input_serializer = s.ResubmitSerializer

    def act(self, user, req, data):
        services.request_resubmit(request_id=req.pk, actor=user, comment=data["comment"])
