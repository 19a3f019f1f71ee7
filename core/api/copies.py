"""抄送 copy to, comments with @mentions, and the "copied to me" list (API.md "Requests")."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.inbox import copies, services
from core.inbox.models import CarbonCopy, WorkItem

from . import serializers as s
from .idempotency import idempotent
from .requests import _action_schema, _RequestAction
from .tasks import IDEMPOTENCY_HEADER, _TaskAction


class CopySerializer(serializers.Serializer):
    people = serializers.ListField(child=s.UserRefField(), min_length=1,
                                   max_length=copies.MAX_COPIED,
                                   help_text="1 to 10 people, each a user id or a username.")
    comment = s.text_field(default="", allow_blank=True, max_length=500)


class CommentSerializer(serializers.Serializer):
    comment = s.text_field(help_text='"@username" notifies that person; naming someone who '
                           "cannot see the request is refused (400, naming them).")


class CopiedRequestSerializer(serializers.Serializer):
    kind = serializers.CharField(source="request.kind")
    id = serializers.IntegerField(source="request.object_id")
    request_id = serializers.IntegerField()
    number = serializers.CharField(source="request.number")
    title = serializers.CharField(source="request.title")
    status = serializers.CharField(source="request.status")
    added_by = s.PersonSerializer()
    copied_at = serializers.DateTimeField(source="created")
    read_at = serializers.DateTimeField(allow_null=True)
    unread = serializers.SerializerMethodField()

    def get_unread(self, row) -> bool:
        return row.read_at is None


class CopiedReadSerializer(serializers.Serializer):
    request_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=s.MAX_ID), required=False,
        max_length=500, help_text="Mark these read (`request_id`s); all when left out.")


_COPY_EXAMPLE = OpenApiExample("Copy finance", request_only=True,
                               value={"people": ["finance"], "comment": "供参考"})


@_action_schema(CopySerializer, "Copy people on the request (抄送): the submitter or a holder")
@extend_schema(examples=[_COPY_EXAMPLE])
class RequestCopyView(_RequestAction):
    input_serializer = CopySerializer

    def act(self, user, req, data):
        copies.request_copy(request_id=req.pk, actor=user, people=data["people"],
                            comment=data["comment"])


@_action_schema(CommentSerializer, "Comment, with @mentions (whoever may see the request)")
@extend_schema(examples=[OpenApiExample("Ask someone", request_only=True,
                                        value={"comment": "@finance 请看一下付款条件"})])
class RequestCommentView(_RequestAction):
    input_serializer = CommentSerializer

    def act(self, user, req, data):
        services.request_comment(request_id=req.pk, actor=user, comment=data["comment"])


@extend_schema(tags=["tasks"], summary="Copy people on the task's request (抄送) while deciding",
               request=CopySerializer, parameters=[IDEMPOTENCY_HEADER],
               responses={200: s.TaskSerializer, **s.ACTION_ERRORS}, examples=[_COPY_EXAMPLE])
class TaskCopyView(_TaskAction):
    input_serializer = CopySerializer

    def act(self, user, pk, data):
        request_id = WorkItem.objects.values_list("request_id", flat=True).get(pk=pk)
        copies.request_copy(request_id=request_id, actor=user, people=data["people"],
                            comment=data["comment"])


@extend_schema(tags=["requests"], responses={200: CopiedRequestSerializer(many=True),
                                             **s.ERRORS})
class CopiedListView(ListAPIView):
    """The requests I am copied on (抄送), newest first; `unread` until marked read."""

    serializer_class = CopiedRequestSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CarbonCopy.objects.none()
        return copies.copied_to(self.request.user).select_related("added_by")


class CopiedReadResultSerializer(serializers.Serializer):
    marked = serializers.IntegerField()


@extend_schema(tags=["requests"], summary='Mark "copied to me" entries read',
               request=CopiedReadSerializer, parameters=[IDEMPOTENCY_HEADER],
               responses={200: CopiedReadResultSerializer, **s.ERRORS})
class CopiedReadView(APIView):
    @idempotent
    def post(self, request):
        parsed = CopiedReadSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        marked = copies.mark_all_read(request.user,
                                      request_ids=parsed.validated_data.get("request_ids"))
        return Response({"marked": marked})
