"""Monthly actual sales per salesperson (policy 4.1 execution tracking): entered one by one or
imported from .xlsx/CSV. An import is all or nothing: any bad row refuses the file, with every
bad row named."""

import csv
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO, StringIO
from zipfile import BadZipFile

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from core import engine
from core.audit import services as audit
from core.exceptions import InvalidInputError, PermissionDeniedError
from core.org.models import Region, Role, RoleAssignment, User

from ..models import Actual, ActualSource
from ..selectors import actions as access
from .allocations import parse_amount
from .common import ensure_writer
from .xlsx import ensure_not_a_zip_bomb

MAX_UPLOAD = 2 * 1024 * 1024
MAX_ROWS = 20000
# Column headings accepted (English or the zh-hans words planners use), case-insensitive.
HEADINGS = {
    "salesperson": "salesperson", "username": "salesperson", "销售人员": "salesperson",
    "year": "year", "年": "year", "年度": "year",
    "month": "month", "月": "month", "月份": "month",
    "amount": "amount", "actual": "amount", "金额": "amount", "实际销售额": "amount",
    "region": "region", "区域": "region",
    "note": "note", "备注": "note",
}
REQUIRED = ("salesperson", "month", "amount")
# Who records actuals, and for which regions: selectors.actions (the page and API read it too).
RECORDERS = access.RECORDERS
recordable_region_ids = access.recordable_region_ids


def _ensure_recorder(actor: User) -> set[int] | None:
    ensure_writer(actor)
    allowed = recordable_region_ids(actor)
    if allowed is not None and not allowed:
        raise PermissionDeniedError(_("Actual sales are recorded by the sales GM, finance or the "
                                      "regional managers."))
    return allowed


@dataclass
class ActualRow:
    salesperson: User
    region: Region
    year: int
    month: int
    amount: Decimal
    note: str = ""


def _upsert(actor: User, rows: list[ActualRow], source: str) -> dict:
    keys = {(r.salesperson.pk, r.year, r.month) for r in rows}
    existing = {(a.salesperson_id, a.year, a.month): a for a in Actual.objects.select_for_update()
                .filter(salesperson_id__in={k[0] for k in keys}, year__in={k[1] for k in keys})}
    changes, new, updated = {}, [], []
    for r in rows:
        key = (r.salesperson.pk, r.year, r.month)
        name = f"{r.salesperson.username}/{r.year}-{r.month:02d}"
        old = existing.get(key)
        if old is None:
            new.append(Actual(salesperson=r.salesperson, region=r.region, year=r.year,
                              month=r.month, amount=r.amount, source=source, note=r.note,
                              recorded_by=actor))
            changes[name] = [None, str(r.amount)]
        elif old.amount != r.amount or old.region_id != r.region.pk or old.note != r.note:
            changes[name] = [str(old.amount), str(r.amount)]
            old.amount, old.region, old.note, old.source = r.amount, r.region, r.note, source
            old.recorded_by = actor
            updated.append(old)
    Actual.objects.bulk_create(new)
    Actual.objects.bulk_update(updated, ["amount", "region", "note", "source", "recorded_by"])
    return changes


@transaction.atomic
def actual_record(*, actor: User, salesperson: User, year: int, month: int, amount,
                  note: str = "") -> Actual:
    """Enter (or correct) one salesperson's actual sales for a month."""
    allowed = _ensure_recorder(actor)
    row, problems = _row(salesperson=salesperson, region_code="", year=year, month=month,
                         amount=amount, note=note, allowed=allowed)
    if problems:
        raise InvalidInputError(problems[0][1],
                                fields={field: [text] for field, text in problems})
    changes = _upsert(actor, [row], ActualSource.ENTERED)
    audit.record(actor=actor, subject_kind="sales_actuals", subject_id=row.year,
                 event="plan.actual_recorded", changes=changes,
                 data={"salesperson": salesperson.username, "month": row.month})
    return Actual.objects.get(salesperson=salesperson, year=row.year, month=row.month)


def _row(*, salesperson: User | None, region_code: str, year, month, amount, note,
         allowed: set[int] | None, regions: dict | None = None, sellers: dict | None = None):
    """(ActualRow or None, [(field, problem)])."""
    problems = []
    if salesperson is None or not salesperson.is_active:
        problems.append(("salesperson", _("No active salesperson with this username.")))
    try:
        year = int(str(year).strip().split(".")[0]) if year not in (None, "") else None
    except ValueError:
        year = None
    if year is None or not 2000 <= year <= 2100:
        problems.append(("year", _("Give a year between 2000 and 2100.")))
    try:
        month = int(str(month).strip().split(".")[0]) if month not in (None, "") else None
    except ValueError:
        month = None
    if month is None or not 1 <= month <= 12:
        problems.append(("month", _("Give a month from 1 to 12.")))
    try:
        parsed = parse_amount(amount)
        if amount in (None, ""):
            raise ValueError(amount)
    except ValueError:
        parsed = None
        problems.append(("amount", _("Give a non-negative amount, e.g. 125000.00.")))
    region = None
    if salesperson is not None and not problems:
        if region_code:
            region = (regions or {}).get(region_code) or Region.objects.filter(
                code=region_code).first()
            if region is None:
                problems.append(("region", _("No region with the code “%(code)s”.")
                                 % {"code": region_code}))
        else:
            region_id = (sellers or {}).get(salesperson.pk) if sellers is not None else (
                RoleAssignment.objects.filter(user=salesperson, role=Role.SALESPERSON,
                                              region__isnull=False)
                .values_list("region_id", flat=True).first())
            region_id = region_id or salesperson.region_id
            region = Region.objects.filter(pk=region_id).first() if region_id else None
            if region is None:
                problems.append(("salesperson", _("%(who)s has no sales region; give one.")
                                 % {"who": salesperson}))
        if region is not None and allowed is not None and region.pk not in allowed:
            problems.append(("region", _("You record actuals only for your own regions; "
                                         "%(region)s is not one of them.") % {"region": region}))
    if problems:
        return None, problems
    return ActualRow(salesperson=salesperson, region=region, year=year, month=month,
                     amount=parsed, note=str(note or "").strip()[:200]), []


def _table(data: bytes, filename: str) -> list[list]:
    """The rows of the first sheet of an .xlsx, or of a CSV (UTF-8, or GB18030 from Excel)."""
    if data[:2] == b"PK" or filename.lower().endswith(".xlsx"):
        ensure_not_a_zip_bomb(data)
        try:
            ws = load_workbook(BytesIO(data), read_only=True, data_only=True).worksheets[0]
            return [list(r) for r in ws.iter_rows(values_only=True, max_row=MAX_ROWS + 1)]
        except (BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError):
            raise engine.UploadTypeError(_("This is not an Excel workbook (.xlsx)."),
                                         fields={"file": [_("Upload .xlsx or .csv.")]}) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise engine.UploadTypeError(_("The file is neither .xlsx nor readable CSV."),
                                     fields={"file": [_("Upload .xlsx or .csv.")]})
    if "\x00" in text:
        raise engine.UploadTypeError(_("The file is neither .xlsx nor readable CSV."),
                                     fields={"file": [_("Upload .xlsx or .csv.")]})
    try:
        return list(csv.reader(StringIO(text)))[: MAX_ROWS + 1]
    except csv.Error:
        raise InvalidInputError(_("The CSV file cannot be read."),
                                fields={"file": [_("Upload .xlsx or .csv.")]}) from None


@transaction.atomic
def actuals_import(*, actor: User, data: bytes, filename: str = "",
                   year: int | None = None) -> int:
    """Import monthly actuals (columns: salesperson, [year], month, amount, [region], [note]).
    Returns how many rows were read; any bad row refuses the whole file, every one named."""
    allowed = _ensure_recorder(actor)
    if len(data) > MAX_UPLOAD:
        raise engine.UploadTooLargeError(_("The file is larger than 2 MB."),
                                         fields={"file": [_("Upload at most 2 MB.")]})
    table = [r for r in _table(data, filename or "") if any(_cell(c) for c in r)]
    if not table:
        raise InvalidInputError(_("The file is empty."), fields={"file": [_("No rows.")]})
    columns = {}
    for index, heading in enumerate(table[0]):
        key = HEADINGS.get(_cell(heading).lower())
        if key and key not in columns:
            columns[key] = index
    missing = [c for c in REQUIRED if c not in columns]
    if "year" not in columns and year is None:
        missing.append("year")
    if missing:
        raise InvalidInputError(
            _("The first row must name the columns; missing: %(cols)s.")
            % {"cols": ", ".join(missing)},
            fields={"file": [_("Columns: salesperson, year, month, amount, region, note.")]})
    if len(table) - 1 > MAX_ROWS:
        raise InvalidInputError(_("At most %(n)d rows per file.") % {"n": MAX_ROWS},
                                fields={"file": [_("Split the file.")]})

    def get(row, key):
        i = columns.get(key)
        return row[i] if i is not None and i < len(row) else None

    body = table[1:]
    usernames = {_cell(get(r, "salesperson")) for r in body}
    users = {u.username: u for u in User.objects.filter(username__in=usernames)}
    sellers = dict(RoleAssignment.objects.filter(
        role=Role.SALESPERSON, region__isnull=False, user__username__in=usernames)
        .values_list("user_id", "region_id"))
    regions = {r.code: r for r in Region.objects.all()}
    rows, errors, seen = [], {}, {}
    for number, raw in enumerate(body, 2):
        label = _("row %(n)d") % {"n": number}
        user = users.get(_cell(get(raw, "salesperson")))
        if user is not None and user.pk not in sellers:
            errors[label] = [_("%(who)s is not a salesperson.") % {"who": user}]
            continue
        row_year = get(raw, "year") if "year" in columns else year
        row, problems = _row(salesperson=user, region_code=_cell(get(raw, "region")),
                             year=row_year, month=get(raw, "month"), amount=get(raw, "amount"),
                             note=_cell(get(raw, "note")), allowed=allowed, regions=regions,
                             sellers=sellers)
        if not problems and year is not None and row.year != year:
            problems.append(("year", _("This file is for %(year)s.") % {"year": year}))
        if not problems:
            key = (row.salesperson.pk, row.year, row.month)
            if key in seen:
                problems.append(("month", _("The same salesperson and month as %(row)s.")
                                 % {"row": seen[key]}))
            seen[key] = label
        if problems:
            errors[label] = [text for _field, text in problems]
        else:
            rows.append(row)
    if errors:
        first_label, first = next(iter(errors.items()))
        raise InvalidInputError(
            _("%(n)d rows are not valid; nothing was imported. %(label)s: %(first)s")
            % {"n": len(errors), "label": first_label, "first": first[0]}, fields=errors)
    changes = _upsert(actor, rows, ActualSource.IMPORTED)
    for y in sorted({r.year for r in rows}):
        audit.record(actor=actor, subject_kind="sales_actuals", subject_id=y,
                     event="plan.actuals_imported", comment=(filename or "")[:200],
                     changes={k: v for k, v in changes.items() if f"/{y}-" in k},
                     data={"rows": sum(1 for r in rows if r.year == y)})
    return len(rows)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
