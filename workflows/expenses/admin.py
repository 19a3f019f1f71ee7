from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_base import ReadOnlyAdmin
from core.org import selectors as org
from core.org.models import Role

from .models import (
    Budget,
    CategoryPolicy,
    ExpenseClaim,
    ExpenseLine,
    Receipt,
    ReimbursementStandard,
    VoucherKind,
    VoucherRequirement,
)


class FinanceEditsAdmin(admin.ModelAdmin):
    """Standards and over-budget policies are finance's (policy 7.3); a staff member with the
    finance role may edit them without being given model permissions one by one."""

    def _finance(self, request) -> bool:
        return request.user.is_active and request.user.is_staff \
            and org.has_role(request.user, Role.FINANCE)

    def has_module_permission(self, request):
        return super().has_module_permission(request) or self._finance(request)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or self._finance(request)

    def has_add_permission(self, request):
        return super().has_add_permission(request) or self._finance(request)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or self._finance(request)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) or self._finance(request)

    # Every change is an audit event on the row's own chain, in the transaction that makes it:
    # the models are registered with core.audit.config in apps.py.


@admin.register(ReimbursementStandard)
class ReimbursementStandardAdmin(FinanceEditsAdmin):
    list_display = ("item_type", "city_tier", "min_grade", "max_grade", "cap", "on_excess",
                    "note")
    list_filter = ("item_type", "city_tier", "on_excess")
    search_fields = ("note",)


class VoucherRequirementForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("any of these vouchers"), choices=VoucherKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick two for \"either\" (a ticket or an invoice); add one row per voucher "
                    "needed on top (a hotel line: one row for the invoice, one for the folio)."))

    class Meta:
        model = VoucherRequirement
        fields = ("item_type", "category", "kinds", "note")


@admin.register(VoucherRequirement)
class VoucherRequirementAdmin(FinanceEditsAdmin):
    form = VoucherRequirementForm
    list_display = ("item_type", "category", "kinds_display", "note")
    list_filter = ("item_type", "category")

    @admin.display(description=_("any of these vouchers"))
    def kinds_display(self, obj):
        return obj.kinds_display()


@admin.register(CategoryPolicy)
class CategoryPolicyAdmin(FinanceEditsAdmin):
    list_display = ("category", "over_budget")


@admin.register(Budget)
class BudgetAdmin(ReadOnlyAdmin):
    list_display = ("number", "fiscal_year", "department", "region", "category", "version",
                    "state", "total", "owner")
    list_filter = ("fiscal_year", "category", "state", "department", "region")
    search_fields = ("number",)
    list_select_related = ("department", "region", "owner")


class ExpenseLineInline(admin.TabularInline):
    model = ExpenseLine
    extra = 0
    can_delete = False
    fields = ("date", "item_type", "description", "amount", "city_tier", "units", "cap",
              "excess", "approved_amount", "reduction_reason")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Receipt)
class ReceiptAdmin(ReadOnlyAdmin):
    list_display = ("claim", "kind", "invoice_type", "invoice_code", "invoice_number",
                    "invoice_amount", "status", "duplicate_of")
    list_filter = ("kind", "invoice_type", "status")
    search_fields = ("invoice_number", "sha256", "claim__number")
    list_select_related = ("claim", "duplicate_of")


@admin.register(ExpenseClaim)
class ExpenseClaimAdmin(ReadOnlyAdmin):
    list_display = ("number", "title", "submitter", "category", "expense_date", "total",
                    "approved_total", "state")
    list_filter = ("state", "category", "over_budget", "over_standard")
    search_fields = ("number", "title")
    date_hierarchy = "expense_date"
    list_select_related = ("submitter",)
    inlines = [ExpenseLineInline]
