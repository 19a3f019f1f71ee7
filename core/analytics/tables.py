"""The analytics figures as tables: one definition read by the page, the CSV downloads and
the tests, so a figure on the page and in its CSV are the same cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .figures import BUCKETS


@dataclass(frozen=True)
class Table:
    code: str
    title: Any  # a lazy translation
    columns: tuple[tuple[str, Any], ...]  # (key, header)
    rows: Callable[[dict], list]


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

TABLES = (
    Table("process_cycle", _("Cycle time per process (finished requests)"),
          (("label", _("Process")), *_HOURS), _rows("process_cycle")),
    Table("step_cycle", _("Cycle time per step (decided tasks)"),
          (("process", _("Process")), ("label", _("Step")), *_HOURS), _rows("step_cycle")),
    Table("sla", _("Deadline compliance per step"),
          (("process", _("Process")), ("label", _("Step")), ("count", _("With a deadline")),
           ("on_time", _("On time")), ("late", _("Late")), ("percent", _("On time (%)"))),
          _rows("sla")),
    Table("returns", _("Returns for revision per request"),
          (("label", _("Process")), ("requests", _("Requests")), ("returns", _("Returns")),
           ("per_request", _("Returns per request"))), _rows("returns", "by_process")),
    Table("returning_steps", _("Steps that return most"),
          (("process", _("Process")), ("label", _("Step")), ("decisions", _("Decisions")),
           ("returns", _("Returns")), ("percent", _("Returned (%)"))),
          _rows("returns", "by_step")),
    Table("backlog", _("Open tasks by age (now)"),
          (("label", _("Process")), *((code, label) for code, label, _lo, _hi in BUCKETS),
           ("total", _("Total")), ("overdue", _("Past the deadline"))), _rows("backlog")),
    Table("throughput", _("Decisions per week"),
          (("week", _("Week of")), ("decided", _("Decided")), ("approved", _("Approvals")),
           ("rejected", _("Rejections")), ("returned", _("Returns"))), _rows("throughput")),
    Table("slowest_open", _("Slowest open requests (now)"),
          (("number", _("Number")), ("title", _("Title")), ("process", _("Process")),
           ("status", _("Status")), ("current_step", _("Current step")),
           ("waiting_on", _("Waiting on")), ("submitted_at", _("Submitted")),
           ("age_hours", _("Waiting (hours)"))), _slowest),
)
BY_CODE = {table.code: table for table in TABLES}


def render(table: Table, figures: dict) -> dict:
    """Headers and rows of cells (with the row's link where it has one) for a template."""
    rows = table.rows(figures)
    return {"code": table.code, "title": table.title,
            "headers": [header for _key, header in table.columns],
            "rows": [{"cells": [row.get(key) for key, _h in table.columns],
                      "url": row.get("url")} for row in rows]}
