"""The report's figures on a small world worked out by hand: contracts signed by customer class,
new and signed contracts, with month over month and year over year; the period arithmetic."""

from datetime import date
from decimal import Decimal

import pytest

from workflows.contracts.models import Customer
from workflows.reports import content
from workflows.reports.period import Span

from ..contracts.conftest import make_customer
from ..contracts.statistics.conftest import at, code, submit, through

D = Decimal


def _rows(section, table: int = 0) -> dict:
    return {str(r[0]): r[1:] for r in section.tables[table].rows}


def _section(report, code_: str):
    return next(s for s in report.sections if s.code == code_)


@pytest.fixture
def world(personas):
    """A (key) customer: 300,000 signed in October, 500,000 signed in November; B (regular):
    200,000 signed in November, 100,000 submitted in November and still in review."""
    a = make_customer(personas["east_rep1"], code=code(1), name="甲公司")
    b = make_customer(personas["east_rep1"], code=code(2), name="乙公司")
    Customer.objects.filter(pk=a.pk).update(value_class="A")
    Customer.objects.filter(pk=b.pk).update(value_class="B")
    through(personas, submit(personas, a, "300000.00", at(2026, 10, 5)), at(2026, 10, 5))
    through(personas, submit(personas, a, "500000.00", at(2026, 11, 3)), at(2026, 11, 3))
    through(personas, submit(personas, b, "200000.00", at(2026, 11, 10)), at(2026, 11, 10))
    submit(personas, b, "100000.00", at(2026, 11, 20))
    return personas


@pytest.mark.django_db
def test_signed_value_by_class_and_changes_equal_the_hand_figures(world):
    report = content.build(Span.month(2026, 11), world["ceo"])

    rows = _rows(_section(report, "sales_class"))
    # [now, previous, change %, last year, change %]
    assert rows["A: key customer"] == [D("500000.00"), D("300000.00"), D("66.7"), D("0.00"),
                                       None]
    assert rows["B: regular customer"] == [D("200000.00"), D("0.00"), None, D("0.00"), None]
    assert rows["C: small customer"][0] == D("0.00")


@pytest.mark.django_db
def test_new_and_signed_contracts_equal_the_hand_figures(world):
    s = _section(content.build(Span.month(2026, 11), world["ceo"]), "contracts")

    counts, values = _rows(s, 0), _rows(s, 1)
    assert counts["New contracts"] == [3, 1, D("200.0"), 0, None]
    assert counts["Of them signed"] == [2, 1, D("100.0"), 0, None]
    assert values["Value of new contracts"][:3] == [D("800000.00"), D("300000.00"), D("166.7")]
    assert values["Signed value"][:3] == [D("700000.00"), D("300000.00"), D("133.3")]


def test_periods_compare_with_the_months_before_and_a_year_earlier():
    nov = Span.month(2026, 11)
    assert (nov.start, nov.end) == (date(2026, 11, 1), date(2026, 11, 30))
    assert nov.previous == Span.month(2026, 10) and nov.last_year == Span.month(2025, 11)
    q = Span.months_of(date(2026, 1, 15), date(2026, 3, 2))
    assert (q.start, q.end, q.length) == (date(2026, 1, 1), date(2026, 3, 31), 3)
    assert (q.previous.start, q.previous.end) == (date(2025, 10, 1), date(2025, 12, 31))
    assert q.previous.year_months() == {2025: [10, 11, 12]}
    assert Span.before(date(2026, 1, 1)) == Span.month(2025, 12)
    assert Span.month(2024, 2).end == date(2024, 2, 29)


def test_change_is_a_percentage_and_none_without_a_base():
    assert content.change(D("110"), D("100")) == D("10.0")
    assert content.change(D("50"), D("200")) == D("-75.0")
    assert content.change(D("1"), D("0")) is None
    assert content.change(None, D("3")) is None
    assert content.change(D("2"), D("-4")) == D("150.0")


@pytest.mark.django_db
def test_xlsx_holds_the_same_numbers_and_a_chart_per_section(world):
    import io

    import openpyxl

    from workflows.reports import render

    report = content.build(Span.month(2026, 11), world["ceo"])
    wb = openpyxl.load_workbook(io.BytesIO(render.xlsx(report, language="en")))

    assert len(wb.worksheets) == len(report.sections)
    sheet = wb[str(1 + [s.code for s in report.sections].index("sales_class"))]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert rows["A: key customer"][:3] == (500000, 300000, 66.7)
    assert len(sheet._charts) == 1


@pytest.mark.django_db
def test_regions_are_named_in_the_report_language_when_rendered(world):
    import io

    import openpyxl

    from core.org.models import Region
    from workflows.reports import render

    Region.objects.filter(code="south").update(name_en="")  # no English name: the Chinese one
    report = content.build(Span.month(2026, 11), world["ceo"])

    def cells(language):
        wb = openpyxl.load_workbook(io.BytesIO(render.xlsx(report, language=language)))
        sheet = wb[str(1 + [s.code for s in report.sections].index("contracts"))]
        return {c for row in sheet.iter_rows(values_only=True) for c in row if c}

    en, zh = cells("en"), cells("zh-hans")
    assert {"East China", "North China", "华南"} <= en and not {"华东", "华北"} & en
    assert {"华东", "华南", "华北"} <= zh and "East China" not in zh
    assert render.pdf(report, language="en")  # renders with the lazy names
