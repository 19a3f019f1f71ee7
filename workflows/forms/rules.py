"""A template's form, as pure functions over plain values: the definition's own checks, the
conditions on values, the validation of a submission (one path for pages and API) and the
JSON Schema of a version. No database: person, department and region ids are checked by the
caller's `known` sets.

A definition is `{"fields": [...], "steps": [...], "cc": [...], "amount_field": key,
"title_field": key}`; a field `{"key", "type", "label": {"zh", "en"}, "required", "help",
"min", "max", "choices": [{"value", "label"}], "visible_when": cond, "required_when": cond,
"columns": [sub-fields]}` (a table's columns); a condition `{"field", "op", "value"}` or
`{"all": [...]}` / `{"any": [...]}`.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

TEXT, LONG_TEXT, INTEGER, MONEY, DATE, DATE_RANGE = (
    "text", "textarea", "integer", "money", "date", "daterange")
CHOICE, MULTI_CHOICE, PERSON, DEPARTMENT, REGION, CUSTOMER, ATTACHMENT, TABLE = (
    "choice", "multichoice", "person", "department", "region", "customer", "attachment",
    "table")
FIELD_TYPES = (TEXT, LONG_TEXT, INTEGER, MONEY, DATE, DATE_RANGE, CHOICE, MULTI_CHOICE, PERSON,
               DEPARTMENT, REGION, CUSTOMER, ATTACHMENT, TABLE)
COLUMN_TYPES = (TEXT, INTEGER, MONEY, DATE, PERSON, CHOICE)
NUMERIC = (INTEGER, MONEY)
OPS = ("eq", "ne", "gt", "gte", "lt", "lte", "in", "filled", "empty")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
MAX_TEXT, MAX_LONG_TEXT, MAX_ROWS = 200, 5000, 50
MONEY_MAX = Decimal("999999999999.99")


def text(label: Any) -> str:
    """A {"zh", "en"} label in the reader's language (either one when the other is missing)."""
    if isinstance(label, dict):
        zh = (get_language() or "").lower().startswith("zh")
        return str(label.get("zh" if zh else "en") or label.get("en") or label.get("zh") or "")
    return str(label or "")


# --- conditions -----------------------------------------------------------------------------


def _number(value) -> Decimal | None:
    if isinstance(value, bool) or value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def holds(cond: dict | None, values: dict) -> bool:
    """Whether a condition holds for the (cleaned) values; no condition always holds."""
    if not cond:
        return True
    if "all" in cond:
        return all(holds(c, values) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, values) for c in cond["any"])
    value = values.get(cond.get("field"))
    op, target = cond.get("op", "eq"), cond.get("value")
    if op == "filled":
        return value not in (None, "", [], {})
    if op == "empty":
        return value in (None, "", [], {})
    if op == "in":
        return value in (target or []) or (isinstance(value, list)
                                           and bool(set(value) & set(target or [])))
    if op in ("eq", "ne"):
        same = str(value) == str(target) if value is not None else target is None
        if isinstance(value, list):
            same = target in value
        return same if op == "eq" else not same
    left, right = _number(value), _number(target)
    if left is None or right is None:
        return False
    return {"gt": left > right, "gte": left >= right, "lt": left < right,
            "lte": left <= right}[op]


def _cond_fields(cond: dict | None) -> list[str]:
    if not cond:
        return []
    if "all" in cond or "any" in cond:
        return [f for c in cond.get("all", cond.get("any", [])) for f in _cond_fields(c)]
    return [cond.get("field", "")]


def _check_cond(cond, keys: dict[str, dict], where: str, errors: list[str]) -> None:
    if not cond:
        return
    if not isinstance(cond, dict):
        errors.append(_("%(where)s: a condition is an object.") % {"where": where})
        return
    if "all" in cond or "any" in cond:
        parts = cond.get("all", cond.get("any"))
        if not isinstance(parts, list) or not parts:
            errors.append(_("%(where)s: \"all\"/\"any\" needs a list of conditions.")
                          % {"where": where})
            return
        for part in parts:
            _check_cond(part, keys, where, errors)
        return
    if cond.get("field") not in keys:
        errors.append(_("%(where)s: the condition names an unknown field %(field)s.")
                      % {"where": where, "field": cond.get("field")})
    elif cond.get("op", "eq") not in OPS:
        errors.append(_("%(where)s: unknown operator %(op)s.") % {"where": where,
                                                                  "op": cond.get("op")})
    elif cond.get("op") in ("gt", "gte", "lt", "lte") and _number(cond.get("value")) is None:
        errors.append(_("%(where)s: compare with a number.") % {"where": where})


# --- the definition -------------------------------------------------------------------------


def check_fields(fields: Any) -> list[str]:
    """What is wrong with a form's fields (empty when nothing)."""
    errors: list[str] = []
    if not isinstance(fields, list) or not fields:
        return [_("A form needs at least one field.")]
    keys: dict[str, dict] = {}
    for i, f in enumerate(fields, 1):
        where = _("Field %(n)s") % {"n": i}
        if not isinstance(f, dict):
            errors.append(_("%(where)s is not an object.") % {"where": where})
            continue
        key = f.get("key", "")
        if not isinstance(key, str) or not KEY_RE.match(key):
            errors.append(_("%(where)s: the key is lower-case letters, digits and _ "
                            "(starting with a letter).") % {"where": where})
        elif key in keys:
            errors.append(_("%(where)s: the key %(key)s is used twice.")
                          % {"where": where, "key": key})
        if f.get("type") not in FIELD_TYPES:
            errors.append(_("%(where)s: unknown type %(type)s.") % {"where": where,
                                                                    "type": f.get("type")})
        if not text(f.get("label")):
            errors.append(_("%(where)s needs a label.") % {"where": where})
        if f.get("type") in (CHOICE, MULTI_CHOICE) and not f.get("choices"):
            errors.append(_("%(where)s: a choice field needs choices.") % {"where": where})
        if f.get("type") == TABLE:
            cols = f.get("columns")
            if not isinstance(cols, list) or not cols:
                errors.append(_("%(where)s: a table needs columns.") % {"where": where})
            else:
                for c in cols:
                    if not isinstance(c, dict) or c.get("type") not in COLUMN_TYPES \
                            or not KEY_RE.match(str(c.get("key", ""))):
                        errors.append(_("%(where)s: a column has a bad key or type.")
                                      % {"where": where})
        for bound in ("min", "max"):
            if f.get(bound) is not None and _number(f.get(bound)) is None:
                errors.append(_("%(where)s: %(bound)s is a number.") % {"where": where,
                                                                       "bound": bound})
        if isinstance(key, str):
            keys[key] = f
    for i, f in enumerate(fields, 1):
        if isinstance(f, dict):
            where = _("Field %(n)s") % {"n": i}
            for name in ("visible_when", "required_when"):
                _check_cond(f.get(name), keys, where, errors)
                if f.get("key") in _cond_fields(f.get(name)):
                    errors.append(_("%(where)s: a condition cannot name its own field.")
                                  % {"where": where})
    return errors


def field_map(definition: dict) -> dict[str, dict]:
    return {f["key"]: f for f in definition.get("fields", []) if isinstance(f, dict)
            and "key" in f}


# --- a submission ---------------------------------------------------------------------------


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {})


def _coerce(f: dict, raw, known: dict[str, set[int]]):
    """(clean value, error or None) of one filled-in field."""
    kind = f.get("type")
    lo, hi = _number(f.get("min")), _number(f.get("max"))
    if kind in (TEXT, LONG_TEXT, CUSTOMER):
        value = str(raw).strip()
        limit = MAX_LONG_TEXT if kind == LONG_TEXT else MAX_TEXT
        if len(value) > limit:
            return None, _("At most %(n)s characters.") % {"n": limit}
        if lo is not None and len(value) < lo:
            return None, _("At least %(n)s characters.") % {"n": lo}
        return value, None
    if kind in NUMERIC:
        if isinstance(raw, bool):
            return None, _("Enter a number.")
        number = _number(str(raw).replace(",", "").strip())
        if number is None or not number.is_finite():
            return None, _("Enter a number.")
        if kind == INTEGER and number != number.to_integral_value():
            return None, _("Enter a whole number.")
        if kind == MONEY and (number.as_tuple().exponent < -2 or abs(number) > MONEY_MAX):  # type: ignore[operator]
            return None, _("Enter an amount in yuan with at most two decimals.")
        if lo is not None and number < lo:
            return None, _("At least %(n)s.") % {"n": lo}
        if hi is not None and number > hi:
            return None, _("At most %(n)s.") % {"n": hi}
        return (int(number) if kind == INTEGER else f"{number.quantize(Decimal('0.01'))}"), None
    if kind == DATE:
        try:
            return date.fromisoformat(str(raw).strip()).isoformat(), None
        except ValueError:
            return None, _("Enter a date as YYYY-MM-DD.")
    if kind == DATE_RANGE:
        if not isinstance(raw, dict):
            return None, _("Enter a start and an end date.")
        try:
            start = date.fromisoformat(str(raw.get("from", "")).strip())
            end = date.fromisoformat(str(raw.get("to", "")).strip())
        except ValueError:
            return None, _("Enter a start and an end date as YYYY-MM-DD.")
        if end < start:
            return None, _("The end is before the start.")
        return {"from": start.isoformat(), "to": end.isoformat()}, None
    if kind in (CHOICE, MULTI_CHOICE):
        allowed = [str(c.get("value")) for c in f.get("choices", []) if isinstance(c, dict)]
        picked = raw if isinstance(raw, list) else [raw]
        picked = [str(p) for p in picked if not _blank(p)]
        if any(p not in allowed for p in picked):
            return None, _("Choose one of the offered values.")
        if kind == CHOICE:
            return (picked[0] if len(picked) == 1 else None,
                    None if len(picked) == 1 else _("Choose one value."))
        return sorted(set(picked), key=allowed.index), None
    if kind in (PERSON, DEPARTMENT, REGION):
        try:
            pk = int(str(raw).strip())
        except ValueError:
            return None, _("Choose from the list.")
        if pk not in known.get(kind, set()):
            return None, _("Choose from the list.")
        return pk, None
    if kind == ATTACHMENT:
        # a file's name (a page's upload), or a file uploaded to the request through the API:
        # {"id": attachment id}, whose owner and request the services check
        out: list = []
        for n in raw if isinstance(raw, list) else [raw]:
            if isinstance(n, dict):
                try:
                    pk = int(str(n.get("id")))
                except ValueError:
                    return None, _("Name an uploaded file by its id.")
                out.append({"id": pk, "name": str(n.get("name") or "")[:200]})
            elif not _blank(n):
                out.append(str(n)[:200])
        return out, None
    return None, _("This field cannot be filled in here.")


def _table(f: dict, raw, known) -> tuple[list[dict], dict[str, list[str]]]:
    rows = raw if isinstance(raw, list) else []
    cols = [c for c in f.get("columns", []) if isinstance(c, dict)]
    clean, errors = [], {}
    for i, row in enumerate(r for r in rows if isinstance(r, dict)
                            and not all(_blank(r.get(c["key"])) for c in cols)):
        if i >= MAX_ROWS:
            errors[f"{f['key']}"] = [_("At most %(n)s rows.") % {"n": MAX_ROWS}]
            break
        out: dict[str, Any] = {}
        for c in cols:
            value = row.get(c["key"])
            if _blank(value):
                if c.get("required"):
                    errors[f"{f['key']}.{i}.{c['key']}"] = [_("This field is required.")]
                out[c["key"]] = None
                continue
            cleaned, error = _coerce(c, value, known)
            if error:
                errors[f"{f['key']}.{i}.{c['key']}"] = [error]
            out[c["key"]] = cleaned
        clean.append(out)
    if not isinstance(raw, list | type(None)) and raw != "":
        errors[f["key"]] = [_("Enter a list of rows.")]
    return clean, errors


def table_totals(f: dict, rows: list[dict]) -> dict[str, str]:
    """The column totals of a table's number and money columns."""
    totals = {}
    for c in f.get("columns", []):
        if c.get("type") in NUMERIC:
            total = sum((Decimal(str(r[c["key"]])) for r in rows
                         if r.get(c["key"]) not in (None, "")), Decimal(0))
            totals[c["key"]] = str(int(total)) if c["type"] == INTEGER else f"{total:.2f}"
    return totals


def validate(definition: dict, raw: dict, *, known: dict[str, set[int]] | None = None
             ) -> tuple[dict, dict[str, list[str]]]:
    """(clean values, errors by field key) of a submission. Fields are cleaned in order; a
    field's visibility and "required when" read the values cleaned so far and the rest as
    given, so a condition on a later field works too. A hidden field keeps no value."""
    known = known or {}
    raw = raw if isinstance(raw, dict) else {}
    fields = [f for f in definition.get("fields", []) if isinstance(f, dict) and "key" in f]
    # conditions read every field's value, cleaned when it can be
    provisional = {}
    for f in fields:
        value = raw.get(f["key"])
        if f.get("type") != TABLE and not _blank(value):
            value, _error = _coerce(f, value, known)
        provisional[f["key"]] = value
    clean: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for f in fields:
        key = f["key"]
        if not holds(f.get("visible_when"), provisional):
            continue
        value = raw.get(key)
        required = bool(f.get("required")) or (
            bool(f.get("required_when")) and holds(f.get("required_when"), provisional))
        if f.get("type") == TABLE:
            rows, row_errors = _table(f, value, known)
            errors.update(row_errors)
            if required and not rows:
                errors.setdefault(key, []).append(_("Add at least one row."))
            clean[key] = rows
            continue
        if _blank(value) or (f.get("type") == DATE_RANGE and isinstance(value, dict)
                             and all(_blank(v) for v in value.values())):
            if required:
                errors[key] = [_("This field is required.")]
            clean[key] = [] if f.get("type") in (MULTI_CHOICE, ATTACHMENT) else None
            continue
        cleaned, error = _coerce(f, value, known)
        if error:
            errors[key] = [error]
        elif f.get("type") in (MULTI_CHOICE, ATTACHMENT) and required and not cleaned:
            errors[key] = [_("This field is required.")]
        clean[key] = cleaned
    return clean, errors


# --- JSON Schema ----------------------------------------------------------------------------


def _schema_of(f: dict) -> dict:
    kind = f.get("type")
    out: dict[str, Any] = {"title": text(f.get("label"))}
    if f.get("help"):
        out["description"] = text(f.get("help"))
    if kind in (TEXT, LONG_TEXT, CUSTOMER):
        out.update(type="string", maxLength=MAX_LONG_TEXT if kind == LONG_TEXT else MAX_TEXT)
    elif kind == INTEGER:
        out["type"] = "integer"
    elif kind == MONEY:
        out.update(type="string", pattern=r"^-?\d{1,12}(\.\d{1,2})?$",
                   description=_("Amount in CNY, as a decimal string."))
    elif kind == DATE:
        out.update(type="string", format="date")
    elif kind == DATE_RANGE:
        out.update(type="object", required=["from", "to"],
                   properties={"from": {"type": "string", "format": "date"},
                               "to": {"type": "string", "format": "date"}})
    elif kind in (CHOICE, MULTI_CHOICE):
        values = [str(c.get("value")) for c in f.get("choices", [])]
        item = {"type": "string", "enum": values}
        out.update(item if kind == CHOICE else {"type": "array", "items": item,
                                                 "uniqueItems": True})
    elif kind in (PERSON, DEPARTMENT, REGION):
        out.update(type="integer", description=text(f.get("help")) or _("An id."))
    elif kind == ATTACHMENT:
        out.update(type="array", items={"oneOf": [
            {"type": "string", "description": "a file's name"},
            {"type": "object", "required": ["id"],
             "properties": {"id": {"type": "integer", "description": "an upload's id "
                                   "(POST /api/forms/submissions/{id}/files/)"},
                            "name": {"type": "string"}}}]})
    elif kind == TABLE:
        out.update(type="array", maxItems=MAX_ROWS, items={
            "type": "object",
            "properties": {c["key"]: _schema_of(c) for c in f.get("columns", [])},
            "required": [c["key"] for c in f.get("columns", []) if c.get("required")]})
    for bound, name in (("min", "minimum"), ("max", "maximum")):
        if f.get(bound) is not None and kind == INTEGER:
            out[name] = int(Decimal(str(f[bound])))
    return out


def json_schema(definition: dict, *, title: str = "") -> dict:
    """The JSON Schema (draft 2020-12) of a version's form. Conditions are checked by the
    server: a field required only under a condition is not in `required`."""
    fields = [f for f in definition.get("fields", []) if isinstance(f, dict) and "key" in f]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "properties": {f["key"]: _schema_of(f) for f in fields},
        "required": [f["key"] for f in fields if f.get("required") and not f.get("visible_when")],
    }


def diff(old: dict, new: dict) -> list[tuple[str, str, str]]:
    """What changed between two definitions, as (what, before, after) rows for people."""
    rows: list[tuple[str, str, str]] = []
    before, after = field_map(old), field_map(new)
    for key in [*before, *[k for k in after if k not in before]]:
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        label = _("Field %(key)s") % {"key": key}
        rows.append((label, _describe(a), _describe(b)))
    steps_a = {s.get("key", str(i)): s for i, s in enumerate(old.get("steps", []))}
    steps_b = {s.get("key", str(i)): s for i, s in enumerate(new.get("steps", []))}
    for key in [*steps_a, *[k for k in steps_b if k not in steps_a]]:
        if steps_a.get(key) != steps_b.get(key):
            rows.append((_("Step %(key)s") % {"key": key}, _describe(steps_a.get(key)),
                         _describe(steps_b.get(key))))
    for name in ("cc", "amount_field", "title_field"):
        if old.get(name) != new.get(name):
            rows.append((name, _describe(old.get(name)), _describe(new.get(name))))
    return rows


def _describe(value) -> str:
    if value is None:
        return "—"
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True)
