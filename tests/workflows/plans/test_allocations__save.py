"""The grid is replaced whole, and only when it reconciles to the fen; a refusal names every
mismatching cell with its difference and saves nothing."""

from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError, PermissionDeniedError, StateConflictError
from workflows.plans import services
from workflows.plans.models import PersonMonth, RegionMonth
from workflows.plans.services import GridRow
from workflows.plans.services.common import grid_of

from .conftest import find, fresh, rows_of

pytestmark = pytest.mark.django_db


def saved_events(plan) -> int:
    return AuditEvent.objects.filter(subject_kind="plan", subject_id=str(plan.pk),
                                     event="plan.allocations_saved").count()


def test_refused_with_the_cell_named_when_one_month_is_off_by_one_fen(personas, draft):
    plan = draft("12000000.00")
    before = grid_of(plan)
    target, rows = rows_of(plan)
    find(rows, "east", "east_rep2").months[2] += Decimal("0.01")  # March

    with pytest.raises(InvalidInputError) as exc:
        services.allocations_save(plan_id=plan.pk, actor=personas["gm"], target=target,
                                  rows=rows)

    assert list(exc.value.fields) == ["east/3"]
    (message,) = exc.value.fields["east/3"]
    assert "Mar" in message and "+¥0.01" in message
    assert "east/3" not in str(exc.value.message) and "Mar" in str(exc.value.message)
    assert grid_of(plan) == before
    assert saved_events(plan) == 0


def test_every_mismatch_is_named_and_nothing_is_half_saved(personas, draft):
    plan = draft("12000000.00")
    before = grid_of(plan)
    target, rows = rows_of(plan)
    find(rows, "south").months[0] += Decimal("100.00")  # region off its people and the target
    find(rows, "north", "north_rep1").months[11] -= Decimal("0.02")

    with pytest.raises(InvalidInputError) as exc:
        services.allocations_save(plan_id=plan.pk, actor=personas["gm"], target=target,
                                  rows=rows)

    assert set(exc.value.fields) == {"south/1", "north/12", "company/year"}
    assert "+¥100.00" in exc.value.fields["company/year"][0]
    assert grid_of(plan) == before


def test_saved_whole_and_audited_when_it_adds_up(personas, draft):
    plan = draft("12000000.00")
    target, rows = rows_of(plan)
    rep1, rep2 = find(rows, "east", "east_rep1").months, find(rows, "east", "east_rep2").months
    expected = (rep1[0] + Decimal("5000.00"), rep2[0] - Decimal("5000.00"))
    rep1[0], rep2[0] = expected

    services.allocations_save(plan_id=plan.pk, actor=personas["gm"], target=target, rows=rows)

    grid = grid_of(plan)
    assert (grid.people["east"]["east_rep1"][0], grid.people["east"]["east_rep2"][0]) == expected
    event = AuditEvent.objects.get(subject_kind="plan", subject_id=str(plan.pk),
                                   event="plan.allocations_saved")
    assert set(event.changes) == {"east/east_rep1/1", "east/east_rep2/1"}


def test_target_regions_and_people_can_change_together(personas, draft):
    plan = draft("12000000.00")
    months = [Decimal("1000.00")] * 12
    rows = [GridRow(region="east", months=months),
            GridRow(region="east", person="east_rep1", months=[Decimal("600.00")] * 12),
            GridRow(region="east", person="east_rep3", months=[Decimal("400.00")] * 12)]

    services.allocations_save(plan_id=plan.pk, actor=personas["gm"], target="12000.00",
                              rows=rows)

    plan = fresh(plan)
    assert plan.target == Decimal("12000.00")
    assert RegionMonth.objects.filter(plan=plan).count() == 12
    assert set(PersonMonth.objects.filter(plan=plan).values_list(
        "salesperson__username", flat=True)) == {"east_rep1", "east_rep3"}


@pytest.mark.parametrize("mutate, key", [
    (lambda rows: rows.append(GridRow(region="atlantis", months=[0] * 12)), "row 11"),
    (lambda rows: rows.append(GridRow(region="east", person="finance", months=[0] * 12)),
     "row 11"),
    (lambda rows: rows.append(GridRow(region="east", person="nobody", months=[0] * 12)),
     "row 11"),
    (lambda rows: rows.append(GridRow(region="south", person="east_rep1", months=[0] * 12)),
     "row 11"),
    (lambda rows: rows.append(GridRow(region="east", months=[0] * 12)), "row 11"),
    (lambda rows: rows[0].months.__setitem__(4, "abc"), "row 1.5"),
    (lambda rows: rows[0].months.__setitem__(4, "-1"), "row 1.5"),
    (lambda rows: rows[1].months.pop(), "row 2"),
], ids=["unknown-region", "not-a-salesperson", "unknown-user", "person-twice", "region-twice",
        "not-a-number", "negative", "eleven-months"])
def test_refused_with_the_row_named_when_a_row_is_bad(personas, draft, mutate, key):
    plan = draft()
    before = grid_of(plan)
    target, rows = rows_of(plan)
    mutate(rows)

    with pytest.raises(InvalidInputError) as exc:
        services.allocations_save(plan_id=plan.pk, actor=personas["gm"], target=target,
                                  rows=rows)

    assert key in exc.value.fields
    assert grid_of(plan) == before


def test_refused_when_a_salesperson_has_no_region_row(personas, draft):
    plan = draft()
    _target, rows = rows_of(plan)
    rows = [r for r in rows if not (r.region == "north" and r.person is None)]
    with pytest.raises(InvalidInputError) as exc:
        services.allocations_save(plan_id=plan.pk, actor=personas["gm"], target="1.00",
                                  rows=rows)
    assert any("no region row" in m for msgs in exc.value.fields.values() for m in msgs)


@pytest.mark.parametrize("who", ["east_mgr", "ceo", "auditor"])
def test_refused_when_not_the_author(personas, draft, who):
    plan = draft()
    target, rows = rows_of(plan)
    with pytest.raises(PermissionDeniedError):
        services.allocations_save(plan_id=plan.pk, actor=personas[who], target=target,
                                  rows=rows)


def test_refused_while_the_regions_confirm(personas, submitted):
    plan = submitted()
    target, rows = rows_of(plan)
    with pytest.raises(StateConflictError):
        services.allocations_save(plan_id=plan.pk, actor=personas["gm"], target=target,
                                  rows=rows)


def test_published_plan_is_read_only(personas, published):
    plan = published()
    target, rows = rows_of(plan)
    with pytest.raises(StateConflictError, match="read-only"):
        services.allocations_save(plan_id=plan.pk, actor=personas["gm"], target=target,
                                  rows=rows)
    with pytest.raises(StateConflictError):
        services.plan_update(plan_id=plan.pk, actor=personas["gm"], strategy="改")
