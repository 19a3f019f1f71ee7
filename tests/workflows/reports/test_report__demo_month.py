"""The report's numbers for the demo month (last month, where the demo's business happens) equal
the numbers on the corresponding pages and their selectors for the same period: attainment,
contract statistics (its API, as the page's figures), the budget monitor, the risk register's
levels, the approval analytics and the product figures."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.analytics import figures as fig
from workflows.contracts import selectors as contract_selectors
from workflows.expenses import selectors as expenses
from workflows.plans import selectors as plans
from workflows.reports import content
from workflows.reports.period import Span
from workflows.risks import selectors as risks

pytestmark = pytest.mark.django_db


def _rows(report, code: str, table: int = 0) -> dict:
    section = next(s for s in report.sections if s.code == code)
    return {str(r[0]): r[1:] for r in section.tables[table].rows}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", "--noinput", verbosity=0)


def test_report_equals_the_pages_when_reading_the_demo_month(demo, client, settings):
    from core.org.models import User

    ceo = User.objects.get(username="ceo")
    month = Span.before(timezone.localdate())
    report = content.build(month, ceo)

    # Attainment page (plans:attainment): the published plan's months, per region and company.
    plan = content.published_plan(ceo, month.start.year)
    a = plans.attainment(plan, ceo)
    m = month.start.month
    region = _rows(report, "sales_region")
    for line in a.regions:
        assert region[line.label][:2] == [line.target[m - 1], line.actual[m - 1]]
    assert region["Company"][:2] == [a.company.target[m - 1], a.company.actual[m - 1]]
    assert any(line.actual[m - 1] for line in a.regions), "the demo month has sales"

    # Contract statistics over the API (what the statistics page shows) for the same dates.
    client.force_login(ceo)
    stats = client.get("/api/contracts/statistics/", {
        "date_from": month.start.isoformat(), "date_to": month.end.isoformat()}).json()
    counts, values = _rows(report, "contracts", 0), _rows(report, "contracts", 1)
    assert counts["New contracts"][0] == stats["totals"]["count"]
    assert counts["Of them signed"][0] == stats["totals"]["signed_count"]
    assert f'{values["Value of new contracts"][0]:.2f}' == stats["totals"]["value"]
    assert f'{values["Signed value"][0]:.2f}' == stats["totals"]["signed_value"]

    # Budget monitor (expenses:monitor): budget and used per category for the month.
    money = _rows(report, "expenses")
    for rows in expenses.monitor_rows(month.start.year).values():
        label = str(rows[0].category_label)
        assert money[label][:2] == [rows[m - 1].budget, rows[m - 1].used]

    # Risk register levels (risks:summary) and overdue measures.
    levels = _rows(report, "risks", 0)
    counts_now = risks.level_counts(ceo)
    assert sum(v[0] for v in levels.values()) == sum(counts_now.values()) > 0

    # Approval analytics (analytics:approvals) for the month.
    cycle = {str(r["label"]): r for r in fig.process_cycle(
        fig.Filters.of(date_from=month.start, date_to=month.end))}
    finished = _rows(report, "approvals", 0)
    assert {k: v[0] for k, v in finished.items()} == {k: r["count"] for k, r in cycle.items()}

    # Products (the contracts' own selector).
    products = {r.name: r.value for r in contract_selectors.signed_value_by_product(
        month.start, month.end + timedelta(days=1))}
    # the comparison table also lists products sold only in the other periods (at 0.00)
    this_period = {k: v[0] for k, v in _rows(report, "sales_product", 1).items()}
    assert {k: v for k, v in this_period.items() if v} == products
    assert all(v == 0 for k, v in this_period.items() if k not in products)


def test_analytics_facts_cover_the_backdated_demo_history_when_seeded(demo):
    from django.db.models import Count, Min

    from core.analytics.models import DailyFact
    from core.inbox.models import WorkItem

    decided = WorkItem.objects.filter(status="done", kind="contract")
    first = decided.aggregate(first=Min("decided_at"))["first"]
    assert first is not None and first < timezone.now() - timedelta(days=90)
    stored = DailyFact.objects.filter(kind="contract").aggregate(n=Count("pk"),
                                                                 first=Min("day"))
    assert stored["n"] and stored["first"] == timezone.localtime(first).date()
