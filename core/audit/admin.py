from django.contrib import admin

from .models import AuditEvent, VerificationRun


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is never edited, not even by a superuser."""

    list_display = ("seq", "occurred_at", "event", "subject_kind", "subject_number",
                    "actor_name", "on_behalf_of_name", "from_state", "to_state")
    list_filter = ("subject_kind", "event")
    search_fields = ("subject_number", "actor_name", "subject_id", "request_id")
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(VerificationRun)
class VerificationRunAdmin(admin.ModelAdmin):
    list_display = ("started_at", "ok", "events_checked", "seconds")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
