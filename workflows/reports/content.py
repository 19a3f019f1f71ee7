"""What the monthly sales analysis report says (policy §6), read through the same selectors
the pages use, so a figure in the report equals the figure on its page for the same period.

The report reads as a company-wide reader (the CEO: every region, every process); each
section is a chart and tables, with month over month (the period before) and year over year
(the same months a year earlier). Labels are lazy: one build renders in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.analytics import figures as fig
from core.org.models import Region, User, region_label
from workflows.campaigns import selectors as campaigns
from workflows.campaigns.models import CampaignState
from workflows.contracts import selectors as contract_selectors
from workflows.contracts import statistics as contract_stats
from workflows.contracts.models import ValueClass
from workflows.expenses import selectors as expenses
from workflows.expenses.models import Category
from workflows.plans import selectors as plans
from workflows.plans.models import PlanState
from workflows.plans.selectors.business import collection_rows
from workflows.risks import selectors as risks
from workflows.risks.models import Level

from .period import Span

ZERO = Decimal("0.00")
EARLIEST = date(2000, 1, 1)
TOP = 12  # rows of a long table (salespeople, campaigns, measures) shown in the PDF


@dataclass
class Table:
    columns: list[Any]
    kinds: list[str]  # text, money, int, pct, hours: how a cell is formatted
    rows: list[list[Any]]
    title: Any = ""


@dataclass
class Chart:
    labels: list[Any]
    series: list[tuple[Any, list[float]]]
    unit: str = "money"


@dataclass
class Section:
    code: str
    title: Any
    chart: Chart | None
    tables: list[Table] = field(default_factory=list)
    note: Any = ""


@dataclass
class Report:
    span: Span
    previous: Span
    last_year: Span
    sections: list[Section]


def change(now, before) -> Decimal | None:
    """The change from `before` to `now`, in percent (None when there is nothing to compare)."""
    if now is None or before is None:
        return None
    now, before = Decimal(str(now)), Decimal(str(before))
    if not before:
        return None
    return ((now - before) * 100 / abs(before)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _pct(part, whole) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _compared(label, now, prev, ly) -> list[Any]:
    return [label, now, prev, change(now, prev), ly, change(now, ly)]


def _compare_columns(first) -> tuple[list[Any], list[str]]:
    return ([first, _("This period"), _("Previous period"), _("Change"), _("Last year"),
             _("Change")], ["text", "", "", "pct", "", "pct"])


def _comparison(first, kind: str, rows: list[list[Any]], title: Any = "") -> Table:
    columns, kinds = _compare_columns(first)
    kinds = [k or kind for k in kinds]
    return Table(columns, kinds, rows, title)


_lazy_region = lazy(region_label, str)


def region_names() -> dict[str, Any]:
    """{region code: its name in the language the report is rendered in} (Chinese, or the
    region's English name in English, the Chinese one when it has none)."""
    return {code: _lazy_region(name, name_en)
            for code, name, name_en in Region.objects.values_list("code", "name", "name_en")}


def _chart_of(rows: list[list[Any]], unit: str = "money") -> Chart:
    labels = [r[0] for r in rows]
    return Chart(labels, [(_("This period"), [float(r[1] or 0) for r in rows]),
                          (_("Previous period"), [float(r[2] or 0) for r in rows]),
                          (_("Last year"), [float(r[4] or 0) for r in rows])], unit)


# --- sales and attainment (plans) -------------------------------------------------------------


def published_plan(viewer: User, year: int):
    """The plan the attainment page shows for a year: its published plan."""
    return (plans.visible_plans(viewer).filter(state=PlanState.PUBLISHED, fiscal_year=year)
            .order_by("-pk").first())


def attainment_sums(viewer: User, span: Span) -> dict[str, dict]:
    """{"company"|region code|username: {"label", "target", "actual", "region"}} over the
    span's months, from the attainment of each year's published plan."""
    out: dict[str, dict] = {}
    for year, months in span.year_months().items():
        plan = published_plan(viewer, year)
        if plan is None:
            continue
        a = plans.attainment(plan, viewer)
        lines = ([("company", a.company, "")] if a.company else [])
        lines += [(f"region:{r.region}", r, r.region) for r in a.regions]
        lines += [(f"person:{p.person}", p, p.region) for p in a.people]
        for key, line, region in lines:
            row = out.setdefault(key, {"label": line.label, "target": ZERO, "actual": ZERO,
                                       "region": region})
            row["target"] += sum((line.target[m - 1] for m in months), ZERO)
            row["actual"] += sum((line.actual[m - 1] for m in months), ZERO)
    return out


def _sales_sections(viewer: User, r: Report) -> list[Section]:
    now, prev, ly = (attainment_sums(viewer, s) for s in (r.span, r.previous, r.last_year))
    names = region_names()
    for key, row in now.items():
        if key.startswith("region:"):
            row["label"] = names.get(key.removeprefix("region:"), row["label"])
    sections = []
    for prefix, code, title, first in (
            ("region:", "sales_region", _("Sales and attainment by region"), _("Region")),
            ("person:", "sales_person", _("Sales and attainment by salesperson"),
             _("Salesperson"))):
        keys = [k for k in now if k.startswith(prefix)]
        keys.sort(key=lambda k: -now[k]["actual"])
        rows = [_compared(now[k]["label"], now[k]["actual"], prev.get(k, {}).get("actual"),
                          ly.get(k, {}).get("actual")) for k in keys]
        target = Table([first, _("Target"), _("Actual"), _("Attainment")],
                       ["text", "money", "money", "pct"],
                       [[now[k]["label"], now[k]["target"], now[k]["actual"],
                         _pct(now[k]["actual"], now[k]["target"])] for k in keys])
        if prefix == "region:" and "company" in now:
            c = now["company"]
            target.rows.append([_("Company"), c["target"], c["actual"],
                                _pct(c["actual"], c["target"])])
            rows.append(_compared(_("Company"), c["actual"], prev.get("company", {}).get(
                "actual"), ly.get("company", {}).get("actual")))
        note = "" if now else _("No published sales plan covers this period.")
        sections.append(Section(code, title, _chart_of(rows[:TOP] if prefix == "person:" else
                                                      [x for x in rows if x[0] != _("Company")]),
                                [target, _comparison(first, "money", rows,
                                                     _("Actual sales compared"))], note))
    return sections


# --- products and customer classes (contracts) ------------------------------------------------


def _period(span: Span) -> contract_stats.Period:
    return contract_stats.Period(span.start, span.end)


def by_product(span: Span) -> dict[str, dict]:
    """{product code: {"label", "quantity", "value"}} signed in the span (contract lines; an
    amendment by its difference), from the contracts' own selector."""
    rows = contract_selectors.signed_value_by_product(span.start, span.end + timedelta(days=1))
    return {r.code: {"label": r.name, "quantity": r.quantity, "value": r.value} for r in rows}


def _product_section(viewer: User, r: Report) -> Section:
    now, prev, ly = by_product(r.span), by_product(r.previous), by_product(r.last_year)
    codes = sorted(set(now) | set(prev) | set(ly),
                   key=lambda c: (-now.get(c, {}).get("value", ZERO), c))
    label = {c: (now.get(c) or prev.get(c) or ly.get(c))["label"] for c in codes}
    rows = [_compared(label[c], now.get(c, {}).get("value", ZERO),
                      prev.get(c, {}).get("value", ZERO), ly.get(c, {}).get("value", ZERO))
            for c in codes]
    quantities = Table([_("Product"), _("Quantity"), _("Signed value")],
                       ["text", "hours", "money"],
                       [[label[c], now[c]["quantity"], now[c]["value"]] for c in codes
                        if c in now])
    return Section("sales_product", _("Sales by product"), _chart_of(rows[:TOP]),
                   [quantities, _comparison(_("Signed value, compared"), "money", rows)],
                   "" if rows else _("No contract line was signed in these periods."))


def _class_section(viewer: User, r: Report) -> Section:
    def by_class(span: Span) -> dict[str, Decimal]:
        return {row["key"]: row["value"]
                for row in contract_stats.signed_by_class(viewer, period=_period(span))}
    now, prev, ly = by_class(r.span), by_class(r.previous), by_class(r.last_year)
    labels = dict(ValueClass.choices)
    rows = [_compared(labels.get(key, _("Not classified")), now.get(key, ZERO),
                      prev.get(key, ZERO), ly.get(key, ZERO))
            for key in [*ValueClass.values, ""] if key in now or key in prev or key in ly or key]
    return Section("sales_class", _("Signed contract value by customer class"), _chart_of(rows),
                   [_comparison(_("Customer class"), "money", rows)])


# --- contracts, review times, collections -----------------------------------------------------


def contract_figures(viewer: User, span: Span) -> dict:
    return contract_stats.contract_statistics(viewer, period=_period(span),
                                              today=span.end + timedelta(days=1))


def receivables(viewer: User, span: Span) -> dict:
    """Collections due and not done at the period's end, over every contract up to it."""
    return contract_stats.contract_statistics(
        viewer, period=contract_stats.Period(EARLIEST, span.end),
        today=span.end + timedelta(days=1))["collections"]


def _contracts_section(viewer: User, r: Report) -> Section:
    now, prev, ly = (contract_figures(viewer, s) for s in (r.span, r.previous, r.last_year))

    def row(label, get):
        return _compared(label, get(now), get(prev), get(ly))
    counts = [row(_("New contracts"), lambda f: f["totals"]["count"]),
              row(_("Of them signed"), lambda f: f["totals"]["signed_count"])]
    values = [row(_("Value of new contracts"), lambda f: f["totals"]["value"]),
              row(_("Signed value"), lambda f: f["totals"]["signed_value"])]
    hours = [row(_("Submission to signing (average)"),
                 lambda f: f["review_time"]["avg_hours"])]
    steps = {s["key"]: s for f in (now,) for s in f["cycle_times"]}
    for key, step in steps.items():
        def get(f, key=key):
            return next((s["avg_hours"] for s in f["cycle_times"] if s["key"] == key), None)
        hours.append(row(step["label"], get))
    names = region_names()
    regions = [[names.get(x["key"], x["label"]), x["count"], x["value"]]
               for x in now["by_region"]]
    return Section("contracts", _("New and signed contracts, review times"), _chart_of(values),
                   [_comparison(_("Contracts"), "int", counts),
                    _comparison(_("Value"), "money", values),
                    _comparison(_("Review time (hours)"), "hours", hours),
                    Table([_("Region"), _("New contracts"), _("Value")],
                          ["text", "int", "money"], regions, _("New contracts by region"))])


def collected(span: Span) -> dict[str, Decimal]:
    """Collections done in the span per region code (what the attainment page counts as
    actual sales on a collections basis)."""
    out: dict[str, Decimal] = {}
    for year, months in span.year_months().items():
        for row in collection_rows(year):
            if row.month in months:
                out[row.region] = out.get(row.region, ZERO) + row.amount
    return out


def _collections_section(viewer: User, r: Report) -> Section:
    now, prev, ly = (collected(s) for s in (r.span, r.previous, r.last_year))
    by_region = contract_figures(viewer, r.span)["by_region"]
    names = {**{x["key"]: x["label"] for x in by_region}, **region_names()}
    keys = sorted(set(now) | set(prev) | set(ly) | {x["key"] for x in by_region})
    rows = [_compared(names.get(k, k), now.get(k, ZERO), prev.get(k, ZERO), ly.get(k, ZERO))
            for k in keys]
    total = _compared(_("Total collected"), sum(now.values(), ZERO), sum(prev.values(), ZERO),
                      sum(ly.values(), ZERO))
    rec = [receivables(viewer, s) for s in (r.span, r.previous, r.last_year)]

    def row(label, name):
        return _compared(label, rec[0][name], rec[1][name], rec[2][name])
    overdue = [row(_("Overdue collections (count)"), "overdue"),
               row(_("Overdue more than 30 days (count)"), "overdue_30")]
    amounts = [row(_("Overdue receivables"), "overdue_amount"),
               row(_("Overdue more than 30 days"), "overdue_30_amount"),
               row(_("Open receivables"), "open_amount")]
    return Section("collections", _("Collections and overdue receivables"), _chart_of(rows),
                   [_comparison(_("Collected, by region"), "money", [*rows, total]),
                    _comparison(_("At the period's end"), "money", amounts),
                    _comparison(_("At the period's end"), "int", overdue)])


# --- expenses against budget ------------------------------------------------------------------


def expense_sums(span: Span) -> dict[str, dict[str, Decimal]]:
    """{category: {"budget", "used"}} over the span's months from the budget monitor's rows
    (used = reserved + spent)."""
    out = {c: {"budget": ZERO, "used": ZERO} for c in Category.values}
    for year, months in span.year_months().items():
        for category, rows in expenses.monitor_rows(year).items():
            for m in months:
                out[category]["budget"] += rows[m - 1].budget
                out[category]["used"] += rows[m - 1].used
    return out


def _expenses_section(viewer: User, r: Report) -> Section:
    now, prev, ly = (expense_sums(s) for s in (r.span, r.previous, r.last_year))
    labels = dict(Category.choices)
    budget = [[labels[c], now[c]["budget"], now[c]["used"], now[c]["budget"] - now[c]["used"],
               _pct(now[c]["used"], now[c]["budget"])] for c in Category.values]
    tb = sum((v["budget"] for v in now.values()), ZERO)
    tu = sum((v["used"] for v in now.values()), ZERO)
    budget.append([_("Total"), tb, tu, tb - tu, _pct(tu, tb)])
    rows = [_compared(labels[c], now[c]["used"], prev[c]["used"], ly[c]["used"])
            for c in Category.values]
    chart = Chart([labels[c] for c in Category.values],
                  [(_("Budget"), [float(now[c]["budget"]) for c in Category.values]),
                   (_("Used"), [float(now[c]["used"]) for c in Category.values])])
    return Section("expenses", _("Expenses against budget by category"), chart,
                   [Table([_("Category"), _("Budget"), _("Used"), _("Remaining"), _("Used %")],
                          ["text", "money", "money", "money", "pct"], budget),
                    _comparison(_("Used, compared"), "money", rows)])


# --- campaigns --------------------------------------------------------------------------------

LIVE = (CampaignState.DRAFT,)


def campaigns_in(viewer: User, span: Span) -> list[dict]:
    """Campaigns under way in the span (not drafts), with their budget and results."""
    out = []
    qs = (campaigns.visible_campaigns(viewer).filter(start__lte=span.end, end__gte=span.start)
          .exclude(state__in=LIVE).order_by("start", "pk"))
    for c in qs:
        money = campaigns.totals(campaigns.budget_lines(c))
        ev = campaigns.evaluation_of(c)
        out.append({"label": f"{c.number} {c.theme}".strip(), "planned": money["planned"],
                    "spent": money["spent"], "expected": c.expected_leads,
                    "leads": ev.leads if ev else None,
                    "contracts": ev.contracts.count() if ev else None,
                    "state": c.get_state_display()})
    return out


def _campaigns_section(viewer: User, r: Report) -> Section:
    now, prev, ly = (campaigns_in(viewer, s) for s in (r.span, r.previous, r.last_year))

    def total(rows, name):
        return sum(((x[name] or 0) for x in rows), ZERO if name in ("planned", "spent") else 0)
    compared = [_compared(_("Campaigns"), len(now), len(prev), len(ly)),
                _compared(_("Leads"), total(now, "leads"), total(prev, "leads"),
                          total(ly, "leads")),
                _compared(_("Signed contracts attributed"), total(now, "contracts"),
                          total(prev, "contracts"), total(ly, "contracts"))]
    money = [_compared(_("Planned budget"), total(now, "planned"), total(prev, "planned"),
                       total(ly, "planned")),
             _compared(_("Spent"), total(now, "spent"), total(prev, "spent"),
                       total(ly, "spent"))]
    table = Table([_("Campaign"), _("Status"), _("Planned budget"), _("Spent"),
                   _("Expected leads"), _("Leads"), _("Contracts")],
                  ["text", "text", "money", "money", "int", "int", "int"],
                  [[x["label"], x["state"], x["planned"], x["spent"], x["expected"],
                    x["leads"], x["contracts"]] for x in now])
    chart = Chart([x["label"][:18] for x in now[:TOP]],
                  [(_("Expected leads"), [float(x["expected"]) for x in now[:TOP]]),
                   (_("Leads"), [float(x["leads"] or 0) for x in now[:TOP]])], "int")
    return Section("campaigns", _("Campaigns and their results"), chart if now else None,
                   [table, _comparison(_("Totals"), "int", compared),
                    _comparison(_("Budget"), "money", money)],
                   "" if now else _("No campaign ran in this period."))


# --- risks ------------------------------------------------------------------------------------


def _risks_section(viewer: User, r: Report) -> Section:
    open_now = risks.level_counts(viewer)
    found = [risks.identified_by_level(viewer, *s.bounds())
             for s in (r.span, r.previous, r.last_year)]
    labels = dict(Level.choices)
    rows = [_compared(labels[lv], found[0][lv], found[1][lv], found[2][lv])
            for lv in Level.values]
    overdue = list(risks.overdue_measures(viewer, today=r.span.end + timedelta(days=1)))
    measures = Table([_("Risk"), _("Measure"), _("Owner"), _("Due")],
                     ["text", "text", "text", "text"],
                     [[m.risk.number, m.description[:40],
                       m.owner.get_full_name() or m.owner.username if m.owner_id else "",
                       m.due_date.isoformat()] for m in overdue[:TOP]],
                     pgettext_lazy("report", "Overdue measures: %(n)d") % {"n": len(overdue)})
    level_table = Table([_("Level"), _("Open now")], ["text", "int"],
                        [[labels[lv], open_now[lv]] for lv in Level.values],
                        _("Open risks by level"))
    chart = Chart([labels[lv] for lv in Level.values],
                  [(_("Open now"), [float(open_now[lv]) for lv in Level.values]),
                   (_("Identified this period"), [float(found[0][lv]) for lv in Level.values])],
                  "int")
    return Section("risks", _("Open risks and overdue measures"), chart,
                   [level_table, _comparison(_("Identified, by level"), "int", rows), measures])


# --- approvals --------------------------------------------------------------------------------


def approval_cycle(span: Span) -> dict[str, dict]:
    f = fig.Filters.of(date_from=span.start, date_to=span.end)
    return {row["kind"]: row for row in fig.process_cycle(f)}


def _approvals_section(viewer: User, r: Report) -> Section:
    now, prev, ly = (approval_cycle(s) for s in (r.span, r.previous, r.last_year))
    kinds = sorted(now, key=lambda k: str(now[k]["label"]))
    counts = [_compared(now[k]["label"], now[k]["count"], prev.get(k, {}).get("count"),
                        ly.get(k, {}).get("count")) for k in kinds]
    medians = [_compared(now[k]["label"], now[k]["median"], prev.get(k, {}).get("median"),
                         ly.get(k, {}).get("median")) for k in kinds]
    f = fig.Filters.of(date_from=r.span.start, date_to=r.span.end)
    sla = [[f"{x['process']}: {x['label']}", x["count"], x["on_time"], x["percent"]]
           for x in sorted(fig.sla(f), key=lambda x: x["percent"])[:8]]
    return Section("approvals", _("Approval analytics highlights"), _chart_of(medians, "hours"),
                   [_comparison(_("Requests finished"), "int", counts),
                    _comparison(_("Median cycle time (hours)"), "hours", medians),
                    Table([_("Step"), _("With a deadline"), _("On time"), _("On time %")],
                          ["text", "int", "int", "pct"], sla,
                          _("Deadline compliance, lowest first"))],
                   "" if now else _("No request finished in this period."))


SECTIONS = (_class_section, _contracts_section, _collections_section, _expenses_section,
            _campaigns_section, _risks_section, _approvals_section)


def build(span: Span, viewer: User) -> Report:
    r = Report(span, span.previous, span.last_year, [])
    r.sections.extend(_sales_sections(viewer, r))
    r.sections.append(_product_section(viewer, r))
    for section in SECTIONS:
        r.sections.append(section(viewer, r))
    return r


def summary(report: Report) -> dict:
    """The report's tables as JSON (numbers as strings), stored with the archived report."""
    def cell(v):
        return str(v) if v is not None and not isinstance(v, (int, str)) else v
    return {"period": {"start": report.span.start.isoformat(), "end": report.span.end.isoformat()},
            "sections": [{"code": s.code, "tables": [[[cell(c) for c in row] for row in t.rows]
                                                      for t in s.tables]}
                         for s in report.sections]}
