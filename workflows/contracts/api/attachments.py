"""A contract's attachments: upload (multipart), list, and download for those who may see it.
The upload rules (type by content, size, count) are core.inbox.attachments', as for receipts."""

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
from .common import visible_contract
from .contracts import TAGS


def _attachments(contract):
    if contract.request_pk is None:  # a contract always has its request; be safe all the same
        raise NotFoundError()
    return Attachment.objects.filter(request_id=contract.request_pk).select_related(
        "uploaded_by")


class ContractAttachmentsView(ListAPIView):
    serializer_class = s.ContractAttachmentSerializer
    parser_classes = [MultiPartParser, FormParser]
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Attachment.objects.none()
        return _attachments(visible_contract(self.request.user, self.kwargs["pk"])).order_by(
            "created", "pk")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "contract_id": self.kwargs.get("pk")}

    @extend_schema(tags=TAGS, summary="The contract's attachments",
                   responses={200: s.ContractAttachmentSerializer(many=True), **ERRORS,
                              404: ErrorSerializer})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS, summary="Attach a PDF, JPEG or PNG (checked by content), at most 10 MB, while "
        "the contract is a draft or in review",
        request={"multipart/form-data": s.ContractAttachmentUploadSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.ContractAttachmentSerializer, **ACTION_ERRORS, 413: ErrorSerializer,
                   415: ErrorSerializer},
    )
    @idempotent
    def post(self, request, pk: int):
        contract = visible_contract(request.user, pk)
        _attachments(contract)
        upload = request.FILES.get("file")
        if upload is None:
            raise InvalidInputError(_("Choose a file to upload."),
                                    fields={"file": [_("A file is required.")]})
        att = attachment_add(request_id=contract.request_pk, actor=request.user, upload=upload)
        att = Attachment.objects.select_related("uploaded_by").get(pk=att.pk)
        data = s.ContractAttachmentSerializer(
            att, context={"request": request, "contract_id": pk}).data
        return Response(data, status=status.HTTP_201_CREATED)


class ContractAttachmentDownloadView(APIView):
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
        contract = visible_contract(request.user, pk)
        att = _attachments(contract).filter(pk=att_id).first() if att_id <= MAX_ID else None
        if att is None:
            raise NotFoundError()
        return download_response(att)
