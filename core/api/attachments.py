"""The attachments of a governed object (a claim's receipts, a contract's documents): list,
upload (multipart) and download, for those who may see the object. The upload rules (type by
content, size, count) are core.inbox.attachments'.

A process subclasses both views, naming its serializer, the serializer context key its `url`
field reads, and `subject()` (the object if the user may see it, else NotFoundError); it gives
the OpenAPI tags and summaries with `extend_schema_view`, which keeps each subclass's schema its
own. The classes here carry no docstrings on purpose: drf-spectacular would show a base class's
docstring as the description of every subclass's operations."""

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import idempotent
from core.api.serializers import MAX_ID, ErrorSerializer
from core.exceptions import InvalidInputError, NotFoundError
from core.inbox.attachments import attachment_add, attachment_remove, download_response
from core.inbox.models import Attachment


def download_schema(tags: list[str]):
    """The OpenAPI description of a process's download view (the same for every process)."""
    return extend_schema_view(get=extend_schema(
        tags=tags, summary="Download one attachment (as a file, never rendered inline)",
        responses={(200, "application/octet-stream"): OpenApiResponse(
            OpenApiTypes.BINARY, description="The file, with its checked content type."),
            401: ErrorSerializer, 404: ErrorSerializer},
    ), delete=extend_schema(
        tags=tags, summary="Remove an attachment (its submitter, while a draft or returned)",
        responses={204: None, 401: ErrorSerializer, 403: ErrorSerializer,
                   404: ErrorSerializer, 409: ErrorSerializer},
    ))


def attachments_of(subject) -> QuerySet[Attachment]:
    # Every governed object has its request; be safe all the same.
    if subject.request_pk is None:
        raise NotFoundError()
    return Attachment.objects.filter(request_id=subject.request_pk).select_related(
        "uploaded_by")


class SubjectMixin:
    # The process's finder: the object with `request_pk` if the user may see it, else
    # NotFoundError (e.g. workflows.expenses.api.common.visible_claim, bound in a subclass).
    def subject(self, pk: int):
        raise ImproperlyConfigured(f"{type(self).__name__} must say how it finds its object: "
                                   "define subject(pk).")


class AttachmentsView(SubjectMixin, ListAPIView):
    parser_classes = [MultiPartParser, FormParser]
    filter_backends: list = []
    context_key = ""  # e.g. "claim_id": the serializer's `url` reads the object's id from it

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Attachment.objects.none()
        return attachments_of(self.subject(self.kwargs["pk"])).order_by("created", "pk")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), self.context_key: self.kwargs.get("pk")}

    @idempotent
    def post(self, request, pk: int):
        subject = self.subject(pk)
        attachments_of(subject)
        upload = request.FILES.get("file")
        if upload is None:
            raise InvalidInputError(_("Choose a file to upload."),
                                    fields={"file": [_("A file is required.")]})
        att = attachment_add(request_id=subject.request_pk, actor=request.user, upload=upload)
        att = Attachment.objects.select_related("uploaded_by").get(pk=att.pk)
        data = self.get_serializer_class()(
            att, context={"request": request, self.context_key: pk}).data
        return Response(data, status=status.HTTP_201_CREATED)


class AttachmentDownloadView(SubjectMixin, APIView):
    def perform_content_negotiation(self, request, force=False):
        # A browser or a download tool may ask for the file's own type: serve it all the same.
        return super().perform_content_negotiation(request, force=True)

    def get(self, request, pk: int, att_id: int):
        subject = self.subject(pk)
        att = attachments_of(subject).filter(pk=att_id).first() if att_id <= MAX_ID else None
        if att is None:
            raise NotFoundError()
        return download_response(att)

    def delete(self, request, pk: int, att_id: int):
        subject = self.subject(pk)
        att = attachments_of(subject).filter(pk=att_id).first() if att_id <= MAX_ID else None
        if att is None:
            raise NotFoundError()
        attachment_remove(request_id=subject.request_pk, attachment_id=att.pk,
                          actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
