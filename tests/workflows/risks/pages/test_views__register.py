"""The register page (filters, pagination), the heat map and the escalation summary."""

from datetime import timedelta

import pytest
from django.utils import timezone

from workflows.risks.models import Measure

from ..conftest import CRITICAL, HIGH, LOW, MEDIUM

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(make_risk, with_plan):
    risks = {
        "high": make_risk(HIGH, type="market", title="东区价格战"),
        "medium": make_risk(MEDIUM, type="credit", owner="east_rep2", title="东区回款"),
        "critical": make_risk(CRITICAL, type="legal", owner="south_rep1", region="south",
                              title="南区合同纠纷"),
        "late": with_plan(LOW, title="东区逾期措施"),
    }
    Measure.objects.filter(risk=risks["late"]).update(
        due_date=timezone.localdate() - timedelta(days=2))
    return risks


@pytest.mark.parametrize(("query", "shown", "hidden"), [
    ("type=credit", ["东区回款"], ["东区价格战", "南区合同纠纷"]),
    ("level=critical", ["南区合同纠纷"], ["东区价格战"]),
    ("status=mitigating", ["东区逾期措施"], ["东区价格战"]),
    ("owner=east_rep2", ["东区回款"], ["东区价格战"]),
    ("overdue=on", ["东区逾期措施"], ["东区回款"]),
    ("likelihood=5&impact=5", ["南区合同纠纷"], ["东区回款"]),
    ("q=价格", ["东区价格战"], ["东区回款"]),
])
def test_register_shows_what_the_filters_select(browser, register, query, shown, hidden):
    body = browser("gm").get(f"/risks/?{query}").content.decode()

    for title in shown:
        assert title in body
    for title in hidden:
        assert title not in body


def test_region_filter_and_scope_when_regional_manager_lists(browser, register):
    body = browser("east_mgr").get("/risks/").content.decode()

    assert "东区价格战" in body and "东区回款" in body
    assert "南区合同纠纷" not in body


def test_bad_filter_values_are_shown_not_500(browser, register):
    response = browser("gm").get("/risks/?likelihood=9&status=nope&region=x&page=abc")

    assert response.status_code == 200
    assert "东区价格战" in response.content.decode()


def test_second_page_when_more_than_25(browser, make_risk):
    for n in range(27):
        make_risk(LOW, title=f"风险{n:02d}")

    first = browser("gm").get("/risks/").content.decode()
    second = browser("gm").get("/risks/?page=2").content.decode()

    assert "27 risks" in first and "Page 1 of 2" in first
    assert second.count('data-label="Number"') == 2


def test_heatmap_counts_each_cell_and_links_to_the_filtered_register(browser, register):
    response = browser("gm").get("/risks/heatmap/")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Likelihood 5, impact 5: 1 risks" in body
    assert "Likelihood 2, impact 2: 1 risks" in body
    assert "Likelihood 1, impact 1: 0 risks" in body
    assert body.count("<rect") == 25
    assert "/risks/?status=open&amp;likelihood=5&amp;impact=5" in body


def test_heatmap_counts_only_visible_risks(browser, register):
    body = browser("south_mgr").get("/risks/heatmap/").content.decode()

    assert "Likelihood 5, impact 5: 1 risks" in body
    assert "Likelihood 4, impact 4: 0 risks" in body


@pytest.mark.parametrize(("who", "status"), [("gm", 200), ("ceo", 200), ("auditor", 200),
                                             ("east_mgr", 404), ("east_rep1", 404)])
def test_summary_only_for_the_sales_gm_ceo_and_auditors(browser, register, who, status):
    response = browser(who).get("/risks/summary/")

    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "东区逾期措施" in body or register["late"].number in body
        assert register["critical"].number in body  # reported to the CEO at once


def test_login_required_for_every_page(browser, register):
    for url in ("/risks/", "/risks/heatmap/", "/risks/summary/", "/risks/new/",
                f"/risks/{register['high'].pk}/"):
        response = browser(None).get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
