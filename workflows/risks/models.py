"""The risk register (policy 8): risks with their assessments, response measures, periodic
reviews and escalations, and the configuration tables (level bands, review intervals)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, transition

from core.fsm_guard import Governed, state_guard

SCALE = (MinValueValidator(1), MaxValueValidator(5))


class RiskType(models.TextChoices):
    # Policy 8.1: market, credit, legal and competition risks "etc."
    MARKET = "market", pgettext_lazy("risk type", "Market")
    CREDIT = "credit", pgettext_lazy("risk type", "Credit")
    LEGAL = "legal", pgettext_lazy("risk type", "Legal")
    COMPETITION = "competition", pgettext_lazy("risk type", "Competition")
    OTHER = "other", pgettext_lazy("risk type", "Other")


class Level(models.TextChoices):
    LOW = "low", pgettext_lazy("risk level", "Low")
    MEDIUM = "medium", pgettext_lazy("risk level", "Medium")
    HIGH = "high", pgettext_lazy("risk level", "High")
    CRITICAL = "critical", pgettext_lazy("risk level", "Critical")


class RiskState(models.TextChoices):
    IDENTIFIED = "identified", _("Identified")
    ASSESSED = "assessed", _("Assessed")
    PLAN_SUBMITTED = "plan_submitted", _("Response plan in approval")
    PLAN_RETURNED = "plan_returned", _("Response plan returned")
    MITIGATING = "mitigating", _("Mitigating")
    MONITORING = "monitoring", _("Monitoring")
    CLOSING = "closing", _("Closure in approval")
    CLOSED = "closed", _("Closed")


OPEN_STATES = tuple(s for s in RiskState.values if s != RiskState.CLOSED)
# A plan or a closure waits on an approver in these states.
IN_APPROVAL = (RiskState.PLAN_SUBMITTED, RiskState.PLAN_RETURNED, RiskState.CLOSING)


class Source(models.TextChoices):
    MANUAL = "manual", _("Identified by a person")
    COLLECTION = "collection", _("Raised by an overdue collection")


class Risk(Governed):
    audit_kind = "risk"

    number = models.CharField(_("number"), max_length=40, unique=True)
    type = models.CharField(_("type"), max_length=16, choices=RiskType.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    customer = models.ForeignKey("contracts.Customer", on_delete=models.PROTECT, null=True,
                                 blank=True, related_name="+", verbose_name=_("customer"))
    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT, null=True,
                                 blank=True, related_name="+", verbose_name=_("contract"))
    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, null=True, blank=True,
                               verbose_name=_("region"))
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), null=True, blank=True,
                                                  validators=SCALE)
    impact = models.PositiveSmallIntegerField(_("impact"), null=True, blank=True,
                                              validators=SCALE)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, blank=True,
                             db_index=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="risks_owned", verbose_name=_("owner"))
    identified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      null=True, blank=True, related_name="+",
                                      verbose_name=_("identified by"))
    source = models.CharField(_("source"), max_length=12, choices=Source.choices,
                              default=Source.MANUAL)
    state = FSMField(_("status"), default=RiskState.IDENTIFIED, choices=RiskState.choices,
                     protected=True, db_index=True)
    # The role whose holder has the open plan or closure approval (re-routing compares it).
    routed_role = models.CharField(max_length=32, blank=True)
    created = models.DateTimeField(_("identified"), default=timezone.now)
    assessed_at = models.DateTimeField(_("last assessed"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        ordering = ["-created", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(likelihood__isnull=True) | Q(likelihood__gte=1, likelihood__lte=5),
                name="risk_likelihood_1_5"),
            models.CheckConstraint(
                condition=Q(impact__isnull=True) | Q(impact__gte=1, impact__lte=5),
                name="risk_impact_1_5"),
            # An overdue collection raises at most one open credit risk per contract.
            models.UniqueConstraint(fields=["contract"], name="one_open_collection_risk",
                                    condition=Q(source="collection") & ~Q(state="closed")),
        ]
        indexes = [models.Index(fields=["likelihood", "impact"], name="risk_cell")]
        triggers = [state_guard()]

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def amount(self):
        return None

    @property
    def is_open(self) -> bool:
        return self.state != RiskState.CLOSED

    @transition(field=state, source=[RiskState.IDENTIFIED, RiskState.ASSESSED],
                target=RiskState.ASSESSED)
    def assess(self):
        self.assessed_at = timezone.now()

    @transition(field=state, source=RiskState.ASSESSED, target=RiskState.PLAN_SUBMITTED)
    def submit_plan(self):
        pass

    @transition(field=state, source=RiskState.ASSESSED, target=RiskState.MITIGATING)
    def adopt_plan(self):
        """A low risk's plan needs no approval."""

    @transition(field=state, source=RiskState.PLAN_RETURNED, target=RiskState.PLAN_SUBMITTED)
    def resubmit_plan(self):
        pass

    @transition(field=state, source=RiskState.PLAN_SUBMITTED, target=RiskState.MITIGATING)
    def approve_plan(self):
        self.routed_role = ""

    @transition(field=state, source=RiskState.PLAN_SUBMITTED, target=RiskState.PLAN_RETURNED)
    def return_plan(self):
        pass

    @transition(field=state, source=[RiskState.PLAN_SUBMITTED, RiskState.PLAN_RETURNED],
                target=RiskState.ASSESSED)
    def drop_plan(self):
        """Rejected or withdrawn: the risk stays assessed and needs a new plan."""
        self.routed_role = ""

    @transition(field=state, source=RiskState.MITIGATING, target=RiskState.MONITORING)
    def monitor(self):
        pass

    @transition(field=state, source=RiskState.MONITORING, target=RiskState.MITIGATING)
    def resume_mitigation(self):
        pass

    @transition(field=state, source=RiskState.MONITORING, target=RiskState.CLOSING)
    def request_closure(self):
        pass

    @transition(field=state, source=RiskState.CLOSING, target=RiskState.MONITORING)
    def keep_open(self):
        """Closure rejected or withdrawn."""
        self.routed_role = ""

    @transition(field=state, source=[RiskState.MONITORING, RiskState.CLOSING],
                target=RiskState.CLOSED)
    def close(self):
        self.routed_role = ""
        self.closed_at = timezone.now()


class Assessment(models.Model):
    """Every (re-)assessment is kept: the history of scores (policy 8.1.2)."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="assessments")
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), validators=SCALE)
    impact = models.PositiveSmallIntegerField(_("impact"), validators=SCALE)
    score = models.PositiveSmallIntegerField(_("score"))
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    previous_level = models.CharField(max_length=10, choices=Level.choices, blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("assessed by"))
    assessed_at = models.DateTimeField(_("assessed"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-assessed_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(likelihood__gte=1, likelihood__lte=5),
                                   name="assessment_likelihood_1_5"),
            models.CheckConstraint(condition=Q(impact__gte=1, impact__lte=5),
                                   name="assessment_impact_1_5"),
        ]

    def __str__(self):
        return f"{self.risk_id}: {self.likelihood}×{self.impact}={self.score}"


class Measure(models.Model):
    """A response measure (policy 8.2): what is done, by whom, by when."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="measures")
    description = models.TextField(_("measure"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("responsible"))
    due_date = models.DateField(_("due date"))
    done_date = models.DateField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["due_date"], name="measure_open_due",
                                condition=Q(done_date__isnull=True))]

    def __str__(self):
        return self.description[:60]

    def overdue_on(self, today) -> bool:
        return self.done_date is None and self.due_date < today


class EscalationReason(models.TextChoices):
    ASSESSED = "assessed", _("Assessed high or critical")
    MEASURE_OVERDUE = "measure_overdue", _("Measure overdue")


class RiskEscalation(models.Model):
    """One row per escalation; the unique keys make each happen exactly once per level.

    Levels climb the line of authority: 1 the region's manager, 2 the sales GM, 3 the CEO.
    """

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="escalations")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="escalations")
    reason = models.CharField(_("reason"), max_length=20, choices=EscalationReason.choices)
    level = models.PositiveSmallIntegerField(_("escalation level"))
    role = models.CharField(_("escalated to"), max_length=32)
    recipients = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(_("escalated"), default=timezone.now)

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "level"], name="uniq_measure_escalation",
                                    condition=Q(measure__isnull=False)),
            models.UniqueConstraint(fields=["risk", "reason", "level"],
                                    name="uniq_risk_escalation",
                                    condition=Q(measure__isnull=True)),
        ]
        indexes = [models.Index(fields=["-created"], name="risk_escalation_recent")]

    def __str__(self):
        return f"{self.risk_id} {self.reason} L{self.level}"


class LevelBand(models.Model):
    """Which scores make which level (policy 8.1.2 "确定风险等级"); editable by administrators."""

    level = models.CharField(_("level"), max_length=10, choices=Level.choices, unique=True)
    min_score = models.PositiveSmallIntegerField(_("from score"), validators=(
        MinValueValidator(1), MaxValueValidator(25)))
    max_score = models.PositiveSmallIntegerField(_("to score (inclusive)"), validators=(
        MinValueValidator(1), MaxValueValidator(25)))

    class Meta:
        verbose_name = _("risk level band")
        verbose_name_plural = _("risk level bands")
        ordering = ["min_score"]
        constraints = [models.CheckConstraint(condition=Q(max_score__gte=models.F("min_score")),
                                              name="level_band_order")]

    def __str__(self):
        return f"{self.get_level_display()}: {self.min_score}–{self.max_score}"

    def clean(self):
        if self.min_score is None or self.max_score is None:
            return
        if self.max_score < self.min_score:
            raise ValidationError({"max_score": _("The upper score is below the lower one.")})
        clash = LevelBand.objects.filter(min_score__lte=self.max_score,
                                         max_score__gte=self.min_score).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError(_("These scores overlap the band %(band)s.")
                                  % {"band": clash.first()})


class ReviewSchedule(models.Model):
    """How often open risks of a level are reviewed (policy 8.2.2 "定期检查"); no row, no
    periodic review for that level."""

    level = models.CharField(_("level"), max_length=10, choices=Level.choices, unique=True)
    interval_days = models.PositiveSmallIntegerField(_("every (days)"), validators=(
        MinValueValidator(1), MaxValueValidator(366)))

    class Meta:
        verbose_name = _("risk review interval")
        verbose_name_plural = _("risk review intervals")
        ordering = ["interval_days"]
        constraints = [models.CheckConstraint(condition=Q(interval_days__gte=1),
                                              name="review_interval_positive")]

    def __str__(self):
        return f"{self.get_level_display()}: {self.interval_days}"


class Review(models.Model):
    """A periodic review of one risk: whether its measures work, maybe a re-assessment."""

    class State(models.TextChoices):
        OPEN = "open", pgettext_lazy("review status", "Due")
        DONE = "done", _("Done")

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    due_date = models.DateField(_("due"))
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("reviewer"))
    state = models.CharField(_("status"), max_length=8, choices=State.choices,
                             default=State.OPEN)
    measures_effective = models.BooleanField(_("measures work"), null=True, blank=True)
    comment = models.TextField(_("findings"), blank=True)
    assessment = models.ForeignKey(Assessment, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                blank=True, related_name="+")
    done_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-due_date", "-pk"]
        constraints = [
            # One review per risk and period: two sweepers cannot both create it.
            models.UniqueConstraint(fields=["risk", "due_date"], name="uniq_review_period"),
        ]
        indexes = [models.Index(fields=["assignee", "due_date"], name="review_open",
                                condition=Q(state="open"))]

    def __str__(self):
        return f"{self.risk_id} {self.due_date}"


class CreditAlertLink(models.Model):
    """Which credit risk an overdue-collection alert raised or joined; one row per alert, so the
    alert never raises a second risk."""

    alert = models.OneToOneField("contracts.CreditAlert", on_delete=models.CASCADE,
                                 related_name="+")
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="credit_alerts")
    created = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"alert {self.alert_id} → risk {self.risk_id}"
