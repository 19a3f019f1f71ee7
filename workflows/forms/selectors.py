"""Reads of the template process: what a form page shows (rows per field with the input kept
and the errors by the field), what a posted form means as raw values, a request read-only."""

from __future__ import annotations

import json
from decimal import Decimal

from django.http import Http404

from core import engine
from core.money import fmt
from core.org.models import Department, Region, User

from . import rules
from .models import Submission
from .steps import KIND

EXTRA_ROWS = 3


def submission_for(user, submission_id: int) -> tuple[Submission, engine.Request | None]:
    """The submission and its request, if the user may see it (else 404)."""
    obj = (Submission.objects.select_related("version", "template", "submitter")
           .filter(pk=submission_id).first())
    if obj is None:
        raise Http404
    req = engine.request_for(KIND, obj.pk)
    if obj.submitter_id == user.pk or obj.action_items.filter(owner_id=user.pk).exists():
        return obj, req  # the owner of one of its action items reads the request too
    if req is None or not engine.visible_requests(user).filter(pk=req.pk).exists():
        raise Http404
    return obj, req


def _options(kind: str) -> list[tuple[int, str]]:
    if kind == rules.PERSON:
        return [(pk, User.name_from(*rest)) for pk, *rest in
                User.objects.filter(is_active=True).order_by("username")
                .values_list("pk", *User.NAME_FIELDS)]
    model = {rules.DEPARTMENT: Department, rules.REGION: Region}[kind]
    return list(model.objects.order_by("code").values_list("pk", "name"))


def parse_post(definition: dict, post, files=None) -> dict:
    """The raw values of a posted generated form (strings; the rules coerce them)."""
    raw: dict = {}
    for f in definition.get("fields", []):
        key, kind = f["key"], f.get("type")
        if kind == rules.MULTI_CHOICE:
            raw[key] = post.getlist(key)
        elif kind == rules.DATE_RANGE:
            raw[key] = {"from": post.get(f"{key}__from", ""), "to": post.get(f"{key}__to", "")}
        elif kind == rules.TABLE:
            try:
                count = min(int(post.get(f"{key}__rows", 0)), rules.MAX_ROWS + EXTRA_ROWS)
            except ValueError:
                count = 0
            raw[key] = [{c["key"]: post.get(f"{key}__{i}__{c['key']}", "")
                         for c in f.get("columns", [])} for i in range(count)]
        elif kind == rules.ATTACHMENT:
            names = [u.name for u in files.getlist(key)] if files is not None else []
            kept = [{"id": int(k[1:])} if k.startswith("@") and k[1:].isdigit() else k
                    for k in post.getlist(f"{key}__kept")]
            raw[key] = names or kept
        else:
            raw[key] = post.get(key, "")
    return raw


def attach_files(request, obj: Submission, definition: dict) -> None:
    """The files of attachment fields, on the request with the upload rules of every process."""
    req = engine.request_for(KIND, obj.pk)
    for f in definition.get("fields", []):
        if f.get("type") == rules.ATTACHMENT:
            for upload in request.FILES.getlist(f["key"]):
                engine.attachment_add(request_id=req.pk, actor=request.user, upload=upload)


def form_rows(definition: dict, raw: dict, errors: dict) -> list[dict]:
    """One row per field for the page: the input as typed, its errors, its options."""
    rows = []
    option_cache: dict[str, list] = {}

    def options(kind):
        if kind not in option_cache:
            option_cache[kind] = _options(kind)
        return option_cache[kind]

    for f in definition.get("fields", []):
        key, kind = f["key"], f.get("type")
        value = raw.get(key)
        row = {"key": key, "type": kind, "label": rules.text(f.get("label")),
               "help": rules.text(f.get("help")), "required": bool(f.get("required")),
               "conditional": bool(f.get("visible_when") or f.get("required_when")),
               "visible_when": json.dumps(f["visible_when"]) if f.get("visible_when") else "",
               "value": "" if value is None else value, "errors": errors.get(key, []),
               "min": f.get("min"), "max": f.get("max"),
               "choices": [(str(c.get("value")), rules.text(c.get("label")))
                           for c in f.get("choices", [])]}
        if kind in (rules.PERSON, rules.DEPARTMENT, rules.REGION):
            row["options"] = options(kind)
            row["value"] = str(value or "")
        if kind == rules.MULTI_CHOICE:
            row["value"] = [str(v) for v in (value or [])]
        if kind == rules.DATE_RANGE:
            row["value"] = value if isinstance(value, dict) else {"from": "", "to": ""}
        if kind == rules.TABLE:
            cols = f.get("columns", [])
            # the rows as validated (blank rows dropped, so errors line up), then blank ones
            given = [r for r in (value or []) if isinstance(r, dict)
                     and any(v not in (None, "") for v in r.values())]
            table = []
            for i, r in enumerate([*given, *([{}] * EXTRA_ROWS)]):
                cells = []
                for c in cols:
                    cell_errors = errors.get(f"{key}.{i}.{c['key']}", [])
                    cell = {"name": f"{key}__{i}__{c['key']}", "type": c.get("type"),
                            "label": rules.text(c.get("label")),
                            "value": "" if r.get(c["key"]) is None else str(r.get(c["key"])),
                            "errors": cell_errors,
                            "choices": [(str(x.get("value")), rules.text(x.get("label")))
                                        for x in c.get("choices", [])]}
                    if c.get("type") == rules.PERSON:
                        cell["options"] = options(rules.PERSON)
                    cells.append(cell)
                table.append(cells)
            row.update(columns=[rules.text(c.get("label")) for c in cols], table=table,
                       count=len(table))
        rows.append(row)
    return rows


def read_rows(definition: dict, values: dict) -> list[dict]:
    """The values read-only, as people read them (names for ids, labels for choices)."""
    people = {pk: str(u) for pk, u in User.objects.in_bulk(_ids(definition, values)).items()}
    regions = dict(Region.objects.values_list("pk", "name"))
    departments = dict(Department.objects.values_list("pk", "name"))
    rows = []
    for f in definition.get("fields", []):
        if f["key"] not in values:
            continue
        rows.append({"label": rules.text(f.get("label")), "type": f.get("type"),
                     **_shown(f, values.get(f["key"]), people, regions, departments)})
    return rows


def _ids(definition, values) -> list[int]:
    ids = []
    for f in definition.get("fields", []):
        v = values.get(f["key"])
        if f.get("type") == rules.PERSON and v:
            ids.append(v)
        if f.get("type") == rules.TABLE:
            ids += [r.get(c["key"]) for r in v or [] for c in f.get("columns", [])
                    if c.get("type") == rules.PERSON and r.get(c["key"])]
    return ids


def show_value(f: dict, value, people, regions, departments) -> str:
    kind = f.get("type")
    if value in (None, "", []):
        return ""
    labels = {str(c.get("value")): rules.text(c.get("label")) for c in f.get("choices", [])}
    if kind == rules.CHOICE:
        return labels.get(str(value), str(value))
    if kind == rules.MULTI_CHOICE:
        return "、".join(labels.get(str(v), str(v)) for v in value)
    if kind == rules.DATE_RANGE:
        return f"{value.get('from')} – {value.get('to')}"
    if kind == rules.PERSON:
        return people.get(value, str(value))
    if kind == rules.REGION:
        return regions.get(value, str(value))
    if kind == rules.DEPARTMENT:
        return departments.get(value, str(value))
    if kind == rules.ATTACHMENT:
        return "、".join(v.get("name") or f"#{v.get('id')}" if isinstance(v, dict) else str(v)
                        for v in value)
    if kind == rules.MONEY:
        return fmt(Decimal(str(value)))
    return str(value)


def _shown(f, value, people, regions, departments) -> dict:
    if f.get("type") != rules.TABLE:
        return {"text": show_value(f, value, people, regions, departments)}
    cols = f.get("columns", [])
    totals = rules.table_totals(f, value or [])
    return {"columns": [rules.text(c.get("label")) for c in cols],
            "rows": [[show_value(c, r.get(c["key"]), people, regions, departments)
                      for c in cols] for r in value or []],
            "totals": [fmt(Decimal(totals[c["key"]])) if c.get("type") == rules.MONEY
                       and c["key"] in totals else totals.get(c["key"], "")
                       for c in cols] if totals else []}


def with_names(chain: list[dict]) -> list[dict]:
    """The chain with the names of who may act on each step (for the route preview)."""
    ids = {pk for s in chain for pk in s.get("candidates", [])}
    names = {pk: str(u) for pk, u in User.objects.in_bulk(list(ids)).items()}
    return [{**s, "names": "、".join(names.get(pk, str(pk)) for pk in s["candidates"])}
            for s in chain]


def action_item_rows(obj: Submission) -> list[dict]:
    """The request's action items with their status, for its page (overdue: open and past the
    item's date)."""
    from django.utils import timezone

    from .steps import ACTION_KIND

    today = timezone.localdate()
    items = list(obj.action_items.select_related("owner").order_by("row"))
    reqs = {r.object_id: r for r in engine.requests_of(ACTION_KIND, [i.pk for i in items])}
    tasks = dict(engine.items_of(ACTION_KIND).filter(
        request__in=list(reqs.values()), status=engine.WorkItemStatus.OPEN)
        .values_list("request__object_id", "pk")) if reqs else {}
    return [{"item": i, "request": reqs.get(i.pk), "task": tasks.get(i.pk),
             "overdue": i.state == "open" and i.due < today} for i in items]
