"""The analytics figures as tables: one definition read by the page, the CSV downloads and
the tests, so a figure on the page and in its CSV are the same cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.formats import date_format, localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]
from django.utils.translation import gettext_lazy as _

from .figures import BUCKETS

Links = Callable[[dict], dict[str, dict]]  # row -> {column key: drill-down parameters}


@dataclass(frozen=True)
class Table:
    code: str
    title: Any  # a lazy translation
    columns: tuple[tuple[str, Any], ...]  # (key, header)
    rows: Callable[[dict], list]
    # Every figure links to the tasks behind it (views.tasks): per row, the columns that link
    # and the drill-down parameters of each; the first column links to the row's whole set.
    links: Links | None = None
    # A table whose columns depend on the figures (the heat map's weeks).
    columns_of: Callable[[dict], tuple[tuple[str, Any], ...]] | None = None

    def columns_for(self, figures: dict) -> tuple[tuple[str, Any], ...]:
        return self.columns_of(figures) if self.columns_of else self.columns


def _rows(key: str, sub: str = "") -> Callable[[dict], list]:
    return lambda figures: figures[key][sub] if sub else figures[key]


def _slowest(figures: dict) -> list[dict]:
    return [{"number": r.number or str(r.pk), "title": r.title, "process": r.process_label,
             "status": r.get_status_display(), "current_step": r.step_label,
             "waiting_on": r.waiting_on_names, "submitted_at": r.submitted_at,
             "age_hours": r.age_hours, "url": reverse("inbox:request", args=[r.pk])}
            for r in figures["slowest_open"]]


_HOURS = (("count", _("Count")), ("median", _("Median (hours)")),
          ("p90", _("90th percentile (hours)")), ("max", _("Longest (hours)")))


def _all(params: Callable[[dict], dict], *keys: str) -> Links:
    """The same drill-down behind the named columns (default: the first)."""
    return lambda row: {key: params(row) for key in (keys or ("",))}


def _step(row: dict) -> dict:
    return {"kind": row["kind"], "step": row["step_code"]}


def _kind(row: dict) -> dict:
    return {"kind": row["kind"]}


def _backlog_links(row: dict) -> dict[str, dict]:
    links = {"": {"state": "open", "kind": row["kind"]},
             "total": {"state": "open", "kind": row["kind"]}}
    for code, _label, _lo, _hi in BUCKETS:
        links[code] = {"state": "open", "kind": row["kind"], "bucket": code}
    return links


def _heat_columns(figures: dict) -> tuple[tuple[str, Any], ...]:
    weeks = figures["heatmap"]["weeks"]
    return (("process", _("Process")), ("label", _("Step")),
            *((f"w:{w.isoformat()}", date_format(w, "m-d")) for w in weeks))


def _heat_rows(figures: dict) -> list[dict]:
    return [{"kind": r["kind"], "step_code": r["step_code"], "process": r["process"],
             "label": r["label"],
             **{f"w:{c['week'].isoformat()}": c["median"] for c in r["cells"]}}
            for r in figures["heatmap"]["rows"]]


def _heat_links(row: dict) -> dict[str, dict]:
    return {"": _step(row), **{k: {**_step(row), "week": k[2:]} for k in row
                               if k.startswith("w:") and row[k] is not None}}

TABLES = (
    Table("process_cycle", _("Cycle time per process (finished requests)"),
          (("label", _("Process")), *_HOURS), _rows("process_cycle"), _all(_kind)),
    Table("step_cycle", _("Cycle time per step (decided tasks)"),
          (("process", _("Process")), ("label", _("Step")), *_HOURS), _rows("step_cycle"),
          _all(_step, "", "count")),
    Table("waiting_worked", _("Waiting and worked time per step"),
          (("process", _("Process")), ("label", _("Step")), ("count", _("Count")),
           ("wait_median", _("Waiting, median (hours)")),
           ("wait_p90", _("Waiting, 90th percentile (hours)")),
           ("work_median", _("Worked, median (hours)")),
           ("work_p90", _("Worked, 90th percentile (hours)"))),
          _rows("waiting_worked"), _all(_step, "", "count")),
    Table("approvers", _("Approvers"),
          (("name", _("Approver")), *_HOURS, ("wait_median", _("Waiting, median (hours)")),
           ("work_median", _("Worked, median (hours)")), ("percent", _("On time (%)")),
           ("reminders", _("Reminders")), ("escalations", _("Escalations"))),
          _rows("approvers"),
          lambda r: {"": {"approver": r["approver_id"]}, "count": {"approver": r["approver_id"]},
                     "percent": {"approver": r["approver_id"], "late": "1"}}),
    Table("sla", _("Deadline compliance per step"),
          (("process", _("Process")), ("label", _("Step")), ("count", _("With a deadline")),
           ("on_time", _("On time")), ("late", _("Late")), ("percent", _("On time (%)"))),
          _rows("sla"),
          lambda r: {"": _step(r), "late": {**_step(r), "late": "1"}}),
    Table("nudges", _("Reminders and escalations per step"),
          (("process", _("Process")), ("label", _("Step")), ("decided", _("Decided")),
           ("reminded", _("Tasks reminded")), ("reminders", _("Reminders")),
           ("escalated", _("Tasks escalated")), ("escalations", _("Escalations")),
           ("urges", _("Urged by a person"))),
          _rows("nudges"), _all(_step, "", "decided")),
    Table("returns", _("Returns for revision per request"),
          (("label", _("Process")), ("requests", _("Requests")), ("returns", _("Returns")),
           ("per_request", _("Returns per request"))), _rows("returns", "by_process"),
          lambda r: {"": _kind(r), "returns": {**_kind(r), "returned": "1"}}),
    Table("returning_steps", _("Steps that return most"),
          (("process", _("Process")), ("label", _("Step")), ("decisions", _("Decisions")),
           ("returns", _("Returns")), ("percent", _("Returned (%)"))),
          _rows("returns", "by_step"),
          lambda r: {"": _step(r), "returns": {**_step(r), "returned": "1"}}),
    Table("backlog", _("Open tasks by age (now)"),
          (("label", _("Process")), *((code, label) for code, label, _lo, _hi in BUCKETS),
           ("total", _("Total")), ("overdue", _("Past the deadline"))), _rows("backlog"),
          _backlog_links),
    Table("throughput", _("Decisions per week"),
          (("week", _("Week of")), ("decided", _("Decided")), ("approved", _("Approvals")),
           ("rejected", _("Rejections")), ("returned", _("Returns"))), _rows("throughput"),
          lambda r: {"": {"week": r["week"].isoformat()},
                     "decided": {"week": r["week"].isoformat()},
                     "returned": {"week": r["week"].isoformat(), "returned": "1"}}),
    Table("heatmap", _("Median waiting time per step and week (hours)"), (), _heat_rows,
          _heat_links, _heat_columns),
    Table("slowest_open", _("Slowest open requests (now)"),
          (("number", _("Number")), ("title", _("Title")), ("process", _("Process")),
           ("status", _("Status")), ("current_step", _("Current step")),
           ("waiting_on", _("Waiting on")), ("submitted_at", _("Submitted")),
           ("age_hours", _("Waiting (hours)"))), _slowest),
)
BY_CODE = {table.code: table for table in TABLES}


def drill_url(params: dict, query: str = "") -> str:
    """The drill-down list of the tasks behind a figure, with the page's filters."""
    return drill_urls(query)(params)


def drill_urls(query: str) -> Callable[[dict], str]:
    """drill_url for one page's filters: the path and the filters' query string built once,
    each figure's own parameters appended (a page has several hundred links)."""
    base = reverse("analytics:tasks") + "?" + query

    def url(params: dict) -> str:
        own = urlencode({k: v for k, v in params.items() if v not in (None, "")})
        return base + ("&" if query and own else "") + own

    return url


def _cell_html(value: Any, link: str | None, first_url: str | None, num: bool) -> str:
    """One <td> as the page's template wrote it (a value rendered as the template would:
    local time, localized, escaped)."""
    shown = "—" if value is None else conditional_escape(localize(template_localtime(value)))
    td = '<td class="an-n">' if num else "<td>"
    if first_url:
        return f'{td}<a href="{conditional_escape(first_url)}">{shown}</a></td>'
    if link and value:
        return f'{td}<a href="{conditional_escape(link)}">{shown}</a></td>'
    return f"{td}{shown}</td>"


def render(table: Table, figures: dict, query: str = "", *, html: bool = False) -> dict:
    """Headers and rows of cells for a template: each row's values (`cells`), the row's own
    link (`url`: a request page, else the drill-down of the whole row) and each cell's
    drill-down link (`links`, None where a cell has none); with `html` (the page) each row's
    cells also as ready <td> markup (`html`), several hundred cells being too slow to lay out
    one template tag at a time."""
    columns = table.columns_for(figures)
    drill = drill_urls(query)
    out = []
    for row in table.rows(figures):
        links = table.links(row) if table.links else {}
        cells = [row.get(key) for key, _h in columns]
        url = row.get("url") or (drill(links[""]) if "" in links else None)
        cell_links = [drill(links[key]) if key in links and i else None
                      for i, (key, _h) in enumerate(columns)]
        nums = [isinstance(value, int | float) and not isinstance(value, bool)
                for value in cells]
        rendered = {"cells": cells, "url": url, "links": cell_links}
        if html:
            rendered["html"] = mark_safe("".join(  # noqa: S308  # nosec B308, B703: escaped above
                _cell_html(value, link, url if i == 0 else None, num)
                for i, (value, link, num) in enumerate(zip(cells, cell_links, nums,
                                                           strict=True))))
        else:
            rendered["items"] = [{"value": value, "url": link, "num": num}
                                 for value, link, num in zip(cells, cell_links, nums,
                                                             strict=True)]
        out.append(rendered)
    return {"code": table.code, "title": table.title,
            "headers": [header for _key, header in columns], "rows": out}
