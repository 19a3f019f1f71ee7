"""The grid as an Excel workbook, since planners work in Excel: exported with live quarter, year
and company totals (formulas), imported through the same validation as the grid page.

Layout of the sheet: B2 the company target; row 4 the headings; from row 5 one row per region
(column A its code, B empty) followed by its salespeople (A the region code, B the username),
months in D..O, quarters in P..S and the year in T. A row with an empty A (the company total) is
read as nothing. Quarter and year cells holding formulas are live totals; holding numbers, they
are totals the planner states, and must match their months.
"""

from io import BytesIO
from zipfile import BadZipFile, ZipFile

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from core import engine
from core.exceptions import InvalidInputError
from core.org.models import Region, User

from ..models import MONTHS, Plan
from ..selectors import actions as access
from .allocations import GridRow, allocations_save
from .common import MONTH_NAMES, ensure_may, grid_of

MAX_UPLOAD = 2 * 1024 * 1024
FIRST_ROW = 5
MONTH_COL = 4  # D
TOTAL_COLS = {"q1": 16, "q2": 17, "q3": 18, "q4": 19, "year": 20}  # P..T
MONEY_FORMAT = "#,##0.00"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _totals(ws, row: int) -> None:
    for q in range(4):
        first = get_column_letter(MONTH_COL + 3 * q)
        last = get_column_letter(MONTH_COL + 3 * q + 2)
        ws.cell(row, 16 + q, f"=SUM({first}{row}:{last}{row})").number_format = MONEY_FORMAT
    ws.cell(row, 20, f"=SUM(D{row}:O{row})").number_format = MONEY_FORMAT


def plan_export_xlsx(plan: Plan, *, region_codes=None, person: str | None = None) -> bytes:
    """The plan's grid, or the part a viewer may see: the regions in `region_codes` (None: all)
    with their people, and the line of the salesperson `person` wherever it is."""
    grid = grid_of(plan)
    regions = {r.code: r for r in Region.objects.filter(code__in=list(grid.regions))}
    people = {u.username: u for u in User.objects.filter(
        username__in=[p for rows in grid.people.values() for p in rows])}
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws["A1"] = f"{plan.reference} · {plan.title}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = _("Company target")
    ws["B2"] = plan.target if region_codes is None and person is None else None
    ws["B2"].number_format = MONEY_FORMAT
    ws["A3"] = _("Fiscal year")
    ws["B3"] = plan.fiscal_year
    headings = [_("Region code"), _("Salesperson (username)"), _("Name"),
                *[str(m) for m in MONTH_NAMES], "Q1", "Q2", "Q3", "Q4", _("Year")]
    for col, text in enumerate(headings, 1):
        cell = ws.cell(4, col, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    row, region_rows = FIRST_ROW, []
    shade = PatternFill("solid", fgColor="EEF4FF")
    for code, months in grid.regions.items():
        whole = region_codes is None or code in region_codes
        lines = [(p, m) for p, m in (grid.people.get(code) or {}).items()
                 if whole or p == person]
        if not whole and not lines:
            continue
        if whole:
            ws.cell(row, 1, code)
            ws.cell(row, 3, str(regions[code]))
            for m in MONTHS:
                ws.cell(row, MONTH_COL + m - 1, months[m - 1]).number_format = MONEY_FORMAT
            _totals(ws, row)
            for col in range(1, 21):
                ws.cell(row, col).font = Font(bold=True)
                ws.cell(row, col).fill = shade
            region_rows.append(row)
            row += 1
        for username, line in lines:
            ws.cell(row, 1, code)
            ws.cell(row, 2, username)
            ws.cell(row, 3, str(people[username]))
            for m in MONTHS:
                ws.cell(row, MONTH_COL + m - 1, line[m - 1]).number_format = MONEY_FORMAT
            _totals(ws, row)
            row += 1
    if region_rows and region_codes is None and person is None:
        ws.cell(row, 3, _("Company total")).font = Font(bold=True)
        for col in range(MONTH_COL, MONTH_COL + 12):
            letter = get_column_letter(col)
            cells = ",".join(f"{letter}{r}" for r in region_rows)
            ws.cell(row, col, f"=SUM({cells})").number_format = MONEY_FORMAT
        _totals(ws, row)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 16
    for col in range(MONTH_COL, 21):
        ws.column_dimensions[get_column_letter(col)].width = 14
    ws.freeze_panes = "D5"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _is_formula(value) -> bool:
    return isinstance(value, str) and value.startswith("=")


# An .xlsx is a zip: a small upload may unpack to gigabytes (a zip bomb). A plan's workbook
# unpacks to well under a megabyte; refuse anything that would unpack to more than this.
MAX_UNPACKED = 20 * 1024 * 1024
MAX_MEMBERS = 200


def ensure_not_a_zip_bomb(data: bytes) -> None:
    """Read the zip's directory (not its contents) and refuse what would unpack too large."""
    try:
        with ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except (BadZipFile, OSError, ValueError):
        return  # not a zip: the workbook reader refuses it with its own message
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise InvalidInputError(_("This workbook unpacks to far more data than a plan holds."),
                                fields={"file": [_("Upload the .xlsx file exported from the "
                                                   "plan page.")]})


def read_grid(data: bytes) -> tuple[object, list[GridRow]]:
    """(target, rows) from a workbook in the export's layout; InvalidInputError when the file is
    not such a workbook. Cells are passed on as found: the grid validation judges them."""
    if len(data) > MAX_UPLOAD:
        raise engine.UploadTooLargeError(_("The file is larger than 2 MB."),
                                         fields={"file": [_("Upload at most 2 MB.")]})
    ensure_not_a_zip_bomb(data)
    try:
        formulas = load_workbook(BytesIO(data), data_only=False).worksheets[0]
        values = load_workbook(BytesIO(data), data_only=True).worksheets[0]
    except (BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError):
        raise engine.UploadTypeError(_("This is not an Excel workbook (.xlsx)."),
                                     fields={"file": [_("Upload the .xlsx file exported from the "
                                                        "plan page.")]}) from None
    if formulas.max_row > 5000 or formulas.max_column > 60:
        raise InvalidInputError(_("The sheet is too large for a plan."),
                                fields={"file": [_("At most 5000 rows.")]})
    rows, errors = [], {}
    target = _cell(formulas, values, 2, 2, errors, "target")
    for r in range(FIRST_ROW, formulas.max_row + 1):
        code = _text(formulas.cell(r, 1).value)
        if not code:
            continue
        label = _("row %(n)d") % {"n": r}
        person = _text(formulas.cell(r, 2).value) or None
        months = [_cell(formulas, values, r, MONTH_COL + m - 1, errors, f"{label}.{m}")
                  for m in MONTHS]
        stated = {}
        for period, col in TOTAL_COLS.items():
            raw = formulas.cell(r, col).value
            if raw is not None and not _is_formula(raw):
                stated[period] = raw
        rows.append(GridRow(region=code, person=person, months=months, stated=stated,
                            label=label))
    if errors:
        raise InvalidInputError(_("Some cells hold formulas Excel has not computed: %(first)s")
                                % {"first": next(iter(errors.values()))[0]}, fields=errors)
    return target, rows


def _cell(formulas, values, row: int, col: int, errors: dict, key: str):
    raw = formulas.cell(row, col).value
    if not _is_formula(raw):
        return raw
    cached = values.cell(row, col).value
    if cached is None:
        errors[key] = [_("%(cell)s is a formula without a computed value: open and save the "
                         "file in Excel, or type the number.")
                       % {"cell": f"{get_column_letter(col)}{row}"}]
    return cached


def allocations_import_xlsx(*, plan_id: int, actor: User, data: bytes,
                            filename: str = "") -> Plan:
    """Replace the grid with the workbook's, checked exactly as a grid typed on the page."""
    plan = Plan.objects.filter(pk=plan_id).first() if 0 < plan_id < 2**63 else None
    if plan is not None:
        # before reading the file; allocations_save checks again
        ensure_may(plan, actor, access.EDIT)
    target, rows = read_grid(data)
    return allocations_save(plan_id=plan_id, actor=actor, target=target, rows=rows,
                            source="xlsx", comment=filename[:200])
