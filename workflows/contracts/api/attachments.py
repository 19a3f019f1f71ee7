"""A contract's attachments: upload (multipart), list, and download for those who may see it.
The upload rules (type by content, size, count) are core.inbox.attachments', as for receipts;
core.api.attachments holds the views, this names the contract, its serializers and schema."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.attachments import AttachmentDownloadView, AttachmentsView, download_schema
from core.api.serializers import ACTION_ERRORS, ERRORS, ErrorSerializer
from core.api.tasks import IDEMPOTENCY_HEADER

from ..services import ensure_may_attach
from . import serializers as s
from .common import visible_contract
from .contracts import TAGS


@extend_schema_view(
    get=extend_schema(tags=TAGS, summary="The contract's attachments",
                      responses={200: s.ContractAttachmentSerializer(many=True), **ERRORS,
                                 404: ErrorSerializer}),
    post=extend_schema(
        tags=TAGS, summary="Attach a PDF, JPEG or PNG (checked by content), at most 10 MB, "
        "while the contract is a draft or in review",
        request={"multipart/form-data": s.ContractAttachmentUploadSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.ContractAttachmentSerializer, **ACTION_ERRORS,
                   413: ErrorSerializer, 415: ErrorSerializer},
    ),
)
class ContractAttachmentsView(AttachmentsView):
    serializer_class = s.ContractAttachmentSerializer
    context_key = "contract_id"

    def subject(self, pk: int):
        return visible_contract(self.request.user, pk)

    def post(self, request, pk: int):
        # Who may add a document is the contract's rule (selectors.contract_actions), the same
        # the page and the service apply; the upload itself is the shared one.
        ensure_may_attach(request.user, self.subject(pk))
        return super().post(request, pk)


@download_schema(TAGS)
class ContractAttachmentDownloadView(AttachmentDownloadView):
    def subject(self, pk: int):
        return visible_contract(self.request.user, pk)
