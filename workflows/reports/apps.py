from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The monthly sales analysis report (policy §6): not a governed process (nothing is
    approved), a reader of every process's selectors, so it registers no ProcessSpec."""

    name = "workflows.reports"
    label = "reports"
    verbose_name = _("Sales reports")
