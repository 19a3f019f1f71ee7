"""A claim's attachments: upload (multipart), list, and download for those who may see it
(core.api.attachments holds the views; this names the claim, its serializers and schema)."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.attachments import AttachmentDownloadView, AttachmentsView, download_schema
from core.api.serializers import ACTION_ERRORS, ERRORS, ErrorSerializer
from core.api.tasks import IDEMPOTENCY_HEADER

from . import serializers as s
from .claims import TAGS
from .common import visible_claim


@extend_schema_view(
    get=extend_schema(tags=TAGS, summary="The claim's attachments",
                      responses={200: s.AttachmentSerializer(many=True), **ERRORS,
                                 404: ErrorSerializer}),
    post=extend_schema(
        tags=TAGS, summary="Attach a PDF, JPEG or PNG (checked by content), at most 10 MB",
        request={"multipart/form-data": s.AttachmentUploadSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.AttachmentSerializer, **ACTION_ERRORS, 413: ErrorSerializer,
                   415: ErrorSerializer},
    ),
)
class ClaimAttachmentsView(AttachmentsView):
    serializer_class = s.AttachmentSerializer
    context_key = "claim_id"

    def subject(self, pk: int):
        return visible_claim(self.request.user, pk)


@download_schema(TAGS)
class ClaimAttachmentDownloadView(AttachmentDownloadView):
    def subject(self, pk: int):
        return visible_claim(self.request.user, pk)
