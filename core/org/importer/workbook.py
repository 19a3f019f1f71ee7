"""The organisation workbook's layout: four sheets, each with a header row; sheet names and
headers are accepted in English or Chinese (or both, as the template writes them)."""

import re
from dataclasses import dataclass, field
from io import BytesIO
from zipfile import BadZipFile, ZipFile

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from core.exceptions import InvalidInputError

MAX_UPLOAD = 2 * 1024 * 1024
# An .xlsx is a zip: refuse one that would unpack to far more than an org chart needs.
MAX_UNPACKED = 40 * 1024 * 1024
MAX_MEMBERS = 200
MAX_ROWS = 20000
MAX_COLUMNS = 40


@dataclass(frozen=True)
class Column:
    key: str
    en: str
    zh: str
    required: bool = False
    example: object = ""

    @property
    def heading(self) -> str:
        return f"{self.zh} {self.en}"


@dataclass(frozen=True)
class Sheet:
    key: str
    en: str
    zh: str
    columns: tuple[Column, ...]

    @property
    def title(self) -> str:
        return f"{self.zh} {self.en}"


DEPARTMENTS = Sheet("departments", "Departments", "部门", (
    Column("code", "Code", "编码", True, "sales"),
    Column("name", "Name", "名称", True, "销售部"),
))
REGIONS = Sheet("regions", "Regions", "区域", (
    Column("code", "Code", "编码", True, "east"),
    Column("name", "Name", "名称", True, "华东"),
))
PEOPLE = Sheet("people", "People", "人员", (
    Column("username", "Username", "用户名", True, "zhang.wei"),
    Column("name", "Name", "姓名", True, "张伟"),
    Column("email", "E-mail", "电子邮箱", False, "zhang.wei@example.com"),
    Column("mobile", "Mobile", "手机", False, "13800000000"),
    Column("department", "Department", "部门", True, "sales"),
    Column("region", "Region", "区域", False, "east"),
    Column("grade", "Grade", "职级", False, 6),
    Column("manager", "Line manager", "直属上级", False, ""),
    Column("status", "Status", "状态", False, "在职"),
))
ROLES = Sheet("roles", "Roles", "角色", (
    Column("username", "Username", "用户名", True, "zhang.wei"),
    Column("role", "Role", "角色", True, "regional_manager"),
    Column("region", "Region", "区域", False, "east"),
))

SHEETS = (DEPARTMENTS, REGIONS, PEOPLE, ROLES)


@dataclass(frozen=True)
class RowError:
    """One problem, located as a person would find it in Excel."""

    sheet: str
    row: int | None
    column: str  # "C (E-mail)", or "" for the whole row or sheet
    message: str

    def __str__(self) -> str:
        where = [self.sheet]
        if self.row:
            where.append(_("row %(n)d") % {"n": self.row})
        if self.column:
            where.append(_("column %(c)s") % {"c": self.column})
        return f"{', '.join(where)}: {self.message}"


@dataclass
class Row:
    number: int  # the Excel row number
    values: dict[str, str]


@dataclass
class ParsedSheet:
    spec: Sheet
    name: str  # as found in the workbook
    letters: dict[str, str] = field(default_factory=dict)  # column key -> letter
    rows: list[Row] = field(default_factory=list)

    def where(self, key: str) -> str:
        letter = self.letters.get(key, "?")
        column = next(c for c in self.spec.columns if c.key == key)
        return f"{letter} ({column.zh} {column.en})"


def _norm(text) -> str:
    return re.sub(r"[\s*:：_\-/()（）]+", "", str(text or "")).casefold()


def _matches(found, en: str, zh: str, key: str = "") -> bool:
    found = _norm(found)
    if not found:
        return False
    return found in {_norm(en), _norm(zh), _norm(key), _norm(zh + en), _norm(en + zh)}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a mobile number or grade typed into a number cell
    return str(value).strip()


def _ensure_small(data: bytes) -> None:
    if len(data) > MAX_UPLOAD:
        raise InvalidInputError(_("The file is larger than 2 MB."),
                                fields={"file": [_("Upload at most 2 MB.")]})
    try:
        with ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except (BadZipFile, OSError, ValueError):
        return  # not a zip: the reader refuses it below with its own message
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise InvalidInputError(_("This workbook unpacks to far more data than an organisation "
                                  "chart holds."),
                                fields={"file": [_("Upload the template, filled in.")]})


def read(data: bytes) -> tuple[dict[str, ParsedSheet], list[RowError]]:
    """The four sheets' rows as text, or the errors that stop reading them (a missing sheet or
    column). Raises InvalidInputError when the file is not a readable .xlsx at all."""
    _ensure_small(data)
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError):
        raise InvalidInputError(_("This is not an Excel workbook (.xlsx)."),
                                fields={"file": [_("Upload an .xlsx file.")]}) from None
    try:
        return _read_book(book)
    finally:
        book.close()


def _read_book(book) -> tuple[dict[str, ParsedSheet], list[RowError]]:
    sheets: dict[str, ParsedSheet] = {}
    errors: list[RowError] = []
    for spec in SHEETS:
        found = [ws for ws in book.worksheets
                 if _matches(ws.title, spec.en, spec.zh)]
        if len(found) != 1:
            errors.append(RowError(
                spec.title, None, "",
                _("The workbook needs exactly one sheet named “%(zh)s” or “%(en)s”.")
                % {"zh": spec.zh, "en": spec.en}))
            continue
        ws = found[0]
        parsed = ParsedSheet(spec, ws.title)
        rows = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS, max_row=MAX_ROWS + 1)
        header = next(rows, ())
        positions: dict[str, int] = {}
        for index, value in enumerate(header):
            for column in spec.columns:
                if column.key not in positions and _matches(value, column.en, column.zh,
                                                            column.key):
                    positions[column.key] = index
                    parsed.letters[column.key] = get_column_letter(index + 1)
        missing = [c for c in spec.columns if c.required and c.key not in parsed.letters]
        for column in missing:
            errors.append(RowError(
                ws.title, 1, "",
                _("The header row needs a column “%(zh)s” or “%(en)s”.")
                % {"zh": column.zh, "en": column.en}))
        for number, values in enumerate(rows, 2):
            if number > MAX_ROWS + 1:
                errors.append(RowError(ws.title, number, "",
                                       _("At most %(n)d rows per sheet.") % {"n": MAX_ROWS}))
                break
            texts = {key: _text(values[i]) if i < len(values) else ""
                     for key, i in positions.items()}
            if any(texts.values()):
                parsed.rows.append(Row(number, texts))
        sheets[spec.key] = parsed
    return sheets, errors


def template_xlsx() -> bytes:
    """A workbook with each sheet's headers and one example row (which a real import replaces)."""
    wb = Workbook()
    wb.remove(wb.active)
    bold, shade = Font(bold=True), PatternFill("solid", fgColor="EEF4FF")
    for spec in SHEETS:
        ws = wb.create_sheet(spec.title)
        for col, column in enumerate(spec.columns, 1):
            cell = ws.cell(1, col, column.heading + (" *" if column.required else ""))
            cell.font, cell.fill = bold, shade
            ws.cell(2, col, column.example if column.example != "" else None)
            ws.column_dimensions[get_column_letter(col)].width = max(14, len(column.heading) + 6)
        ws.freeze_panes = "A2"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
