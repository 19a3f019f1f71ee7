"""The auditor's workbench (docs/audit.md): reproducible samples, reviews with a finding, and
lists of requests that deserve a second look.

- `draw_sample` picks n requests of one kind submitted in a period, in a way anyone can redo:
  the population is the matching requests in key order, the pick is Python's
  `random.Random(seed).sample`; the draw (seed, parameters, population size, result) is an
  audit event on the auditor's workbench chain (`workbench`, user id), so a sample cannot be
  redrawn quietly until it suits.
- `review` marks a request as reviewed with a finding: an audit event on the request's own
  chain, so the finding travels with the request (its history, the evidence pack).
- `anomalies(code)`: decided by a deputy, escalated, approved within a minute of submission,
  amounts just below a band limit of the authority matrix, the same file (SHA-256) attached to
  two requests of one kind (a receipt used on two claims).
"""

import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import (
    DecimalField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    Value,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import kinds
from core.audit import services as audit
from core.audit.models import AuditEvent
from core.authority.models import AuthorityBand
from core.org import selectors as org
from core.org.models import Role

from .models import Attachment, Decision, Escalation, Request, RequestStatus, WorkItem

WORKBENCH = "workbench"  # the audit chain of an auditor's draws: (WORKBENCH, user id)
SAMPLED = "audit.sampled"
REVIEWED = "audit.reviewed"
MAX_SAMPLE = 500


class Finding:
    NONE = "none"
    OBSERVATION = "observation"
    EXCEPTION = "exception"
    choices = [
        (NONE, _("No finding")),
        (OBSERVATION, _("Observation")),
        (EXCEPTION, _("Exception (policy breach)")),
    ]


def is_auditor(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active
                and org.has_role(user, Role.AUDITOR))


def _require_auditor(user) -> None:
    if not is_auditor(user):
        raise PermissionDenied(_("Only auditors use the audit workbench."))


# ---------------------------------------------------------------- sampling

def _period(since: date, until: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (timezone.make_aware(datetime.combine(since, time.min), tz),
            timezone.make_aware(datetime.combine(until + timedelta(days=1), time.min), tz))


def population(kind: str, since: date, until: date) -> list[int]:
    """The requests of `kind` submitted from `since` to `until` (dates in Asia/Shanghai,
    inclusive), by primary key: the list a seed draws from."""
    start, end = _period(since, until)
    return list(Request.objects.filter(kind=kind, submitted_at__gte=start, submitted_at__lt=end)
                .order_by("pk").values_list("pk", flat=True))


def pick(ids: list[int], n: int, seed: str) -> list[int]:
    """The reproducible draw: n of `ids` (all when fewer), in drawing order."""
    return random.Random(seed).sample(ids, min(n, len(ids)))  # nosec B311: reproducible by design, not a secret


def new_seed() -> str:
    return secrets.token_hex(8)


@dataclass
class Sample:
    event: AuditEvent
    request_ids: list[int]


def draw_sample(*, actor, kind: str, since: date, until: date, n: int,
                seed: str = "") -> Sample:
    """Draw and record a sample (one transaction); the same seed and parameters over the same
    period give the same requests."""
    _require_auditor(actor)
    if kind not in kinds.values():
        raise ValidationError({"kind": _("Unknown process kind.")})
    if until < since:
        raise ValidationError({"until": _("The end date is before the start date.")})
    if not 1 <= n <= MAX_SAMPLE:
        raise ValidationError({"n": _("Draw between 1 and %(max)d requests.") % {
            "max": MAX_SAMPLE}})
    seed = (seed or "").strip() or new_seed()
    with transaction.atomic():
        ids = population(kind, since, until)
        chosen = pick(ids, n, seed)
        numbers = dict(Request.objects.filter(pk__in=chosen).values_list("pk", "number"))
        ev = audit.record(
            actor=actor, event=SAMPLED, subject_kind=WORKBENCH, subject_id=actor.pk,
            data={"seed": seed, "kind": kind, "since": since.isoformat(),
                  "until": until.isoformat(), "n": n, "population": len(ids),
                  "method": "random.Random(seed).sample(requests by id, n)",
                  "requests": chosen, "numbers": [numbers.get(pk, "") for pk in chosen]},
            comment=f"{kind} {since.isoformat()}..{until.isoformat()} n={n} seed={seed}")
    return Sample(event=ev, request_ids=chosen)


def samples(user):
    return AuditEvent.objects.filter(subject_kind=WORKBENCH, event=SAMPLED).select_related(
        "actor").order_by("-seq")


def redraw(event: AuditEvent) -> list[int]:
    """What the recorded draw gives today: equal to its result unless the period's requests
    changed since."""
    d = event.data
    return pick(population(d["kind"], date.fromisoformat(d["since"]),
                           date.fromisoformat(d["until"])), d["n"], d["seed"])


# ---------------------------------------------------------------- reviews

def review(*, actor, request_id: int, finding: str, note: str = "") -> AuditEvent:
    """Mark a request as reviewed with a finding: lock it, check the auditor, write the event."""
    if finding not in dict(Finding.choices):
        raise ValidationError({"finding": _("Choose a finding.")})
    note = (note or "").strip()
    if finding != Finding.NONE and not note:
        raise ValidationError({"note": _("Describe the finding.")})
    with transaction.atomic():
        req = Request.objects.select_for_update().get(pk=request_id)
        _require_auditor(actor)
        if req.submitter_id == actor.pk:
            raise PermissionDenied(_("You cannot review your own request."))
        return audit.record(actor=actor, event=REVIEWED, subject_kind=req.kind,
                            subject_id=req.object_id, number=req.number, amount=req.amount,
                            comment=note,
                            data={"finding": finding, "request": req.pk})


def reviews(req: Request):
    return AuditEvent.objects.filter(subject_kind=req.kind, subject_id=str(req.object_id),
                                     event=REVIEWED).select_related("actor").order_by("-seq")


# ---------------------------------------------------------------- anomalies

def band_margin() -> Decimal:
    """How far below a band's upper limit counts as "just below" (a fraction; default 5%)."""
    return Decimal(str(getattr(settings, "AUDIT_BAND_MARGIN", "0.05")))


def _decided_by_deputy():
    return Request.objects.filter(Exists(WorkItem.objects.filter(
        request=OuterRef("pk"), decided_at__isnull=False, acting_for__isnull=False)))


def _escalated():
    return Request.objects.filter(Exists(Escalation.objects.filter(
        work_item__request=OuterRef("pk"))))


def _fast_approval():
    last = (WorkItem.objects.filter(request=OuterRef("pk"), decision=Decision.APPROVED)
            .order_by().values("request").annotate(m=Max("decided_at")).values("m"))
    return (Request.objects.filter(status__in=(RequestStatus.APPROVED, RequestStatus.DONE),
                                   submitted_at__isnull=False)
            .annotate(approved_at=last)
            .annotate(took=ExpressionWrapper(F("approved_at") - F("submitted_at"),
                                             output_field=DurationField()))
            .filter(approved_at__isnull=False, took__lte=timedelta(minutes=1)))


def _below_band(margin: Decimal | None = None):
    margin = band_margin() if margin is None else margin
    bands = AuthorityBand.objects.annotate(floor=ExpressionWrapper(
        F("max_amount") * Value(Decimal(1) - margin),
        output_field=DecimalField(max_digits=24, decimal_places=8))).filter(
        Q(matrix__category="") | Q(matrix__category=OuterRef("category")),
        Q(matrix__region__isnull=True) | Q(matrix__region=OuterRef("region")),
        matrix__kind=OuterRef("kind"), max_amount__isnull=False,
        max_amount__gt=OuterRef("amount"), floor__lte=OuterRef("amount"))
    return Request.objects.filter(amount__isnull=False).exclude(
        status=RequestStatus.DRAFT).filter(Exists(bands))


def _same_file():
    twin = Attachment.objects.filter(sha256=OuterRef("sha256"),
                                     request__kind=OuterRef("request__kind")).exclude(
        request=OuterRef("request"))
    mine = Attachment.objects.filter(request=OuterRef("pk")).filter(Exists(twin))
    return Request.objects.exclude(status=RequestStatus.DRAFT).filter(Exists(mine))


ANOMALIES = {
    "deputy": (_("Decided by a deputy"), _decided_by_deputy,
               _("A step was decided by someone acting for the approver (delegation).")),
    "escalated": (_("Escalated"), _escalated,
                  _("A step was escalated after its deadline passed.")),
    "fast": (_("Approved within a minute"), _fast_approval,
             _("The last approval came within one minute of submission.")),
    "below-band": (_("Just below a band limit"), _below_band,
                   _("The amount is within the margin below an authority band's upper limit.")),
    "same-receipt": (_("Same receipt on two requests"), _same_file,
                     _("A file with the same SHA-256 is attached to another request of the "
                       "same kind.")),
}


def anomalies(code: str, **kwargs):
    _label, query, _help = ANOMALIES[code]
    return query(**kwargs).select_related("submitter").order_by("-submitted_at", "-pk")
