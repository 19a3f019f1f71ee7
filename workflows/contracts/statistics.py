"""Contract statistics (合同统计, policy 4.4): counts, values, review cycle times, credit
breaches and collections, over the contracts a user may see. One computation for the page, the
CSV and the API; every figure is aggregated in the database (a constant number of queries).

Which rows count (the choices, in one place):
- A contract counts from its submission: drafts never submitted are not contracts yet.
- A contract number counts once, as its *effective* version: the signed one if any version was
  signed (an amendment under review, rejected or withdrawn leaves the signed version in force;
  a signed amendment supersedes it), else its only version. So values are never counted twice.
- It is dated by the number's first submission (version 1's request) and, for signing, by
  version 1's signing: an amendment changes the value of the contract where it already stands
  and never moves it to another month or year.
- Review cycle times count every reviewed version, amendments included (each is reviewed
  again, policy 4.4), dated by that version's own first submission.
- Collections are the collection milestones of the signed (or since superseded) versions of the
  counted contracts: what was collected under version 1 stays counted after an amendment.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import (
    Avg,
    Count,
    DateTimeField,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from core import engine
from core.engine import REVISION_STEP, WorkItemStatus, step_name
from core.money import CENT
from core.org.models import Region, User, region_label

from .models import Contract, ContractState, Milestone, ValueClass
from .selectors import managed_region_ids, reads_all, visible_contracts
from .services.execution import OVERDUE_DAYS
from .steps import FINANCE_STEP, KIND, LEGAL_STEP, REGIONAL_STEP

CURRENCY = "CNY"
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_SPAN_DAYS = 5 * 366  # a longer range would draw hundreds of monthly bars
ZERO = Decimal("0.00")
# The review steps in route order; sign-off steps (from the matrix) follow in this order.
REVIEW_STEPS = (REGIONAL_STEP, LEGAL_STEP, FINANCE_STEP)
SIGN_OFF_ORDER = ("line_manager", "regional_manager", "sales_gm", "ceo")
# States a submitted, effective version can be in (never a draft, never superseded).
COUNTED_STATES = (ContractState.IN_REVIEW, ContractState.RETURNED, ContractState.SIGNED,
                  ContractState.REJECTED, ContractState.WITHDRAWN)
EXECUTED_STATES = (ContractState.SIGNED, ContractState.SUPERSEDED)


@dataclass(frozen=True)
class Period:
    start: date  # first day, inclusive
    end: date  # last day, inclusive

    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) as aware datetimes in the company's time zone (Asia/Shanghai)."""
        tz = _tz()
        return (datetime.combine(self.start, time.min, tz),
                datetime.combine(self.end + timedelta(days=1), time.min, tz))

    def months(self) -> list[str]:
        out, y, m = [], self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append(f"{y}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def _tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def period_for(*, year: int | None = None, date_from: date | None = None,
               date_to: date | None = None) -> Period:
    """A date range wins over a year; an open end closes at the end (or start) of its year;
    nothing given means this year. Callers validate bounds (see `period_errors`)."""
    if date_from or date_to:
        start = date_from or date(date_to.year, 1, 1)
        end = date_to or date(date_from.year, 12, 31)
        return Period(start, end)
    year = year or timezone.localdate().year
    return Period(date(year, 1, 1), date(year, 12, 31))


def period_errors(*, year: int | None, date_from: date | None,
                  date_to: date | None) -> dict[str, list[str]]:
    """Field errors for a period the statistics refuse, shared by the page and the API."""
    errors: dict[str, list[str]] = {}
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        errors["year"] = [_("Choose a year from %(min)d to %(max)d.")
                          % {"min": MIN_YEAR, "max": MAX_YEAR}]
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
            errors[name] = [_("Choose a date from %(min)d to %(max)d.")
                            % {"min": MIN_YEAR, "max": MAX_YEAR}]
    if errors or not (date_from or date_to):
        return errors
    period = period_for(date_from=date_from, date_to=date_to)
    if period.start > period.end:
        errors["date_to"] = [_("The end comes before the start.")]
    elif (period.end - period.start).days > MAX_SPAN_DAYS:
        errors["date_to"] = [_("Choose a range of at most five years.")]
    return errors


def regions_for(user: User) -> QuerySet[Region]:
    """The regions a user may filter by: all for contract readers; else the ones they manage
    and their own."""
    if reads_all(user):
        return Region.objects.order_by("code")
    ids = managed_region_ids(user) + ([user.region_id] if user.region_id else [])
    return Region.objects.filter(pk__in=ids).order_by("code")


def _hours(value: timedelta | None) -> Decimal | None:
    if value is None:
        return None
    return (Decimal(value.total_seconds()) / 3600).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _money(value) -> Decimal:
    # SQLite sums decimals without their scale: always two places (fen) out of here.
    return (value or ZERO).quantize(CENT, ROUND_HALF_UP)


def _month_key(value: datetime | date | None) -> str:
    return f"{value.year}-{value.month:02d}" if value else ""


def _versions(user: User, region: Region | None) -> QuerySet[Contract]:
    """Every submitted version the user may see, with the dates the figures filter on."""
    first = Contract.objects.filter(number=OuterRef("number"), version=1).order_by()
    own_request = engine.request_id_of(KIND, "pk").order_by()
    first_request = engine.request_id_of(KIND, "first_pk").order_by()
    qs = visible_contracts(user).filter(submitted_at__isnull=False).exclude(number="")
    if region is not None:
        qs = qs.filter(customer__region=region)
    # Request.submitted_at is the first submission (a resubmission keeps it); Contract's own
    # submitted_at moves with each resubmission, so it is only the fallback.
    return qs.annotate(
        first_pk=Subquery(first.values("pk")[:1]),
        own_submitted=Coalesce(Subquery(own_request.values(
            "submitted_at")[:1]), F("submitted_at"), output_field=DateTimeField()),
    ).annotate(
        opened=Coalesce(Subquery(first_request.values(
            "submitted_at")[:1]), F("own_submitted"), output_field=DateTimeField()),
        first_signed=Coalesce(Subquery(first.values("signed_at")[:1]), F("signed_at"),
                              output_field=DateTimeField()),
    )


# The effective version of each number (see the module docstring): exactly one row per number.
EFFECTIVE = ~Q(state=ContractState.SUPERSEDED) & (Q(version=1) | Q(state=ContractState.SIGNED))


def _duration(end: str, start: str) -> ExpressionWrapper:
    return ExpressionWrapper(F(end) - F(start), output_field=DurationField())


def contract_statistics(user: User, *, period: Period, region: Region | None = None,
                        today: date | None = None) -> dict:
    today = today or timezone.localdate()
    start, end = period.bounds()
    versions = _versions(user, region)
    in_period = versions.filter(opened__gte=start, opened__lt=end)
    counted = in_period.filter(EFFECTIVE)
    value = Coalesce(Sum("value"), ZERO)
    signed = Q(state=ContractState.SIGNED)

    totals = counted.aggregate(
        count=Count("pk"), amount=value,
        signed_count=Count("pk", filter=signed),
        signed_value=Coalesce(Sum("value", filter=signed), ZERO),
        breached=Count("pk", filter=Q(credit_breach=True)),
    )

    regions = {r.code: r.label for r in ([region] if region else regions_for(user))}
    by_region = {code: {"key": code, "label": name, "count": 0, "value": ZERO}
                 for code, name in regions.items()}
    for row in counted.values("customer__region__code", "customer__region__name",
                              "customer__region__name_en").annotate(
            count=Count("pk"), amount=value).order_by():
        by_region[row["customer__region__code"]] = {
            "key": row["customer__region__code"],
            "label": region_label(row["customer__region__name"],
                                  row["customer__region__name_en"]),
            "count": row["count"], "value": _money(row["amount"])}

    states = {row["state"]: row for row in counted.values("state").annotate(
        count=Count("pk"), amount=value).order_by()}
    by_state = [{"key": str(s), "label": str(s.label),
                 "count": states.get(s, {}).get("count", 0),
                 "value": _money(states.get(s, {}).get("amount"))} for s in COUNTED_STATES]

    tz = _tz()
    by_month = _months(counted.annotate(month=TruncMonth("opened", tzinfo=tz)), period)
    signed_by_month = _months(counted.filter(signed).annotate(
        month=TruncMonth("first_signed", tzinfo=tz)), period)

    reviewed = versions.filter(own_submitted__gte=start, own_submitted__lt=end)
    steps = engine.items_of(KIND).filter(
        request__object_id__in=reviewed.values("pk"),
        status=WorkItemStatus.DONE, decided_at__isnull=False,
    ).exclude(step_code=REVISION_STEP).values("step_code").annotate(
        count=Count("pk"), avg=Avg(_duration("decided_at", "created"))).order_by()
    order = {code: i for i, code in enumerate(REVIEW_STEPS + SIGN_OFF_ORDER)}
    cycle_times = [{"key": row["step_code"], "label": step_name(row["step_code"]),
                    "count": row["count"], "avg_hours": _hours(row["avg"])}
                   for row in sorted(steps, key=lambda r: (order.get(r["step_code"], 99),
                                                           r["step_code"]))]
    whole = reviewed.filter(signed_at__isnull=False).aggregate(
        count=Count("pk"), avg=Avg(_duration("signed_at", "own_submitted")))

    collections = _collections(in_period, today)
    return {
        "period": {"start": period.start, "end": period.end},
        "region": region.code if region else None,
        "currency": CURRENCY,
        "totals": {"count": totals["count"], "value": _money(totals["amount"]),
                   "signed_count": totals["signed_count"],
                   "signed_value": _money(totals["signed_value"])},
        "by_region": sorted(by_region.values(), key=lambda r: r["key"]),
        "by_state": by_state,
        "by_month": by_month,
        "signed_by_month": signed_by_month,
        "cycle_times": cycle_times,
        "review_time": {"count": whole["count"], "avg_hours": _hours(whole["avg"])},
        "credit_breach": {"submitted": totals["count"], "breached": totals["breached"],
                          "percent": _percent(totals["breached"], totals["count"])},
        "collections": collections,
    }


def _months(qs: QuerySet, period: Period) -> list[dict]:
    """Count and value per month: every month of the period, plus any month outside it that
    has rows (a contract submitted in December and signed in January)."""
    rows = {_month_key(r["month"]): r for r in qs.values("month").annotate(
        count=Count("pk"), amount=Coalesce(Sum("value"), ZERO)).order_by()}
    keys = sorted(set(period.months()) | set(rows))
    return [{"key": k, "label": k, "count": rows.get(k, {}).get("count", 0),
             "value": _money(rows.get(k, {}).get("amount"))} for k in keys]


def _collections(in_period: QuerySet[Contract], today: date) -> dict:
    """On-time rate = collections done on or before their due date / collections done or past
    due (not yet due and not done: not counted). Overdue = not done and past due (policy 8.3
    alerts from 30 days)."""
    done = Q(done_date__isnull=False)
    overdue = Q(done_date__isnull=True, due_date__lt=today)
    overdue_30 = Q(done_date__isnull=True, due_date__lt=today - timedelta(days=OVERDUE_DAYS))
    figures = Milestone.objects.filter(
        kind=Milestone.Kind.COLLECTION,
        contract__in=in_period.filter(state__in=EXECUTED_STATES).values("pk"),
    ).aggregate(
        on_time=Count("pk", filter=done & Q(done_date__lte=F("due_date"))),
        late=Count("pk", filter=done & Q(done_date__gt=F("due_date"))),
        overdue=Count("pk", filter=overdue),
        overdue_amount=Coalesce(Sum("amount", filter=overdue), ZERO),
        overdue_30=Count("pk", filter=overdue_30),
        overdue_30_amount=Coalesce(Sum("amount", filter=overdue_30), ZERO),
        open_amount=Coalesce(Sum("amount", filter=Q(done_date__isnull=True)), ZERO),
    )
    for name in ("overdue_amount", "overdue_30_amount", "open_amount"):
        figures[name] = _money(figures[name])
    measured = figures["on_time"] + figures["late"] + figures["overdue"]
    return {**figures, "measured": measured,
            "on_time_percent": _percent(figures["on_time"], measured)}



def signed_by_class(user: User, *, period: Period, region: Region | None = None) -> list[dict]:
    """Signed value per customer class (policy §4(二)): the effective signed version of each
    contract number whose first signing falls in the period, by its customer's class (the
    monthly report's "by customer class"; unclassified customers under "")."""
    start, end = period.bounds()
    rows = (_versions(user, region).filter(EFFECTIVE, state=ContractState.SIGNED,
                                           first_signed__gte=start, first_signed__lt=end)
            .values("customer__value_class")
            .annotate(count=Count("pk"), amount=Coalesce(Sum("value"), ZERO)).order_by())
    found = {r["customer__value_class"] or "": r for r in rows}
    return [{"key": key, "count": found.get(key, {}).get("count", 0),
             "value": _money(found.get(key, {}).get("amount"))}
            for key in [*ValueClass.values, ""] if key in found or key]
