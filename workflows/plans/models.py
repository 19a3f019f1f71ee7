from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from core.fsm_guard import Governed, state_guard
from core.money import MoneyField

MONTHS = range(1, 13)
MONTH_NAMES = [gettext_lazy("Jan"), gettext_lazy("Feb"), gettext_lazy("Mar"),
               gettext_lazy("Apr"), gettext_lazy("May"), gettext_lazy("Jun"),
               gettext_lazy("Jul"), gettext_lazy("Aug"), gettext_lazy("Sep"),
               gettext_lazy("Oct"), gettext_lazy("Nov"), gettext_lazy("Dec")]


def month_name(month: int) -> str:
    return str(MONTH_NAMES[month - 1])


QUARTERS = range(1, 5)


class PlanState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONFIRMING = "confirming", _("With the regions for confirmation")
    CONFIRMED = "confirmed", _("Confirmed by every region")
    IN_SIGN_OFF = "in_sign_off", _("With the CEO for sign-off")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned for revision")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SUPERSEDED = "superseded", _("Superseded by a revision")


# The sales GM changes the grid only while the plan is with them.
EDITABLE_STATES = (PlanState.DRAFT, PlanState.RETURNED)
UNDER_WAY_STATES = (PlanState.DRAFT, PlanState.CONFIRMING, PlanState.CONFIRMED,
                    PlanState.IN_SIGN_OFF, PlanState.RETURNED)


class ActualBasis(models.TextChoices):
    """Where a plan's actual sales come from (policy 4.1: plan execution checked regularly)."""

    ENTERED = "entered", _("Entered or imported by hand")
    CONTRACTS = "contracts", _("Signed contracts, by signing month")
    COLLECTIONS = "collections", _("Collections, by collection month")


class Plan(Governed):
    """One version of a fiscal year's sales plan (policy 2.1, 4.1): the company target and its
    decomposition into regions × months and salespeople × months (RegionMonth, PersonMonth).
    Quarters and years are sums of months and never stored."""

    audit_kind = "plan"

    number = models.CharField(_("number"), max_length=40, blank=True, db_index=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("revises"))
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    strategy = models.TextField(_("strategy"), blank=True)
    target = MoneyField(_("company target"))
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("drafted by"))
    revision_reason = models.TextField(_("reason for the revision"), blank=True)
    # With contracts or collections as the basis, entries typed by hand are adjustments (with
    # their note as the reason), shown apart and added to what the business recorded.
    actual_basis = models.CharField(_("actual sales from"), max_length=12,
                                    choices=ActualBasis.choices, default=ActualBasis.ENTERED)
    state = FSMField(_("state"), default=PlanState.DRAFT, choices=PlanState.choices,
                     protected=True, db_index=True)
    # The last push-back or return: who sent the plan back, and why (shown on the plan page).
    return_note = models.TextField(_("returned with"), blank=True)
    returned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("returned by"))
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed by the regions"), null=True, blank=True)
    sent_to_ceo_at = models.DateTimeField(_("sent to the CEO"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("sales plan")
        verbose_name_plural = _("sales plans")
        ordering = ["-fiscal_year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["number", "version"], condition=~Q(number=""),
                                    name="uniq_plan_number_version"),
            # One plan in force per year: publication supersedes the version it revises.
            models.UniqueConstraint(fields=["fiscal_year"], condition=Q(state="published"),
                                    name="one_plan_published_per_year"),
            models.CheckConstraint(condition=Q(target__gte=0), name="plan_target_not_negative"),
        ]
        triggers = [state_guard()]

    def __str__(self):
        return f"{self.number} v{self.version} {self.title}"

    @property
    def amount(self) -> Decimal:
        return self.target

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def reference(self) -> str:
        return f"{self.number} v{self.version}" if self.version > 1 else self.number

    @transition(field=state, source=PlanState.DRAFT, target=PlanState.CONFIRMING)
    def submit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=PlanState.RETURNED, target=PlanState.CONFIRMING)
    def resubmit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=PlanState.CONFIRMING, target=PlanState.CONFIRMED)
    def confirm(self):
        self.confirmed_at = timezone.now()

    @transition(field=state, source=PlanState.CONFIRMED, target=PlanState.IN_SIGN_OFF)
    def send_to_ceo(self):
        self.sent_to_ceo_at = timezone.now()

    @transition(field=state, source=PlanState.IN_SIGN_OFF, target=PlanState.PUBLISHED)
    def publish(self):
        self.published_at = timezone.now()

    @transition(field=state, source=[PlanState.CONFIRMING, PlanState.IN_SIGN_OFF],
                target=PlanState.RETURNED)
    def return_for_revision(self, *, by, note: str):
        self.return_note = note
        self.returned_by = by
        self.returned_at = timezone.now()
        self.confirmed_at = None

    @transition(field=state, source=[PlanState.CONFIRMING, PlanState.CONFIRMED,
                                     PlanState.IN_SIGN_OFF, PlanState.RETURNED],
                target=PlanState.WITHDRAWN)
    def withdraw(self):
        pass

    @transition(field=state, source=PlanState.PUBLISHED, target=PlanState.SUPERSEDED)
    def supersede(self):
        pass


class RegionMonth(models.Model):
    """A region's target for one month of the plan's year."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="region_months")
    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("region"))
    month = models.PositiveSmallIntegerField(_("month"))
    amount = MoneyField(_("target"), default=0)

    class Meta:
        ordering = ["region__code", "month"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "region", "month"],
                                    name="uniq_plan_region_month"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12),
                                   name="region_month_in_year"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="region_month_not_negative"),
        ]

    def __str__(self):
        return f"{self.region} {self.month}: {self.amount}"


class PersonMonth(models.Model):
    """A salesperson's target for one month, within their region's."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="person_months")
    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("region"))
    salesperson = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("salesperson"))
    month = models.PositiveSmallIntegerField(_("month"))
    amount = MoneyField(_("target"), default=0)

    class Meta:
        ordering = ["region__code", "salesperson__username", "month"]
        constraints = [
            # A salesperson has one line in a plan, in one region.
            models.UniqueConstraint(fields=["plan", "salesperson", "month"],
                                    name="uniq_plan_person_month"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12),
                                   name="person_month_in_year"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="person_month_not_negative"),
        ]
        indexes = [models.Index(fields=["salesperson", "plan"], name="person_month_person")]

    def __str__(self):
        return f"{self.salesperson} {self.month}: {self.amount}"


class ActualSource(models.TextChoices):
    ENTERED = "entered", _("Entered")
    IMPORTED = "imported", _("Imported")


class Actual(models.Model):
    """A salesperson's actual sales in one month (policy 4.1 execution tracking)."""

    salesperson = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("salesperson"))
    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("region"))
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"))
    amount = MoneyField(_("actual sales"))
    source = models.CharField(_("source"), max_length=10, choices=ActualSource.choices,
                              default=ActualSource.ENTERED)
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("actual sales")
        verbose_name_plural = _("actual sales")
        ordering = ["year", "month", "region__code", "salesperson__username"]
        constraints = [
            models.UniqueConstraint(fields=["salesperson", "year", "month"],
                                    name="uniq_actual_person_month"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12),
                                   name="actual_month_in_year"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="actual_not_negative"),
        ]
        indexes = [models.Index(fields=["year", "region"], name="actual_year_region")]

    def __str__(self):
        return f"{self.salesperson} {self.year}-{self.month:02d}: {self.amount}"
