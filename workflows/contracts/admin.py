"""Contracts and customers change only through the audited services: the admin reads them."""

from django.contrib import admin

from core.admin_base import ReadOnlyAdmin

from .models import Contract, CreditAlert, CreditLimitChange, Customer, ExecutionProblem, Milestone


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MilestoneInline(ReadOnlyInline):
    model = Milestone
    fields = ("kind", "amount", "due_date", "done_date", "note")


class ProblemInline(ReadOnlyInline):
    model = ExecutionProblem
    fields = ("description", "raised_by", "assignee", "resolution", "resolved_at", "created")


class LimitChangeInline(ReadOnlyInline):
    model = CreditLimitChange
    fk_name = "customer"
    fields = ("old_limit", "new_limit", "reason", "requested_by", "state", "decided_by",
              "decided_at", "created")


@admin.register(Customer)
class CustomerAdmin(ReadOnlyAdmin):
    list_display = ("name", "credit_code", "region", "rating", "credit_limit",
                    "open_receivables", "account_owner")
    list_filter = ("region", "rating")
    search_fields = ("name", "credit_code")
    list_select_related = ("region", "account_owner")
    inlines = [LimitChangeInline]


@admin.register(CreditLimitChange)
class CreditLimitChangeAdmin(ReadOnlyAdmin):
    list_display = ("customer", "old_limit", "new_limit", "state", "requested_by", "decided_by",
                    "created")
    list_filter = ("state",)
    search_fields = ("customer__name", "customer__credit_code")
    list_select_related = ("customer", "requested_by", "decided_by")


@admin.register(Contract)
class ContractAdmin(ReadOnlyAdmin):
    list_display = ("number", "version", "title", "customer", "owner", "value", "state",
                    "credit_breach", "created")
    list_filter = ("state", "credit_breach", "customer__region")
    search_fields = ("number", "title", "customer__name")
    date_hierarchy = "created"
    list_select_related = ("customer", "owner")
    inlines = [MilestoneInline, ProblemInline]


@admin.register(CreditAlert)
class CreditAlertAdmin(ReadOnlyAdmin):
    list_display = ("customer", "milestone", "days_overdue", "created")
    list_select_related = ("customer", "milestone")
