"""An archived sales analysis report: one row per claimed key (a scheduled month is claimed once,
however many beat processes ask), its rendered files stored under generated names."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Trigger(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    ON_DEMAND = "on_demand", _("On demand")


class SalesReport(models.Model):
    # "scheduled:2026-11" for the monthly run (unique: the exactly-once claim); an on-demand
    # report gets a fresh key each time it is asked for.
    key = models.CharField(max_length=80, unique=True)
    trigger = models.CharField(_("trigger"), max_length=12, choices=Trigger.choices)
    period_start = models.DateField(_("first day"))
    period_end = models.DateField(_("last day"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("requested by"))
    created = models.DateTimeField(_("generated"), default=timezone.now)
    # The figures as rendered (JSON), so the page and the API can show them without re-reading.
    summary = models.JSONField(default=dict, blank=True)

    audit_kind = "report"

    class Meta:
        ordering = ["-period_start", "-created", "-pk"]
        indexes = [models.Index(fields=["-period_start", "-created"], name="report_latest")]
        constraints = [models.CheckConstraint(condition=models.Q(period_end__gte=models.F(
            "period_start")), name="report_period_ordered")]

    def __str__(self):
        return f"{self.period_start}..{self.period_end}"

    @property
    def number(self) -> str:
        if self.period_start.day == 1 and self.trigger == Trigger.SCHEDULED:
            return f"SR-{self.period_start:%Y-%m}"
        return f"SR-{self.period_start:%Y%m%d}-{self.period_end:%Y%m%d}-{self.pk}"


def _report_path(instance, filename):
    # A generated name (token + format), never a name derived from user input.
    return f"reports/{instance.report_id}/{filename}"


class ReportFile(models.Model):
    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "Excel (.xlsx)"

    report = models.ForeignKey(SalesReport, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    token = models.CharField(max_length=40, unique=True)
    file = models.FileField(upload_to=_report_path, max_length=200)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["language", "format"]
        constraints = [models.UniqueConstraint(fields=["report", "language", "format"],
                                               name="report_file_once")]

    def __str__(self):
        return f"{self.report} {self.language} {self.format}"

    @property
    def content_type(self) -> str:
        return ("application/pdf" if self.format == self.Format.PDF else
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    def download_name(self) -> str:
        return f"{self.report.number}-{self.language}.{self.format}"
