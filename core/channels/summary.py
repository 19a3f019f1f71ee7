"""The request summary that e-mails and cards carry, in the recipient's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.inbox.models import WorkItem
from core.money import fmt

from .platforms import Summary


def language_of(user) -> str:
    from .models import Preference

    if user is None or user.pk is None:
        return settings.LANGUAGE_CODE
    lang = Preference.objects.filter(user_id=user.pk).values_list("language", flat=True).first()
    return lang or settings.LANGUAGE_CODE


def summarise(item: WorkItem, links: dict[str, str], heading: str = "") -> Summary:
    """Call inside translation.override(the recipient's language)."""
    from core.inbox.templatetags.countersign import step_name

    req = item.request
    amount = fmt(req.amount, req.currency) if req.amount is not None else "—"
    return Summary(
        number=req.number or str(req.pk),
        title=req.title,
        amount=amount,
        submitter=str(req.submitter),
        step=step_name(item.step_code, item.step_label),
        due=timezone.localtime(item.due).strftime("%Y-%m-%d %H:%M") if item.due else "",
        task_url=settings.SITE_URL.rstrip("/") + reverse("inbox:task",
                                                         kwargs={"task_id": item.pk}),
        heading=heading or _("Waiting for your decision"),
        labels={
            "number": _("Number"), "amount": _("Amount"), "submitter": _("Submitter"),
            "step": _("Step"), "due": _("Due"), "approve": _("Approve"),
            "reject": _("Reject"), "return": _("Return for revision"),
            "open": _("Open in Countersign"),
        },
        links=links,
    )


def in_language(user):
    return translation.override(language_of(user))
