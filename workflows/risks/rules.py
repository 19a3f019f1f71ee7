"""Risk arithmetic (policy 8): score, level, who approves, when to escalate and review. Pure."""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from core.org.models import Role

LOW, MEDIUM, HIGH, CRITICAL = "low", "medium", "high", "critical"
LEVELS = (LOW, MEDIUM, HIGH, CRITICAL)
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

# (level, lowest score, highest score), used while the LevelBand table is empty.
DEFAULT_BANDS = ((LOW, 1, 4), (MEDIUM, 5, 9), (HIGH, 10, 16), (CRITICAL, 20, 25))
# Days between periodic reviews by level (critical weekly, high monthly, medium quarterly),
# used while the ReviewSchedule table is empty. A low risk has no periodic review.
DEFAULT_REVIEW_DAYS = {CRITICAL: 7, HIGH: 30, MEDIUM: 90}

# Who approves a response plan (and the closure of a high or critical risk), by level.
APPROVER_ROLE = {MEDIUM: Role.REGIONAL_MANAGER, HIGH: Role.SALES_GM, CRITICAL: Role.CEO}
# Escalation climbs this line: level 1 is the regional manager, 2 the sales GM, 3 the CEO.
LADDER = (Role.REGIONAL_MANAGER, Role.SALES_GM, Role.CEO)
ROLE_RANK = {role: rank for rank, role in enumerate(LADDER, start=1)}
# A measure overdue escalates one more level every this many days (level 1 the day after its
# due date, level 2 a week later, level 3 a week after that).
ESCALATION_STEP_DAYS = 7
# Collections overdue by more than this raise a credit risk (policy 8.3, contracts' alert).
CREDIT_OVERDUE_DAYS = 30


def score_of(likelihood, impact) -> int:
    """likelihood × impact; ValueError unless both are whole numbers from 1 to 5."""
    for value in (likelihood, impact):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValueError(value)
    return likelihood * impact


def level_for(score: int, bands: Iterable[tuple[str, int, int]] = DEFAULT_BANDS) -> str:
    """The level whose band holds the score; in a gap, the highest band starting below it."""
    ordered = sorted(bands, key=lambda b: b[1])
    if not ordered:
        ordered = list(DEFAULT_BANDS)
    below = None
    for level, lo, hi in ordered:
        if lo <= score <= hi:
            return level
        if lo <= score:
            below = level
    return below or ordered[0][0]


def approver_role(level: str) -> str | None:
    return APPROVER_ROLE.get(level)


def needs_closure_approval(level: str) -> bool:
    """Whether closing needs an approval; `level` is the highest the risk ever reached."""
    return level in (HIGH, CRITICAL)


def highest(levels: Iterable[str]) -> str:
    """The highest of these levels ("" when there is none)."""
    return max(levels, key=lambda level: LEVEL_RANK.get(level, -1), default="")


def lowering_needs(old_level: str, new_level: str, peak: str) -> str | None:
    """The level whose approver alone may lower a risk from `old_level` to `new_level`, given
    the highest level it ever reached: once high or critical, a lower rating is that level's
    approver's call (the sales GM, the CEO), not the owner's. None when anyone may."""
    if LEVEL_RANK.get(new_level, -1) < LEVEL_RANK.get(old_level, -1) and peak in (HIGH,
                                                                                  CRITICAL):
        return peak
    return None


def raised(old_level: str, new_level: str) -> bool:
    return LEVEL_RANK.get(new_level, -1) > LEVEL_RANK.get(old_level, -1)


def outranks(role: str, other: str) -> bool:
    """Whether `role` sits above `other` in the line of authority."""
    return ROLE_RANK.get(role, 0) > ROLE_RANK.get(other, 0)


def immediate_escalation(level: str) -> int | None:
    """The escalation level notified at once when a risk is assessed at this level."""
    return {HIGH: 2, CRITICAL: 3}.get(level)


def measure_escalation_level(due: date, today: date,
                             step_days: int = ESCALATION_STEP_DAYS) -> int:
    """0 while the measure is not overdue, then 1, 2, 3 as the delay grows."""
    late = (today - due).days
    if late <= 0:
        return 0
    return min(len(LADDER), 1 + (late - 1) // step_days)


def review_due(base: date, interval_days: int | None, today: date) -> date | None:
    """The latest review date base + k·interval (k ≥ 1) on or before today; None if the first
    is still ahead. A sweep that missed periods makes one review for the latest, not several."""
    if not interval_days or interval_days <= 0:
        return None
    first = base + timedelta(days=interval_days)
    if first > today:
        return None
    periods = (today - base).days // interval_days
    return base + timedelta(days=periods * interval_days)


def credit_assessment(days_overdue: int, amount: Decimal) -> tuple[int, int]:
    """(likelihood, impact) of an overdue collection: the longer overdue, the likelier the loss;
    the larger the amount, the heavier."""
    likelihood = 3 if days_overdue <= 60 else 4 if days_overdue <= 90 else 5
    impact = 2 if amount < 100_000 else 3 if amount < 500_000 else 4 if amount < 2_000_000 else 5
    return likelihood, impact
