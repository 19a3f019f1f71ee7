from datetime import date, datetime
from decimal import Decimal

import pytest

from core.inbox import sla
from core.inbox.models import Holiday, SLARule
from core.inbox.rules import TZ

pytestmark = pytest.mark.django_db

MONDAY_9 = datetime(2025, 3, 3, 9, 0, tzinfo=TZ)


def at(day: int, hour: int) -> datetime:
    return datetime(2025, 3, day, hour, tzinfo=TZ)


def test_sixteen_working_hours_and_four_before_when_no_rule_matches():
    due, remind_at = sla.deadlines("demo", "line_manager", MONDAY_9)

    assert due == at(4, 16)
    assert remind_at == at(4, 12)


def test_wildcard_rule_applies_when_no_step_rule():
    SLARule.objects.create(kind="demo", step_code="*", hours=Decimal("8"),
                           remind_before_hours=Decimal("2"))

    assert sla.deadlines("demo", "line_manager", MONDAY_9) == (at(3, 17), at(3, 15))


def test_step_rule_wins_when_both_step_and_wildcard_exist():
    SLARule.objects.create(kind="demo", step_code="*", hours=Decimal("8"))
    SLARule.objects.create(kind="demo", step_code="sales_gm", hours=Decimal("4"),
                           remind_before_hours=Decimal("1"))

    assert sla.deadlines("demo", "sales_gm", MONDAY_9) == (at(3, 13), at(3, 12))
    assert sla.deadlines("demo", "line_manager", MONDAY_9)[0] == at(3, 17)


def test_other_kinds_rules_ignored_when_computing_deadlines():
    SLARule.objects.create(kind="expense", step_code="*", hours=Decimal("2"))
    SLARule.objects.create(kind="expense", step_code="line_manager", hours=Decimal("1"))

    assert sla.deadlines("demo", "line_manager", MONDAY_9)[0] == at(4, 16)


def test_reminder_at_start_when_remind_before_exceeds_allowed_hours():
    SLARule.objects.create(kind="demo", step_code="*", hours=Decimal("2"),
                           remind_before_hours=Decimal("4"))

    assert sla.deadlines("demo", "line_manager", at(3, 10)) == (at(3, 12), at(3, 10))


def test_fractional_hours_honoured_when_rule_has_decimals():
    SLARule.objects.create(kind="demo", step_code="*", hours=Decimal("1.50"),
                           remind_before_hours=Decimal("0.25"))

    due, remind_at = sla.deadlines("demo", "line_manager", MONDAY_9)

    assert due == datetime(2025, 3, 3, 10, 30, tzinfo=TZ)
    assert remind_at == datetime(2025, 3, 3, 10, 15, tzinfo=TZ)


def test_holiday_rows_skipped_when_deadline_crosses_them():
    Holiday.objects.create(date=date(2025, 3, 4), name="Tuesday off")

    due, remind_at = sla.deadlines("demo", "line_manager", MONDAY_9)

    assert due == at(5, 16)
    assert remind_at == at(5, 12)


def test_reminder_counted_back_across_holiday_when_deadline_early_next_day():
    SLARule.objects.create(kind="demo", step_code="*", hours=Decimal("10"),
                           remind_before_hours=Decimal("3"))
    Holiday.objects.create(date=date(2025, 3, 10), name="Monday off")

    due, remind_at = sla.deadlines("demo", "line_manager", datetime(2025, 3, 7, 10, tzinfo=TZ))

    assert due == at(11, 11)  # Fri 10-18 (8 h), Mon off, Tue 09-11 (2 h)
    assert remind_at == at(7, 17)  # Tue 09-11 (2 h), Mon off, Fri 17-18 (1 h)


def test_new_rule_used_when_cache_forgotten():
    assert sla.deadlines("demo", "line_manager", MONDAY_9)[0] == at(4, 16)
    SLARule.objects.create(kind="demo", step_code="*", hours=Decimal("3"))
    Holiday.objects.create(date=date(2025, 3, 3), name="Monday off")

    # Cached for a minute: a rule edited in the admin takes effect after the cache expires.
    assert sla.deadlines("demo", "line_manager", MONDAY_9)[0] == at(4, 16)
    sla.forget_cached_rules()
    assert sla.deadlines("demo", "line_manager", MONDAY_9)[0] == at(4, 12)
