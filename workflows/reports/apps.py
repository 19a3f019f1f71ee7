from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The monthly sales analysis report (policy §6): not a governed process (nothing is
    approved), a reader of every process's selectors, so it registers no ProcessSpec, only its
    page's menu entry (for those who may read the reports)."""

    name = "workflows.reports"
    label = "reports"
    verbose_name = _("Sales reports")

    def ready(self):
        from core.registry import MENU_REPORTS, MenuEntry, register_page

        from .selectors import can_read

        register_page(MenuEntry(_("Reports"), "reports:list", active_prefix="/reports/",
                                visible=can_read, order=95, group=MENU_REPORTS))
