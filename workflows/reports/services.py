"""Generating a report: claim its key, read the figures, render, archive, record, deliver — one
transaction, so a report exists with all its files, its audit event and its notifications, or
not at all.

Exactly once: the key ("scheduled:2026-11") is unique. Two beat processes (or a retried task)
both INSERT it; PostgreSQL lets one through and makes the other wait on the unique index until
the first commits, then fail, and `get_or_create` returns the row the first one made, already
complete. Nothing is rendered twice.
"""

from __future__ import annotations

import hashlib
import secrets
from uuid import uuid4

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_noop, override

from core import engine
from core.audit import services as audit
from core.exceptions import ApprovalError, PermissionDeniedError

from . import content, render, selectors
from .models import ReportFile, SalesReport, Trigger
from .period import Span

EVENT = "report.generated"
READY = gettext_noop("The sales analysis report for %(period)s is ready.")


class NoReaderError(ApprovalError):
    code = "no_company_reader"
    status = 409


def scheduled_key(span: Span) -> str:
    return f"scheduled:{span.start:%Y-%m}"


@transaction.atomic
def report_generate(*, span: Span, trigger: str = Trigger.ON_DEMAND, actor=None,
                    key: str | None = None) -> tuple[SalesReport, bool]:
    """The report of `span` (created, or the one already made under the same key: False).
    Beat and the management command call this directly; people go through `report_request`."""
    if key is None:
        key = (scheduled_key(span) if trigger == Trigger.SCHEDULED
               else f"on_demand:{span.start:%Y-%m}:{span.end:%Y-%m}:{uuid4().hex[:16]}")
    report, created = SalesReport.objects.get_or_create(key=key, defaults={
        "trigger": trigger, "period_start": span.start, "period_end": span.end,
        "requested_by": actor})
    if not created:
        return report, False
    viewer = selectors.company_reader()
    if viewer is None:
        raise NoReaderError("No CEO or administrator to read the company's figures as.")
    files, built = [], None
    for language, _name in settings.LANGUAGES:
        # Built in each language: some labels (step names) are words, not lazy strings.
        with override(language):
            built = content.build(span, viewer)
        for fmt, data in ((ReportFile.Format.PDF, render.pdf(built, language=language)),
                          (ReportFile.Format.XLSX, render.xlsx(built, language=language))):
            token = secrets.token_hex(16)
            row = ReportFile(report=report, language=language, format=fmt, token=token,
                             size=len(data), sha256=hashlib.sha256(data).hexdigest())
            # A generated name (token + format); the download name is the report's number.
            row.file.save(f"{token}.{fmt}", ContentFile(data), save=False)
            row.save()
            files.append(row)
    with override("en"):
        report.summary = content.summary(built) if built else {}
    report.save(update_fields=["summary"])
    audit.record(actor=actor, subject=report, event=EVENT, number=report.number,
                 data={"period": span.label(), "trigger": trigger,
                       "files": [{"language": f.language, "format": f.format,
                                  "sha256": f.sha256, "size": f.size} for f in files]})
    # In-app and e-mail (core.inbox.notify through the outbox), sent after commit, each in the
    # recipient's language, linking to the archived report.
    engine.notify([u.pk for u in selectors.recipients()], kind="report", request=None,
                  key=f"report:{report.pk}", message=READY, params={"period": span.label()},
                  target=("reports:detail", {"pk": report.pk}))
    return report, True


def report_request(*, span: Span, actor) -> SalesReport:
    """A report of any months, asked for by the sales GM, the CEO or an administrator."""
    if not selectors.can_request(actor):
        raise PermissionDeniedError()
    return report_generate(span=span, trigger=Trigger.ON_DEMAND, actor=actor)[0]
