"""Contracts and customers change only through the audited services: the admin reads them.
The product catalogue is configuration: edited here (audited by core.audit.config) and
imported from a workbook."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.admin_base import ReadOnlyAdmin
from core.exceptions import ApprovalError

from .models import (
    Contract,
    ContractLine,
    CreditAlert,
    CreditLimitChange,
    Customer,
    ExecutionProblem,
    Milestone,
    Product,
)
from .services.products import products_import


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


class LineInline(ReadOnlyInline):
    model = ContractLine
    fields = ("position", "product", "quantity", "unit_price", "discount", "value")


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
    inlines = [LineInline, MilestoneInline, ProblemInline]


@admin.register(CreditAlert)
class CreditAlertAdmin(ReadOnlyAdmin):
    list_display = ("customer", "milestone", "days_overdue", "created")
    list_select_related = ("customer", "milestone")


class ProductImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Workbook (.xlsx)"))


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("code", "name_zh", "name_en", "category", "unit", "unit_en", "list_price",
                    "active")
    list_filter = ("active", "category")
    search_fields = ("code", "name_zh", "name_en")
    change_list_template = "admin/contracts/product/change_list.html"

    def has_delete_permission(self, request, obj=None):
        return False  # lines point at products: retire one by clearing "active"

    def get_urls(self):
        return [path("import/", self.admin_site.admin_view(self.import_view),
                     name="contracts_product_import"), *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ProductImportForm(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            try:
                result = products_import(data=form.cleaned_data["file"].read(),
                                         actor=request.user)
            except ApprovalError as exc:
                form.add_error("file", str(exc.message))
            else:
                if not result.errors:
                    messages.success(request, _(
                        "%(c)d products created, %(u)d updated, %(n)d unchanged.")
                        % {"c": len(result.created), "u": len(result.updated),
                           "n": len(result.unchanged)})
                    return redirect("admin:contracts_product_changelist")
        return TemplateResponse(request, "admin/contracts/product/import.html", {
            **self.admin_site.each_context(request), "form": form, "result": result,
            "opts": self.model._meta, "title": _("Import products"),
        }, status=400 if result and result.errors else 200)
