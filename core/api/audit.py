"""Audit trail, read-only, for auditors and administrators (API.md "Audit")."""

import csv
import re
from datetime import UTC, datetime, time

from django.db import transaction
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from core.audit import selectors
from core.audit.models import AuditEvent
from core.audit.selectors import EventFilters
from core.audit.verify import verify_all
from core.inbox import search
from core.inbox.selectors import sees_everything

from .filters import OrderingFilter
from .serializers import ERRORS, MAX_ID, money_field


class IsAuditor(BasePermission):
    message = _("Only auditors and administrators can read the audit trail.")
    code = "permission_denied"

    def has_permission(self, request, view):
        return sees_everything(request.user)


_OFFSET_AFTER_SPACE = re.compile(r"(T.*) (\d{2}:?\d{2})$")


@extend_schema_field({
    "type": "string",
    "description": "An ISO 8601 date (2025-03-01) or date-time (2025-03-01T09:00:00+08:00; "
                   "without an offset it is Asia/Shanghai time).",
})
class DateOrDateTimeField(serializers.Field):
    default_error_messages = {
        "invalid": _("Use an ISO 8601 date (2025-03-01) or date-time (2025-03-01T09:00:00+08:00)."),
        "range": _("Use a date between the years 1900 and 9998."),
    }

    @staticmethod
    def _parse(text: str):
        try:
            return parse_date(text) or parse_datetime(text)
        except ValueError:
            return None

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        text = data.strip()
        # An unencoded "+08:00" in a query string arrives as " 08:00".
        value = self._parse(text) or self._parse(_OFFSET_AFTER_SPACE.sub(r"\1+\2", text))
        if value is None:
            self.fail("invalid")
        if not 1900 <= value.year <= 9998:
            self.fail("range")
        if isinstance(value, datetime) and timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value

    def to_representation(self, value):
        return value.isoformat()


def _as_instant(value, end: bool) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return timezone.make_aware(datetime.combine(value, time.max if end else time.min))


class EventQuerySerializer(serializers.Serializer):
    # An empty filter (a blank form field) means "any".
    subject_kind = serializers.CharField(max_length=32, required=False, allow_blank=True)
    subject_id = serializers.CharField(max_length=64, required=False, allow_blank=True)
    number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    actor = serializers.CharField(
        max_length=150, required=False, allow_blank=True, help_text=_("User id or username.")
    )
    event = serializers.CharField(max_length=64, required=False, allow_blank=True)
    q = serializers.CharField(
        max_length=100, required=False, allow_blank=True,
        help_text=_("Words found in the request's number, title, customer or submitter: the "
                    "events of those requests, from their draft on."))
    since = DateOrDateTimeField(required=False)
    until = DateOrDateTimeField(required=False)
    amount_min = money_field(required=False)
    amount_max = money_field(required=False)
    configuration = serializers.BooleanField(
        required=False, default=False,
        help_text=_("Only configuration changes (config.created, config.changed, config.deleted)."))

    def validate_actor(self, value):
        value = value.strip()
        # The selector reads any str.isdigit() value as a user id: keep it to ids that exist.
        if value.isdigit() and (not value.isascii() or int(value) > MAX_ID):
            raise serializers.ValidationError(_("Give a user id or a username."))
        return value

    def validate(self, attrs):
        since, until = attrs.get("since"), attrs.get("until")
        if since and until and _as_instant(since, False) > _as_instant(until, True):
            raise serializers.ValidationError({"until": [_("This is before 'since'.")]})
        return attrs

    def filters(self) -> EventFilters:
        data = {k: v for k, v in self.validated_data.items() if v != ""}
        subjects = search.subjects_of(data.pop("q", ""))
        return EventFilters(**data, subjects=subjects)


class AuditEventSerializer(serializers.Serializer):
    seq = serializers.IntegerField()
    occurred_at = serializers.DateTimeField()
    subject_kind = serializers.CharField()
    subject_id = serializers.CharField()
    subject_seq = serializers.IntegerField()
    number = serializers.CharField(source="subject_number")
    amount = money_field(allow_null=True)
    event = serializers.CharField()
    actor = serializers.CharField(source="actor_name")
    actor_id = serializers.IntegerField(allow_null=True)
    acting_for = serializers.CharField(source="on_behalf_of_name")
    from_state = serializers.CharField()
    to_state = serializers.CharField()
    changes = serializers.DictField()
    comment = serializers.CharField()
    data = serializers.DictField()  # type: ignore[assignment]  # a declared field, not .data
    request_id = serializers.CharField()
    ip = serializers.IPAddressField(allow_null=True)
    prev_hash = serializers.CharField()
    hash = serializers.CharField()


class VerifySerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    events_checked = serializers.IntegerField()
    first_broken = serializers.DictField(allow_null=True)


def _parsed_filters(request) -> EventFilters:
    params = EventQuerySerializer(data=request.query_params)
    params.is_valid(raise_exception=True)
    return params.filters()


_AUDITORS = [IsAuthenticated, IsAuditor]


@extend_schema(tags=["audit"], parameters=[EventQuerySerializer],
               responses={200: AuditEventSerializer(many=True), **ERRORS})
class AuditEventListView(ListAPIView):
    """Events matching every given filter, newest first."""

    permission_classes = _AUDITORS
    serializer_class = AuditEventSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["seq", "occurred_at", "amount"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AuditEvent.objects.none()
        return selectors.events(_parsed_filters(self.request))


@extend_schema(tags=["audit"], request=None, responses={200: VerifySerializer, **ERRORS})
class AuditVerifyView(APIView):
    """Walk every hash chain now and report the first broken link (the run is recorded)."""

    permission_classes = _AUDITORS

    def get(self, request):
        return Response(VerifySerializer(verify_all().as_dict()).data)


# --- CSV export --------------------------------------------------------------------------------

CSV_COLUMNS = (
    ("seq", "seq"), ("occurred_at", "occurred_at"), ("subject_kind", "subject_kind"),
    ("subject_id", "subject_id"), ("number", "subject_number"), ("event", "event"),
    ("actor", "actor_name"), ("acting_for", "on_behalf_of_name"), ("from_state", "from_state"),
    ("to_state", "to_state"), ("amount", "amount"), ("comment", "comment"),
    ("request_id", "request_id"), ("ip", "ip"), ("hash", "hash"),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """Text a spreadsheet would run as a formula (=, +, -, @; OWASP adds tab and CR) is
    prefixed with a quote; numbers and times are written as they are."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    if not isinstance(value, str):
        return str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


class _Echo:
    def write(self, value):
        return value


def csv_lines(queryset):
    writer = csv.writer(_Echo())
    # The BOM makes Excel read the file as UTF-8 (Chinese names and titles).
    yield "\ufeff" + writer.writerow([name for name, _field in CSV_COLUMNS])
    rows = queryset.values_list(*(field for _name, field in CSV_COLUMNS))
    # The rows stream from a server-side cursor; inside a transaction it is a plain cursor of
    # that transaction, which PgBouncer's transaction pooling keeps on one server connection
    # (outside one, Django declares it WITH HOLD and a later FETCH may reach another server).
    with transaction.atomic():
        for row in rows.iterator(chunk_size=2000):
            yield writer.writerow([csv_cell(v) for v in row])


class CSVRenderer(BaseRenderer):
    """Lets clients send `Accept: text/csv`; the export streams past it, errors use it."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        data = data if isinstance(data, dict) else {"detail": str(data)}
        writer = csv.writer(_Echo())
        lines = [writer.writerow(["detail", "code"]),
                 writer.writerow([csv_cell(str(data.get(k, ""))) for k in ("detail", "code")])]
        return "".join(lines).encode(self.charset)


class AuditExportView(APIView):
    """The same filters as the event list, all matching rows, streamed as CSV."""

    permission_classes = _AUDITORS
    renderer_classes = [JSONRenderer, CSVRenderer]

    def perform_content_negotiation(self, request, force=False):
        # A browser following a download link asks for text/html: serve the file all the same.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        tags=["audit"], operation_id="audit_events_export_csv",
        # The export is CSV whatever ?format= says (see perform_content_negotiation).
        parameters=[EventQuerySerializer, OpenApiParameter("format", exclude=True)],
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="UTF-8 CSV with a BOM."
            ),
            **ERRORS,
        },
    )
    def get(self, request):
        rows = selectors.events(_parsed_filters(request))
        response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        response["Content-Disposition"] = f'attachment; filename="audit-events-{stamp}.csv"'
        return response
