from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from core.fsm_guard import Governed, state_guard
from core.money import MoneyField


class DemoState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DemoRequest(Governed):
    """A plain request with an amount: the smallest thing the task engine can route."""

    audit_kind = "demo"

    title = models.CharField(_("title"), max_length=200)
    amount = MoneyField(_("amount"))
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(_("number"), max_length=40, blank=True)
    state = FSMField(
        _("state"), default=DemoState.DRAFT, choices=DemoState.choices, protected=True,
        db_index=True,
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("demo request")
        triggers = [state_guard()]

    def __str__(self):
        return self.title

    @transition(field=state, source=[DemoState.DRAFT], target=DemoState.SUBMITTED)
    def submit(self):
        pass

    @transition(field=state, source=DemoState.SUBMITTED, target=DemoState.APPROVED)
    def approve(self):
        pass

    @transition(field=state, source=DemoState.SUBMITTED, target=DemoState.REJECTED)
    def reject(self):
        pass

    @transition(field=state, source=DemoState.SUBMITTED, target=DemoState.RETURNED)
    def return_for_revision(self):
        pass

    @transition(field=state, source=DemoState.RETURNED, target=DemoState.SUBMITTED)
    def resubmit(self):
        pass

    @transition(field=state, source=[DemoState.SUBMITTED, DemoState.RETURNED],
                target=DemoState.WITHDRAWN)
    def withdraw(self):
        pass
