"""The governed process kinds. Codes are data shared by core and the workflow apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcessKind(models.TextChoices):
    EXPENSE = "expense", _("Expense claim")
    BUDGET = "budget", _("Expense budget")
    CONTRACT = "contract", _("Sales contract")
    PLAN = "plan", _("Sales plan")
    RISK = "risk", _("Risk")
    DEMO = "demo", _("Demo approval")
