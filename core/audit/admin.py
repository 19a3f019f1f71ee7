from django.contrib import admin

from core.admin_base import ReadOnlyAdmin

from .models import AuditEvent, VerificationRun


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: the audit trail is never edited, not even by a superuser."""

    list_display = ("seq", "occurred_at", "event", "subject_kind", "subject_number",
                    "actor_name", "on_behalf_of_name", "from_state", "to_state")
    list_filter = ("subject_kind", "event")
    search_fields = ("subject_number", "actor_name", "subject_id", "request_id")
    date_hierarchy = "occurred_at"


@admin.register(VerificationRun)
class VerificationRunAdmin(ReadOnlyAdmin):
    list_display = ("started_at", "ok", "events_checked", "seconds")
