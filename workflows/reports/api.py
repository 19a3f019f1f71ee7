"""The archived reports in the API: list and download, for the sales GM, the CEO, auditors and
administrators (403 for anyone else; an unknown report or file is 404)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import BasePermission
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from core.api.serializers import ErrorSerializer
from core.exceptions import NotFoundError

from . import selectors
from .models import ReportFile, SalesReport
from .views import file_response

TAGS = ["reports"]


class CanReadReports(BasePermission):
    message = _("Only the sales general manager, the CEO, auditors and administrators can read "
                "the sales reports.")
    code = "permission_denied"

    def has_permission(self, request, view):
        return selectors.can_read(request.user)


class ReportFileSerializer(serializers.ModelSerializer):
    # declared, so the schema does not take the integer range of whichever database is set
    size = serializers.IntegerField(read_only=True, help_text="Bytes")
    url = serializers.SerializerMethodField()

    class Meta:
        model = ReportFile
        fields = ["language", "format", "size", "sha256", "url"]

    def get_url(self, obj) -> str:
        return reverse("reports-api:download", kwargs={
            "pk": obj.report_id, "language": obj.language, "fmt": obj.format},
            request=self.context.get("request"))


class ReportSerializer(serializers.ModelSerializer):
    number = serializers.CharField(read_only=True)
    files = ReportFileSerializer(many=True, read_only=True)

    class Meta:
        model = SalesReport
        fields = ["id", "number", "trigger", "period_start", "period_end", "created", "files"]


@extend_schema(tags=TAGS, summary="Archived sales analysis reports, newest period first",
               responses={200: ReportSerializer(many=True), 401: ErrorSerializer,
                          403: ErrorSerializer})
class ReportListView(ListAPIView):
    serializer_class = ReportSerializer
    permission_classes = [CanReadReports]
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SalesReport.objects.none()
        return selectors.visible_reports(self.request.user)


class ReportDownloadView(APIView):
    # One report names an object: not visible is 404 (never 403), for every method.
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not selectors.can_read(request.user):
            raise NotFoundError()

    @extend_schema(
        tags=TAGS, summary="Download one file of a report (PDF or .xlsx, in one language)",
        responses={(200, "application/octet-stream"): OpenApiResponse(
            OpenApiTypes.BINARY, description="The file; its SHA-256 is in the report's list "
                                             "entry and in the audit trail."),
            401: ErrorSerializer, 404: ErrorSerializer})
    def get(self, request, pk: int, language: str, fmt: str):
        f = selectors.visible_file(request.user, pk, language, fmt)
        if f is None:
            raise NotFoundError()
        return file_response(f)
