from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that change only through the audited services: the admin may read, not write."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
