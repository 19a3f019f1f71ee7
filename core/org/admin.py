from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from core import kinds

from .models import Delegation, Department, Region, RoleAssignment, User


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


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
            {"fields": ("display_name", "department", "region", "manager", "grade",
                        "email_notifications")},
        ),
    )
    list_display = ("username", "display_name", "department", "region", "manager", "is_active")
    list_filter = ("department", "region", "role_assignments__role", "is_active")
    search_fields = ("username", "display_name", "first_name", "last_name", "email")
    list_select_related = ("department", "region", "manager")
    autocomplete_fields = ("manager",)
    inlines = [RoleAssignmentInline]


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
