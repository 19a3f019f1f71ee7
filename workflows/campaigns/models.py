"""A marketing campaign (营销活动, policy 5(三)) with its budget lines, and its evaluation."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from core.fsm_guard import Governed, state_guard
from core.money import MoneyField


class CampaignType(models.TextChoices):
    TRADE_SHOW = "trade_show", _("Trade show")
    LAUNCH = "launch", _("Product launch")
    ONLINE = "online", _("Online campaign")
    CUSTOMER_EVENT = "customer_event", _("Customer event")


class CampaignState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("In approval")
    RETURNED = "returned", _("Returned for revision")
    APPROVED = "approved", _("Approved")
    EVALUATING = "evaluating", _("Ended, being evaluated")
    CLOSED = "closed", _("Evaluated")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Campaign(Governed):
    audit_kind = "campaign"

    number = models.CharField(_("number"), max_length=40, blank=True, db_index=True)
    theme = models.CharField(_("theme"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=CampaignType.choices)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200)
    regions = models.ManyToManyField("org.Region", blank=True, verbose_name=_("regions"),
                                     related_name="+")
    content = models.TextField(_("content"), blank=True)
    audience = models.CharField(_("target audience"), max_length=300, blank=True)
    expected_leads = models.PositiveIntegerField(_("expected leads"), default=0)
    expected_attendees = models.PositiveIntegerField(_("expected attendees"), default=0)
    expected_value = MoneyField(_("expected contracts value"), default=0)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("owner"))
    department = models.ForeignKey("org.Department", on_delete=models.PROTECT,
                                   verbose_name=_("budget of department"))
    total = MoneyField(_("budget"), default=0)
    over_budget = models.BooleanField(_("over budget"), default=False)
    state = FSMField(_("state"), default=CampaignState.DRAFT, choices=CampaignState.choices,
                     protected=True, db_index=True)
    created = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("marketing campaign")
        verbose_name_plural = _("marketing campaigns")
        ordering = ["-start", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")),
                                   name="campaign_ends_after_start"),
            models.UniqueConstraint(fields=["number"], condition=~Q(number=""),
                                    name="uniq_campaign_number"),
        ]
        triggers = [state_guard()]

    def __str__(self):
        return f"{self.number or _('draft')} {self.theme}"

    @property
    def amount(self) -> Decimal:
        return self.total

    @transition(field=state, source=CampaignState.DRAFT, target=CampaignState.SUBMITTED)
    def submit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=CampaignState.RETURNED, target=CampaignState.SUBMITTED)
    def resubmit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=CampaignState.SUBMITTED, target=CampaignState.APPROVED)
    def approve(self):
        self.approved_at = timezone.now()

    @transition(field=state, source=CampaignState.SUBMITTED, target=CampaignState.REJECTED)
    def reject(self):
        pass

    @transition(field=state, source=CampaignState.SUBMITTED, target=CampaignState.RETURNED)
    def return_for_revision(self):
        pass

    @transition(field=state, source=[CampaignState.SUBMITTED, CampaignState.RETURNED],
                target=CampaignState.WITHDRAWN)
    def withdraw(self):
        pass

    @transition(field=state, source=CampaignState.APPROVED, target=CampaignState.WITHDRAWN)
    def cancel(self):
        pass

    @transition(field=state, source=CampaignState.APPROVED, target=CampaignState.EVALUATING)
    def end_campaign(self):
        pass

    @transition(field=state, source=CampaignState.EVALUATING, target=CampaignState.CLOSED)
    def close(self):
        pass


class CampaignLine(models.Model):
    """One budget line: an expense category, the month it is spent in and the campaign's region
    it is for; reserved on approval against that region's budget of the category and month
    when the department has one, else the department's own (an expenses budget hold)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="lines")
    category = models.CharField(_("category"), max_length=20)
    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("region"),
                               help_text=_("One of the campaign's regions; empty when it "
                                           "names none."))
    month = models.DateField(_("month"), help_text=_("The first day of the month it is spent."))
    description = models.CharField(_("description"), max_length=200)
    amount = MoneyField(_("planned"))

    class Meta:
        verbose_name = _("campaign budget line")
        verbose_name_plural = _("campaign budget lines")
        ordering = ["month", "category", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="campaign_line_positive"),
        ]

    def __str__(self):
        return f"{self.description} {self.amount}"

    @property
    def hold_ref(self) -> str:
        return f"campaign:{self.campaign_id}:line:{self.pk}"


class EvaluationState(models.TextChoices):
    OPEN = "open", _("To be filed")
    SUBMITTED = "submitted", _("In review")
    RETURNED = "returned", _("Returned for revision")
    APPROVED = "approved", _("Approved")


class CampaignEvaluation(Governed):
    """What the campaign achieved, filed by its owner after the last day (due in ten working
    days) and reviewed by the sales GM; its approval releases the budget left unused."""

    audit_kind = "campaign_eval"

    campaign = models.OneToOneField(Campaign, on_delete=models.PROTECT,
                                    related_name="evaluation")
    due = models.DateField(_("due"))
    leads = models.PositiveIntegerField(_("actual leads"), default=0)
    attendees = models.PositiveIntegerField(_("attendees"), default=0)
    customers_met = models.PositiveIntegerField(_("customers met"), default=0)
    contracts = models.ManyToManyField("contracts.Contract", blank=True, related_name="+",
                                       verbose_name=_("contracts attributed"))
    contracts_value = MoneyField(_("value of the contracts attributed"), default=0)
    spent = MoneyField(_("spent"), default=0)
    lessons = models.TextField(_("lessons learned"), blank=True)
    state = FSMField(_("state"), default=EvaluationState.OPEN,
                     choices=EvaluationState.choices, protected=True, db_index=True)
    created = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("campaign evaluation")
        verbose_name_plural = _("campaign evaluations")
        triggers = [state_guard()]

    def __str__(self):
        return f"{self.campaign}"

    @property
    def cost_per_lead(self) -> Decimal | None:
        """None until something was spent and a lead came in."""
        if not (self.leads and self.spent):
            return None
        return (self.spent / self.leads).quantize(Decimal("0.01"))

    @property
    def return_on_spend(self) -> Decimal | None:
        """Contracts value per yuan spent (2.50 = 2.50 yuan signed for every yuan spent)."""
        return ((self.contracts_value / self.spent).quantize(Decimal("0.01"))
                if self.spent else None)

    @transition(field=state, source=EvaluationState.OPEN, target=EvaluationState.SUBMITTED)
    def submit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=EvaluationState.RETURNED, target=EvaluationState.SUBMITTED)
    def resubmit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=EvaluationState.SUBMITTED, target=EvaluationState.APPROVED)
    def approve(self):
        pass

    @transition(field=state, source=EvaluationState.SUBMITTED, target=EvaluationState.RETURNED)
    def return_for_revision(self):
        pass
