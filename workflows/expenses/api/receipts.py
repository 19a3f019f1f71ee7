"""A claim's vouchers: each line's receipts with their invoice data; the submitter adds
(multipart) and removes them, finance rejects one during the voucher review (policy 7(三)1)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import idempotent
from core.api.serializers import ACTION_ERRORS, ERRORS, MAX_ID, ErrorSerializer
from core.api.tasks import IDEMPOTENCY_HEADER
from core.exceptions import InvalidInputError, NotFoundError

from .. import selectors
from ..services import vouchers
from . import serializers as s
from .claims import TAGS, claim_detail
from .common import visible_claim


def receipt_rows(user, claim) -> list[dict]:
    reviewer = selectors.sees_all_claims(user)
    rows = []
    for lv in vouchers.line_vouchers(claim):
        for r in lv.receipts:
            r.checks = [c.__dict__ for c in vouchers.receipt_checks(r, lv)] if reviewer else []
            dup = r.duplicate_of if reviewer else None
            data = s.ReceiptSerializer(r).data
            data["duplicate_of"] = (dup.number or str(dup.pk)) if dup else None
            rows.append(data)
    return rows


def _receipt(claim, receipt_id: int):
    found = claim.receipts.filter(pk=receipt_id).first() if receipt_id <= MAX_ID else None
    if found is None:
        raise NotFoundError(_("This claim has no such receipt."))
    return found


@extend_schema_view(
    get=extend_schema(tags=TAGS, summary="The claim's receipts, line by line, with invoice data",
                      responses={200: s.ReceiptSerializer(many=True), **ERRORS,
                                 404: ErrorSerializer}),
    post=extend_schema(
        tags=TAGS, summary="Add a voucher to a line (the submitter): a file and, for an "
                           "invoice, its data",
        request={"multipart/form-data": s.ReceiptUploadSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.ReceiptSerializer, **ACTION_ERRORS, 413: ErrorSerializer,
                   415: ErrorSerializer}),
)
class ClaimReceiptsView(APIView):
    parser_classes = [MultiPartParser, FormParser]

    def get(self, request, pk: int):
        return Response(receipt_rows(request.user, visible_claim(request.user, pk)))

    @idempotent
    def post(self, request, pk: int):
        claim = visible_claim(request.user, pk)
        parsed = s.ReceiptUploadSerializer(data=request.data)
        if not parsed.is_valid():
            if "file" in parsed.errors and request.FILES.get("file") is None:
                raise InvalidInputError(_("Choose a file to upload."),
                                        fields={"file": [_("A file is required.")]})
            parsed.is_valid(raise_exception=True)
        d = dict(parsed.validated_data)
        upload, line, kind = d.pop("file"), d.pop("line"), d.pop("kind")
        receipt = vouchers.receipt_add(claim_id=claim.pk, actor=request.user, line_id=line,
                                       kind=kind, upload=upload,
                                       invoice=vouchers.InvoiceData(**d))
        row = next(r for r in receipt_rows(request.user, claim) if r["id"] == receipt.pk)
        return Response(row, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, summary="Take a receipt off a draft or returned claim (the "
                                  "submitter)",
               responses={204: None, **ACTION_ERRORS})
class ClaimReceiptView(APIView):
    def delete(self, request, pk: int, receipt_id: int):
        claim = visible_claim(request.user, pk)
        vouchers.receipt_remove(receipt_id=_receipt(claim, receipt_id).pk, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(
    tags=TAGS, summary="Reject a receipt during the voucher review (finance): the claim goes "
                       "back to the submitter",
    request=s.RejectReceiptSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.ClaimDetailSerializer, **ACTION_ERRORS},
)
class ClaimReceiptRejectView(APIView):
    @idempotent
    def post(self, request, pk: int, receipt_id: int):
        claim = visible_claim(request.user, pk)
        receipt = _receipt(claim, receipt_id)
        parsed = s.RejectReceiptSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        vouchers.receipt_reject(receipt_id=receipt.pk, actor=request.user,
                                reason=parsed.validated_data["reason"])
        return Response(claim_detail(request.user, pk))
