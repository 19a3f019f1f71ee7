from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from core import kinds
from core.admin_base import ReadOnlyAdmin

from . import admin_import
from .models import Delegation, Department, OrgImport, Region, RoleAssignment, User


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en")
    search_fields = ("code", "name", "name_en")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en")
    search_fields = ("code", "name", "name_en")


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 1


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    # Django's own sections (a tuple; the stubs allow None or a list too), then ours.
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (
            _("Organisation"),
            {"fields": ("display_name", "mobile", "department", "region", "manager", "grade",
                        "email_notifications")},
        ),
    )
    list_display = ("username", "display_name", "department", "region", "manager", "is_active")
    list_filter = ("department", "region", "role_assignments__role", "is_active")
    search_fields = ("username", "display_name", "first_name", "last_name", "email")
    list_select_related = ("department", "region", "manager")
    autocomplete_fields = ("manager",)
    inlines = [RoleAssignmentInline]

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(lambda request: function(request, self))

        return [
            path("import/", view(admin_import.import_view), name="org_user_import"),
            path("import/apply/", view(admin_import.apply_view), name="org_user_import_apply"),
            path("import/template.xlsx", view(admin_import.template_view),
                 name="org_user_import_template"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}),
                         "may_import": admin_import.may_import(request.user)}
        return super().changelist_view(request, extra_context)


@admin.register(OrgImport)
class OrgImportAdmin(ReadOnlyAdmin):
    """What was imported, when and by whom (the workbook itself stays in the database)."""

    list_display = ("pk", "file_name", "uploaded_by", "uploaded_at", "applied_at", "sha256")
    list_filter = ("applied_at",)
    exclude = ("data",)


class DelegationForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("process kinds"),
        choices=kinds.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to delegate every process kind."),
    )

    class Meta:
        model = Delegation
        fields = ("principal", "deputy", "starts_on", "ends_on", "kinds", "reason")


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    form = DelegationForm
    list_display = ("principal", "deputy", "starts_on", "ends_on", "kinds", "reason")
    list_filter = ("starts_on",)
    search_fields = ("principal__username", "deputy__username")
    autocomplete_fields = ("principal", "deputy")
    list_select_related = ("principal", "deputy")
