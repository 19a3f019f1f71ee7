"""A template's requests as .xlsx: one row per request, one column per field (of every version,
in order); table fields on a second sheet, one row per table row with its request's number."""

from io import BytesIO

from openpyxl import Workbook

from core.org.models import Department, Region, User

from . import rules
from .selectors import show_value


def _safe(text: str) -> str:
    # a cell that starts like a formula is written as text (CSV/formula injection)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def submissions_xlsx(template) -> bytes:
    subs = list(template.submissions.select_related("version", "submitter").order_by("pk"))
    fields: dict[str, dict] = {}
    for version in template.versions.order_by("number"):
        for f in version.definition.get("fields", []):
            fields[f["key"]] = f
    people = {u.pk: str(u) for u in User.objects.all()}
    regions = dict(Region.objects.values_list("pk", "name"))
    departments = dict(Department.objects.values_list("pk", "name"))
    book = Workbook()
    main = book.active
    main.title = "requests"
    scalar = [f for f in fields.values() if f.get("type") != rules.TABLE]
    main.append(["number", "version", "submitter", "state", "submitted",
                 *[rules.text(f.get("label")) for f in scalar]])
    tables = [f for f in fields.values() if f.get("type") == rules.TABLE]
    sheet = book.create_sheet("tables") if tables else None
    if sheet is not None:
        sheet.append(["number", "table", "row", "column", "value"])
    for s in subs:
        main.append([s.number, s.version.number, str(s.submitter), s.state,
                     s.submitted_at.isoformat() if s.submitted_at else "",
                     *[_safe(show_value(f, s.values.get(f["key"]), people, regions,
                                        departments)) for f in scalar]])
        for f in tables:
            for i, row in enumerate(s.values.get(f["key"]) or [], 1):
                for c in f.get("columns", []):
                    sheet.append([s.number, rules.text(f.get("label")), i,  # type: ignore[union-attr]
                                  rules.text(c.get("label")),
                                  _safe(show_value(c, row.get(c["key"]), people, regions,
                                                   departments))])
    out = BytesIO()
    book.save(out)
    return out.getvalue()
