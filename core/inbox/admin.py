from django.contrib import admin
from viewflow.workflow.admin import ProcessAdmin, TaskAdmin
from viewflow.workflow.models import Process, Task

from core.admin_base import ReadOnlyAdmin

from . import sla
from .models import Holiday, Request, SLARule, WorkItem


class CalendarAdmin(admin.ModelAdmin):
    """Deadline rules and holidays are cached for a minute; a change clears the cache."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        sla.forget_cached_rules()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        sla.forget_cached_rules()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        sla.forget_cached_rules()


@admin.register(SLARule)
class SLARuleAdmin(CalendarAdmin):
    list_display = ("kind", "step_code", "hours", "remind_before_hours")
    list_filter = ("kind",)


@admin.register(Holiday)
class HolidayAdmin(CalendarAdmin):
    list_display = ("date", "name")
    date_hierarchy = "date"


@admin.register(Request)
class RequestAdmin(ReadOnlyAdmin):
    list_display = ("number", "kind", "title", "submitter", "status", "current_step", "since")
    list_filter = ("kind", "status")
    search_fields = ("number", "title")
    list_select_related = ("submitter",)


@admin.register(WorkItem)
class WorkItemAdmin(ReadOnlyAdmin):
    list_display = ("task_id", "kind", "number", "step_code", "assignee", "status", "due")
    list_filter = ("kind", "status")
    search_fields = ("number", "title")
    list_select_related = ("assignee",)


# viewflow's own admin would let a superuser edit or delete a process or task row behind the
# engine's back (and the audit's): the engine's rows are read here, never written.
class _ReadOnlyEngineAdmin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class EngineProcessAdmin(_ReadOnlyEngineAdmin, ProcessAdmin):
    inlines: list = []


class EngineTaskAdmin(_ReadOnlyEngineAdmin, TaskAdmin):
    pass


for _model, _admin in ((Process, EngineProcessAdmin), (Task, EngineTaskAdmin)):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _admin)
