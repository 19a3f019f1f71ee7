"""A claim's attachments: upload (multipart), list, and download for those who may see it."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import idempotent
from core.api.serializers import ACTION_ERRORS, ERRORS, MAX_ID, ErrorSerializer
from core.api.tasks import IDEMPOTENCY_HEADER
from core.exceptions import InvalidInputError, NotFoundError
from core.inbox.attachments import attachment_add, download_response
from core.inbox.models import Attachment

from . import serializers as s
from .claims import TAGS
from .common import visible_claim


def _attachments(claim):
    if claim.request_pk is None:  # a claim always has its request; be safe all the same
        raise NotFoundError()
    return Attachment.objects.filter(request_id=claim.request_pk).select_related("uploaded_by")


class ClaimAttachmentsView(ListAPIView):
    serializer_class = s.AttachmentSerializer
    parser_classes = [MultiPartParser, FormParser]
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Attachment.objects.none()
        return _attachments(visible_claim(self.request.user, self.kwargs["pk"])).order_by(
            "created", "pk")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "claim_id": self.kwargs.get("pk")}

    @extend_schema(tags=TAGS, summary="The claim's attachments",
                   responses={200: s.AttachmentSerializer(many=True), **ERRORS,
                              404: ErrorSerializer})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS, summary="Attach a PDF, JPEG or PNG (checked by content), at most 10 MB",
        request={"multipart/form-data": s.AttachmentUploadSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.AttachmentSerializer, **ACTION_ERRORS, 413: ErrorSerializer,
                   415: ErrorSerializer},
    )
    @idempotent
    def post(self, request, pk: int):
        claim = visible_claim(request.user, pk)
        _attachments(claim)
        upload = request.FILES.get("file")
        if upload is None:
            raise InvalidInputError(_("Choose a file to upload."),
                                    fields={"file": [_("A file is required.")]})
        att = attachment_add(request_id=claim.request_pk, actor=request.user, upload=upload)
        att = Attachment.objects.select_related("uploaded_by").get(pk=att.pk)
        data = s.AttachmentSerializer(att, context={"request": request, "claim_id": pk}).data
        return Response(data, status=status.HTTP_201_CREATED)


class ClaimAttachmentDownloadView(APIView):
    def perform_content_negotiation(self, request, force=False):
        # A browser or a download tool may ask for the file's own type: serve it all the same.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        tags=TAGS, summary="Download one attachment (as a file, never rendered inline)",
        responses={(200, "application/octet-stream"): OpenApiResponse(
            OpenApiTypes.BINARY, description="The file, with its checked content type."),
            401: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request, pk: int, att_id: int):
        claim = visible_claim(request.user, pk)
        att = _attachments(claim).filter(pk=att_id).first() if att_id <= MAX_ID else None
        if att is None:
            raise NotFoundError()
        return download_response(att)
