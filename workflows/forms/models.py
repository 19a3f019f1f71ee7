from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, transition

from core.fsm_guard import Governed, state_guard
from core.money import MoneyField

from . import rules


class TemplateCategory(models.TextChoices):
    """Where a template is listed (the catalogue's filter): a fixed list, named in both
    languages by gettext like the other choice sets."""

    HR = "hr", pgettext_lazy("template category", "Human resources")
    SALES = "sales", pgettext_lazy("template category", "Sales")
    MARKETING = "marketing", pgettext_lazy("template category", "Marketing")
    FINANCE = "finance", pgettext_lazy("template category", "Finance")
    ADMINISTRATION = "administration", pgettext_lazy("template category", "Administration")
    OTHER = "other", pgettext_lazy("template category", "Other")


class FormTemplate(models.Model):
    """An approval the company defines itself: its name, who may submit it, the draft of its
    next version and whether it takes new submissions. What a request follows is a published
    `TemplateVersion`, never the template row or its draft."""

    code = models.SlugField(_("code"), max_length=32, unique=True,
                            help_text=_("Also the category of its authority matrix."))
    name_zh = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    category = models.CharField(_("category"), max_length=50, blank=True,
                                choices=TemplateCategory.choices)
    number_prefix = models.CharField(_("number prefix"), max_length=8)
    # who may submit: empty lists together mean everyone
    submit_roles = models.JSONField(_("roles that may submit"), default=list, blank=True)
    submit_departments = models.JSONField(_("departments that may submit"), default=list,
                                          blank=True)
    submit_regions = models.JSONField(_("regions that may submit"), default=list, blank=True)
    enabled = models.BooleanField(_("takes new submissions"), default=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+", verbose_name=_("process owner"))
    draft = models.JSONField(_("draft of the next version"), null=True, blank=True)
    draft_updated = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("approval template")
        verbose_name_plural = _("approval templates")
        ordering = ["category", "code"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return rules.text({"zh": self.name_zh, "en": self.name_en})

    def current(self) -> "TemplateVersion | None":
        return self.versions.order_by("-number").first()


class TemplateVersion(models.Model):
    """A published form and routing, immutable: a submission keeps the version it was made
    under whatever is published later."""

    template = models.ForeignKey(FormTemplate, on_delete=models.PROTECT,
                                 related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    definition = models.JSONField(_("form and routing"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     null=True, related_name="+")
    note = models.CharField(_("what changed"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("template version")
        ordering = ["template", "-number"]
        constraints = [models.UniqueConstraint(fields=["template", "number"],
                                               name="uniq_template_version")]

    def __str__(self):
        return f"{self.template} v{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("A published version cannot be changed; edit the draft of "
                                    "the next version."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("A published version cannot be deleted."))


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Cancelled")


class Submission(Governed):
    """One request made with a template: the values of its version's form."""

    audit_kind = "form"

    version = models.ForeignKey(TemplateVersion, on_delete=models.PROTECT,
                                related_name="submissions", verbose_name=_("version"))
    template = models.ForeignKey(FormTemplate, on_delete=models.PROTECT,
                                 related_name="submissions", verbose_name=_("template"))
    submitter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    number = models.CharField(_("number"), max_length=40, blank=True, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    values = models.JSONField(_("values"), default=dict)
    amount = MoneyField(_("amount"), null=True, blank=True)
    state = FSMField(_("state"), default=SubmissionState.DRAFT,
                     choices=SubmissionState.choices, protected=True, db_index=True)
    created = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # over what its budget had left when it was (re)submitted, under a rule that adds an
    # approval (budget.py): the extra step, and the hold may go over on the last approval
    over_budget = models.BooleanField(_("over budget"), default=False)

    class Meta:
        verbose_name = _("template request")
        verbose_name_plural = _("template requests")
        triggers = [state_guard()]
        indexes = [models.Index(fields=["template", "-created"], name="form_sub_tpl_created")]

    def __str__(self):
        return self.title

    @transition(field=state, source=[SubmissionState.DRAFT], target=SubmissionState.SUBMITTED)
    def submit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=SubmissionState.SUBMITTED, target=SubmissionState.APPROVED)
    def approve(self):
        pass

    @transition(field=state, source=SubmissionState.SUBMITTED, target=SubmissionState.REJECTED)
    def reject(self):
        pass

    @transition(field=state, source=SubmissionState.SUBMITTED, target=SubmissionState.RETURNED)
    def return_for_revision(self):
        pass

    @transition(field=state, source=SubmissionState.RETURNED, target=SubmissionState.SUBMITTED)
    def resubmit(self):
        pass

    @transition(field=state, source=[SubmissionState.SUBMITTED, SubmissionState.RETURNED],
                target=SubmissionState.WITHDRAWN)
    def withdraw(self):
        pass

    @transition(field=state, source=SubmissionState.APPROVED, target=SubmissionState.CANCELLED)
    def cancel(self):
        pass


class ActionItemState(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class ActionItem(Governed):
    """One row of an approved request's action-item table (meeting minutes): a task in its
    owner's inbox, due on the row's date, marked done with a note (process kind
    `form_action`)."""

    audit_kind = "form_action"

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT,
                                   related_name="action_items")
    row = models.PositiveSmallIntegerField(_("row"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("owner"))
    due = models.DateField(_("due"))
    description = models.CharField(_("action item"), max_length=200)
    state = FSMField(_("state"), default=ActionItemState.OPEN,
                     choices=ActionItemState.choices, protected=True)
    note = models.TextField(_("note"), blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["submission", "row"]
        triggers = [state_guard()]
        constraints = [models.UniqueConstraint(fields=["submission", "row"],
                                               name="uniq_action_item_row")]

    def __str__(self):
        return self.description

    @transition(field=state, source=ActionItemState.OPEN, target=ActionItemState.DONE)
    def mark_done(self):
        self.done_at = timezone.now()

    @transition(field=state, source=ActionItemState.OPEN, target=ActionItemState.CANCELLED)
    def cancel(self):
        pass
