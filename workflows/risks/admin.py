"""Risks change only through the audited services: the admin reads them. The level bands and
the review intervals are configuration that administrators edit here."""

from django.contrib import admin

from core.admin_base import ReadOnlyAdmin

from .models import LevelBand, Measure, ReviewSchedule, Risk, RiskEscalation


@admin.register(LevelBand)
class LevelBandAdmin(admin.ModelAdmin):
    list_display = ("level", "min_score", "max_score")


@admin.register(ReviewSchedule)
class ReviewScheduleAdmin(admin.ModelAdmin):
    list_display = ("level", "interval_days")


class MeasureInline(admin.TabularInline):
    model = Measure
    extra = 0
    can_delete = False
    fields = ("description", "owner", "due_date", "done_date")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Risk)
class RiskAdmin(ReadOnlyAdmin):
    list_display = ("number", "title", "type", "level", "score", "state", "owner", "region")
    list_filter = ("state", "level", "type", "region", "source")
    search_fields = ("number", "title")
    list_select_related = ("owner", "region")
    inlines = [MeasureInline]


@admin.register(RiskEscalation)
class RiskEscalationAdmin(ReadOnlyAdmin):
    list_display = ("risk", "reason", "level", "role", "created")
    list_filter = ("reason", "level")
    list_select_related = ("risk",)
