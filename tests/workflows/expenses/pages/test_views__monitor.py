"""The budget monitor (实时监控): numbers per category and month, warnings, the SVG chart."""

import re

import pytest

from .helpers import line, today

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("username", "status"), [
    ("finance", 200), ("gm", 200), ("ceo", 200), ("auditor", 200), ("admin", 200),
    ("east_mgr", 200), ("east_rep1", 404), ("marketing", 404),
])
def test_monitor_is_open_only_to_budget_readers(client_for, username, status):
    assert client_for(username).get("/expenses/monitor/").status_code == status


def test_monitor_shows_budget_reserved_and_remaining_of_the_month(client_for, make_budget,
                                                                  make_claim):
    make_budget("travel", "1200.00")  # 100.00 a month
    make_claim("east_rep1", stage="submitted", lines=[line("85.00")])

    body = client_for("finance").get("/expenses/monitor/?category=travel").content.decode()

    month = f"{today().year}-{today().month:02d}"
    row = re.search(rf'<tr class="(\w*)">\s*<td data-label="Month">{month}</td>(.*?)</tr>',
                    body, re.S)
    assert row is not None
    level, cells = row.groups()
    assert level == "warn"  # 85 % used: the 80 % warning
    assert "¥100.00" in cells and "¥85.00" in cells and "¥15.00" in cells
    assert "85.0%" in cells
    assert "Warnings" in body


def test_monitor_marks_a_month_over_when_it_is_fully_used(client_for, make_budget,
                                                          make_claim):
    make_budget("travel", "1200.00")
    make_claim("east_rep1", stage="submitted", lines=[line("100.00")])

    body = client_for("gm").get("/expenses/monitor/").content.decode()

    assert '<tr class="over">' in body
    assert '<span class="chip over">100.0%</span>' in body


def test_monitor_chart_is_inline_svg_with_bars_and_a_cumulative_line(client_for,
                                                                     make_budget):
    make_budget("travel", "1200.00")

    body = client_for("finance").get("/expenses/monitor/").content.decode()

    start = body.index('<svg viewBox')
    svg = body[start:body.index("</svg>", start)]
    assert svg.count("<rect") == 24  # budget and used, twelve months
    assert "<polyline" in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    # the charts are drawn on the server: the only script is the site's own (CSP: 'self')
    assert re.findall(r"<script(?![^>]*src=\"/static/js/)", body) == []
    assert "cdn" not in body.lower()


def test_regional_manager_sees_only_their_own_department(client_for, make_budget):
    make_budget("travel", "1200.00")  # sales: 100.00 a month
    make_budget("travel", "2400.00", department="marketing")  # 200.00 a month

    manager = client_for("east_mgr").get("/expenses/monitor/?department=").content.decode()
    finance = client_for("finance").get("/expenses/monitor/").content.decode()

    assert "¥1,200.00" in manager and "¥3,600.00" not in manager
    assert 'name="department"' not in manager
    assert "¥3,600.00" in finance
