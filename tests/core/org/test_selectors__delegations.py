from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from core import kinds
from core.org import selectors
from tests.factories import DelegationFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2025, 3, 10)


def at(day: date, hh: int, mm: int) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=SHANGHAI)


def usernames(users):
    return sorted(u.username for u in users)


@pytest.fixture
def leave(personas):
    """east_mgr is away 2025-03-10..2025-03-14; east_rep1 acts for them in every kind."""
    return DelegationFactory(
        principal=personas["east_mgr"],
        deputy=personas["east_rep1"],
        starts_on=DAY,
        ends_on=DAY + timedelta(days=4),
        kinds=[],
    )


def test_principal_listed_when_delegation_active_on_day(personas, leave):
    assert usernames(selectors.principals_for(personas["east_rep1"], on=DAY)) == ["east_mgr"]
    assert usernames(selectors.deputies_of(personas["east_mgr"], on=DAY)) == ["east_rep1"]


def test_nobody_listed_when_day_outside_delegation(personas, leave):
    before, after = leave.starts_on - timedelta(days=1), leave.ends_on + timedelta(days=1)

    for day in (before, after):
        assert selectors.principals_for(personas["east_rep1"], on=day) == []
        assert selectors.deputies_of(personas["east_mgr"], on=day) == []


def test_delegation_is_one_way_when_listing(personas, leave):
    assert selectors.principals_for(personas["east_mgr"], on=DAY) == []
    assert selectors.deputies_of(personas["east_rep1"], on=DAY) == []


@pytest.mark.parametrize("kind", [None, *kinds.values()])
def test_every_kind_covered_when_kinds_empty(personas, leave, kind):
    assert usernames(selectors.principals_for(personas["east_rep1"], kind=kind, on=DAY)) == [
        "east_mgr"
    ]
    assert usernames(selectors.deputies_of(personas["east_mgr"], kind=kind, on=DAY)) == [
        "east_rep1"
    ]
    assert selectors.acts_for(personas["east_rep1"], personas["east_mgr"], kind=kind, on=DAY)


def test_only_listed_kinds_covered_when_kinds_given(personas):
    DelegationFactory(
        principal=personas["gm"],
        deputy=personas["east_mgr"],
        starts_on=DAY,
        ends_on=DAY,
        kinds=["contract", "plan"],
    )
    east_mgr, gm = personas["east_mgr"], personas["gm"]

    for kind in ("contract", "plan", None):
        assert usernames(selectors.principals_for(east_mgr, kind=kind, on=DAY)) == ["gm"]
        assert usernames(selectors.deputies_of(gm, kind=kind, on=DAY)) == ["east_mgr"]
        assert selectors.acts_for(east_mgr, gm, kind=kind, on=DAY)
    for kind in ("expense", "budget", "risk"):
        assert selectors.principals_for(east_mgr, kind=kind, on=DAY) == []
        assert selectors.deputies_of(gm, kind=kind, on=DAY) == []
        assert not selectors.acts_for(east_mgr, gm, kind=kind, on=DAY)


def test_each_delegation_filtered_by_its_own_kinds_when_deputy_has_several(personas):
    deputy = personas["gm"]
    DelegationFactory(
        principal=personas["east_mgr"], deputy=deputy, starts_on=DAY, ends_on=DAY, kinds=[]
    )
    DelegationFactory(
        principal=personas["south_mgr"],
        deputy=deputy,
        starts_on=DAY,
        ends_on=DAY,
        kinds=["expense"],
    )

    assert usernames(selectors.principals_for(deputy, kind="expense", on=DAY)) == [
        "east_mgr",
        "south_mgr",
    ]
    assert usernames(selectors.principals_for(deputy, kind="contract", on=DAY)) == [
        "east_mgr"
    ]


def test_acts_for_self_when_deputy_is_principal(personas):
    assert selectors.acts_for(personas["finance"], personas["finance"], on=DAY)


def test_does_not_act_for_when_no_delegation(personas, leave):
    assert not selectors.acts_for(personas["east_rep2"], personas["east_mgr"], on=DAY)
    assert not selectors.acts_for(personas["east_mgr"], personas["east_rep1"], on=DAY)


# Delegation days are Asia/Shanghai calendar days: 00:00 there is 16:00 UTC the day before.
@pytest.mark.parametrize(
    ("moment", "active"),
    [
        pytest.param(lambda d: at(d.starts_on, 0, 0), True, id="first-minute"),
        pytest.param(lambda d: at(d.ends_on, 23, 59), True, id="last-minute"),
        pytest.param(lambda d: at(d.ends_on + timedelta(days=1), 0, 0), False, id="day-after"),
        pytest.param(lambda d: at(d.starts_on - timedelta(days=1), 23, 59), False, id="day-before"),
    ],
)
def test_delegation_active_only_within_its_local_days_when_today_is_default(
    personas, leave, moment, active
):
    with time_machine.travel(moment(leave), tick=False):
        assert (selectors.principals_for(personas["east_rep1"]) != []) is active
        assert (selectors.deputies_of(personas["east_mgr"]) != []) is active
        assert selectors.acts_for(personas["east_rep1"], personas["east_mgr"]) is active


def test_today_is_shanghai_date_when_utc_date_differs(db):
    # 2025-03-09 16:30 UTC is already 2025-03-10 00:30 in Shanghai.
    with time_machine.travel(datetime(2025, 3, 9, 16, 30, tzinfo=ZoneInfo("UTC")), tick=False):
        assert selectors.today() == DAY
