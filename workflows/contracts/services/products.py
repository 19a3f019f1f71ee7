"""The product catalogue from a workbook (issue 22): one sheet, a header row (English or
Chinese headings), one product per row; all or nothing, each row's problem reported with its
row and column as Excel shows them. Products are saved one by one, so each create or change
is a configuration audit event (core.audit.config) attributed to the importing user."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from io import BytesIO
from zipfile import BadZipFile

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core import context
from core.exceptions import InvalidInputError, PermissionDeniedError
from core.org.importer.workbook import Column, RowError, _ensure_small, _matches, _text
from core.org.models import User

from ..models import UNSPECIFIED_PRODUCT, Product
from ..rules import UNITS_EN

MAX_ROWS = 5000
SHEET = "产品 Products"
COLUMNS = (
    Column("code", "Code", "编码", True, "CNC-500"),
    Column("name_zh", "Name (Chinese)", "中文名称", True, "五轴加工中心"),
    Column("name_en", "Name (English)", "英文名称", False, "5-axis machining centre"),
    Column("category", "Category", "类别", True, "机床"),
    Column("unit", "Unit", "单位", True, "台"),
    Column("unit_en", "Unit (English)", "英文单位", False, "unit"),
    Column("list_price", "List price (CNY)", "目录价（元）", True, "880000.00"),
    Column("active", "Active", "在售", False, "是"),
)
YES = {"", "1", "y", "yes", "true", "是", "在售", "有效"}
NO = {"0", "n", "no", "false", "否", "停售", "无效"}


@dataclass
class ProductImport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def template_xlsx() -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = SHEET
    for i, column in enumerate(COLUMNS, 1):
        ws.cell(1, i, column.heading).font = Font(bold=True)
        ws.cell(2, i, column.example)
        ws.column_dimensions[get_column_letter(i)].width = 22
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _rows(data: bytes) -> tuple[list[tuple[int, dict[str, str]]], dict[str, str], list]:
    _ensure_small(data)
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError):
        raise InvalidInputError(_("This is not an Excel workbook (.xlsx)."),
                                fields={"file": [_("Upload an .xlsx file.")]}) from None
    try:
        ws = book.worksheets[0]
        rows = ws.iter_rows(values_only=True, max_col=20, max_row=MAX_ROWS + 1)
        header = next(rows, ())
        positions: dict[str, int] = {}
        for index, value in enumerate(header):
            for column in COLUMNS:
                if column.key not in positions and _matches(value, column.en, column.zh,
                                                            column.key):
                    positions[column.key] = index
        letters = {k: get_column_letter(i + 1) for k, i in positions.items()}
        errors = [RowError(ws.title, 1, "", _("The header row needs a column “%(zh)s” or "
                                              "“%(en)s”.") % {"zh": c.zh, "en": c.en})
                  for c in COLUMNS if c.required and c.key not in positions]
        found = []
        for number, values in enumerate(rows, 2):
            texts = {key: _text(values[i]) if i < len(values) else ""
                     for key, i in positions.items()}
            if any(texts.values()):
                found.append((number, texts))
        if len(found) >= MAX_ROWS:
            errors.append(RowError(ws.title, None, "", _("At most %(n)d rows.")
                                   % {"n": MAX_ROWS - 1}))
        return found, letters, errors
    finally:
        book.close()


def _where(letters: dict[str, str], key: str) -> str:
    column = next(c for c in COLUMNS if c.key == key)
    return f"{letters.get(key, '?')} ({column.zh} {column.en})"


def _parse(number: int, values: dict[str, str], letters, seen: dict[str, int]):
    problems: list[RowError] = []

    def bad(key, message):
        problems.append(RowError(SHEET, number, _where(letters, key), message))

    code = values.get("code", "").strip()
    if not code or len(code) > 40:
        bad("code", _("A code of 1 to 40 characters is required."))
    elif code.upper() == UNSPECIFIED_PRODUCT:
        bad("code", _("This code is reserved for lines without a product."))
    elif code in seen:
        bad("code", _("The same code is on row %(n)d.") % {"n": seen[code]})
    for key, limit in (("name_zh", 200), ("category", 60), ("unit", 20)):
        if not values.get(key) or len(values[key]) > limit:
            bad(key, _("Required, at most %(n)d characters.") % {"n": limit})
    if len(values.get("name_en", "")) > 200:
        bad("name_en", _("At most %(n)d characters.") % {"n": 200})
    if len(values.get("unit_en", "")) > 20:
        bad("unit_en", _("At most %(n)d characters.") % {"n": 20})
    price = None
    try:
        price = Decimal(values.get("list_price", "").replace(",", ""))
        if not price.is_finite() or price < 0 or price >= Decimal("1e12"):
            raise InvalidOperation
        price = price.quantize(Decimal("0.01"))
        if price != Decimal(values["list_price"].replace(",", "")):
            raise InvalidOperation  # more than two decimals: not a price in yuan
    except (InvalidOperation, KeyError):
        bad("list_price", _("Enter a price in yuan such as 880000.00."))
    active = values.get("active", "").strip().casefold()
    if active not in YES | NO:
        bad("active", _("Write 是 or 否 (yes or no)."))
    if problems:
        return None, problems
    seen[code] = number
    return {"code": code, "name_zh": values["name_zh"], "name_en": values.get("name_en", ""),
            "category": values["category"], "unit": values["unit"],
            "unit_en": values.get("unit_en") or UNITS_EN.get(values["unit"], ""),
            "list_price": price,
            "active": active not in NO}, []


def products_import(*, data: bytes, actor: User | None, apply: bool = True) -> ProductImport:
    """Create or update products by code from the workbook; nothing is saved when any row
    is refused (`errors` says where). `apply=False` reports what would change."""
    if actor is not None and not (actor.is_superuser or actor.has_perm("contracts.add_product")):
        raise PermissionDeniedError(_("Only the catalogue's keepers import products."))
    rows, letters, result_errors = _rows(data)
    result = ProductImport(errors=result_errors)
    if result.errors:  # a missing column: the rows cannot be read
        return result
    parsed, seen = [], {}
    for number, values in rows:
        fields, problems = _parse(number, values, letters, seen)
        result.errors.extend(problems)
        if fields:
            parsed.append(fields)
    if result.errors:
        return result
    existing = Product.objects.in_bulk([p["code"] for p in parsed], field_name="code")
    with transaction.atomic(), context.acting_as(actor):
        for fields in parsed:
            product = existing.get(fields["code"])
            if product is None:
                result.created.append(fields["code"])
                if apply:
                    Product(**fields).save()
                continue
            changed = [k for k, v in fields.items() if getattr(product, k) != v]
            if not changed:
                result.unchanged.append(fields["code"])
                continue
            result.updated.append(fields["code"])
            if apply:
                for k in changed:
                    setattr(product, k, fields[k])
                product.save()  # one save per product: one audited change each
    return result
