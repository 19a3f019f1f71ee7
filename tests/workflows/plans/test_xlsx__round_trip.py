"""Planners work in Excel: the exported workbook, edited and imported, gives the edited plan;
an edited workbook that no longer adds up is refused like the grid page refuses it."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from core.exceptions import InvalidInputError, PermissionDeniedError, StateConflictError
from core.inbox.attachments import UploadTooLargeError, UploadTypeError
from workflows.plans import services
from workflows.plans.services.common import grid_of

from .conftest import fresh

pytestmark = pytest.mark.django_db


def workbook(data: bytes):
    return load_workbook(BytesIO(data))


def saved(wb) -> bytes:
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def row_of(ws, region: str, person: str = "") -> int:
    for r in range(5, ws.max_row + 1):
        if ws.cell(r, 1).value == region and (ws.cell(r, 2).value or "") == person:
            return r
    raise AssertionError((region, person))


def test_export_edit_import_gives_the_edited_plan(personas, draft):
    plan = draft("12000000.00")
    before = grid_of(plan)
    wb = workbook(services.plan_export_xlsx(plan))
    ws = wb.active
    assert ws["B2"].value == Decimal("12000000.00") or ws["B2"].value == 12000000
    r1, r2 = row_of(ws, "east", "east_rep1"), row_of(ws, "east", "east_rep2")
    assert ws.cell(r1, 20).value.startswith("=SUM(")  # live totals
    # Move 12,345.67 of March (column F) from one salesperson to the other.
    ws.cell(r1, 6).value = float(ws.cell(r1, 6).value) + 12345.67
    ws.cell(r2, 6).value = float(ws.cell(r2, 6).value) - 12345.67

    services.allocations_import_xlsx(plan_id=plan.pk, actor=personas["gm"], data=saved(wb),
                                     filename="plan.xlsx")

    after = grid_of(plan)
    assert after.people["east"]["east_rep1"][2] == before.people["east"]["east_rep1"][2] + \
        Decimal("12345.67")
    assert after.people["east"]["east_rep2"][2] == before.people["east"]["east_rep2"][2] - \
        Decimal("12345.67")
    changed = {(r, p, m) for r, rows in after.people.items() for p, line in rows.items()
               for m in range(12) if line[m] != before.people[r][p][m]}
    assert changed == {("east", "east_rep1", 2), ("east", "east_rep2", 2)}
    assert after.regions == before.regions and after.target == before.target


def test_unchanged_export_imports_as_the_same_plan(personas, draft):
    plan = draft("9876543.21")
    before = grid_of(plan)
    services.allocations_import_xlsx(plan_id=plan.pk, actor=personas["gm"],
                                     data=services.plan_export_xlsx(plan))
    assert grid_of(plan) == before


def test_refused_with_the_cell_named_when_one_edited_cell_breaks_the_sum(personas, draft):
    plan = draft("12000000.00")
    before = grid_of(plan)
    wb = workbook(services.plan_export_xlsx(plan))
    ws = wb.active
    r = row_of(ws, "south", "south_rep2")
    ws.cell(r, 4 + 6).value = float(ws.cell(r, 4 + 6).value) + 0.01  # July

    with pytest.raises(InvalidInputError) as exc:
        services.allocations_import_xlsx(plan_id=plan.pk, actor=personas["gm"], data=saved(wb))

    assert list(exc.value.fields) == ["south/7"]
    assert grid_of(plan) == before


def test_a_stated_year_that_does_not_match_its_months_is_named(personas, draft):
    plan = draft("1200.00", region_codes=["north"])
    wb = workbook(services.plan_export_xlsx(plan))
    ws = wb.active
    ws.cell(row_of(ws, "north"), 20).value = 1300  # a typed year instead of the formula
    with pytest.raises(InvalidInputError) as exc:
        services.allocations_import_xlsx(plan_id=plan.pk, actor=personas["gm"], data=saved(wb))
    assert list(exc.value.fields) == ["north/year"]


def test_bad_cells_are_named_by_row(personas, draft):
    plan = draft()
    wb = workbook(services.plan_export_xlsx(plan))
    ws = wb.active
    r = row_of(ws, "north", "north_rep1")
    ws.cell(r, 4).value = "很多"
    ws.cell(r + 1, 2).value = "ghost"
    with pytest.raises(InvalidInputError) as exc:
        services.allocations_import_xlsx(plan_id=plan.pk, actor=personas["gm"], data=saved(wb))
    assert f"row {r}.1" in exc.value.fields and f"row {r + 1}" in exc.value.fields


def test_uncomputed_formulas_in_month_cells_are_refused(personas, draft):
    plan = draft()
    wb = workbook(services.plan_export_xlsx(plan))
    ws = wb.active
    ws.cell(row_of(ws, "east"), 4).value = "=1+1"
    with pytest.raises(InvalidInputError) as exc:
        services.allocations_import_xlsx(plan_id=plan.pk, actor=personas["gm"], data=saved(wb))
    assert any("formula" in m for msgs in exc.value.fields.values() for m in msgs)


@pytest.mark.parametrize("data", [b"", b"not a workbook", b"PK\x03\x04garbage"])
def test_a_file_that_is_not_a_workbook_is_refused_as_415(personas, draft, data):
    plan = draft()
    with pytest.raises(UploadTypeError) as exc:
        services.allocations_import_xlsx(plan_id=plan.pk, actor=personas["gm"], data=data)
    assert "file" in exc.value.fields and exc.value.status == 415


def test_a_file_over_2_mb_is_refused_as_413(personas, draft):
    plan = draft()
    with pytest.raises(UploadTooLargeError):
        services.allocations_import_xlsx(plan_id=plan.pk, actor=personas["gm"],
                                         data=b"PK" + b"0" * (2 * 1024 * 1024))


def test_import_is_refused_for_others_and_for_a_published_plan(personas, draft, published):
    plan = draft(year=2031)
    data = services.plan_export_xlsx(plan)
    with pytest.raises(PermissionDeniedError):
        services.allocations_import_xlsx(plan_id=plan.pk, actor=personas["east_mgr"], data=data)
    done = published(year=2032)
    with pytest.raises(StateConflictError):
        services.allocations_import_xlsx(plan_id=done.pk, actor=personas["gm"],
                                         data=services.plan_export_xlsx(done))
    assert fresh(done).state == "published"


def test_a_regional_export_holds_only_that_regions_rows(personas, draft):
    plan = draft()
    ws = workbook(services.plan_export_xlsx(plan, region_codes={"east"})).active
    codes = {ws.cell(r, 1).value for r in range(5, ws.max_row + 1)} - {None}
    assert codes == {"east"} and ws["B2"].value is None
    ws = workbook(services.plan_export_xlsx(plan, region_codes=set(), person="east_rep2")).active
    assert [ws.cell(r, 2).value for r in range(5, ws.max_row + 1)] == ["east_rep2"]
