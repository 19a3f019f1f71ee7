"""Deadlines for human tasks from the SLA table and the working calendar."""

from datetime import datetime
from decimal import Decimal

from django.core.cache import cache

from core import kinds

from .models import Holiday, SLARule
from .rules import (
    DEFAULT_REMIND_BEFORE,
    DEFAULT_SLA_HOURS,
    add_working_hours,
    subtract_working_hours,
)

_CACHE_SECONDS = 60


def holidays() -> frozenset:
    cached = cache.get("countersign:holidays")
    if cached is None:
        cached = frozenset(Holiday.objects.values_list("date", flat=True))
        cache.set("countersign:holidays", cached, _CACHE_SECONDS)
    return cached


def rule_for(kind: str, step_code: str) -> tuple[Decimal, Decimal]:
    key = f"countersign:sla:{kind}"
    rules = cache.get(key)
    if rules is None:
        rules = {
            r.step_code: (r.hours, r.remind_before_hours)
            for r in SLARule.objects.filter(kind=kind)
        }
        cache.set(key, rules, _CACHE_SECONDS)
    return rules.get(step_code) or rules.get("*") or (DEFAULT_SLA_HOURS, DEFAULT_REMIND_BEFORE)


def deadlines(kind: str, step_code: str, start: datetime) -> tuple[datetime, datetime]:
    """(due, remind_at) for a task of this step created at `start`."""
    hours, remind_before = rule_for(kind, step_code)
    days_off = holidays()
    due = add_working_hours(start, hours, days_off)
    remind_at = subtract_working_hours(due, min(remind_before, hours), days_off)
    return due, remind_at


def forget_cached_rules() -> None:
    cache.delete("countersign:holidays")
    for rule_kind in kinds.values():
        cache.delete(f"countersign:sla:{rule_kind}")
