"""The register's filters, pagination and the heat map counts over HTTP."""

from datetime import timedelta

import pytest
from django.utils import timezone

from workflows.risks.models import Measure, Review, Risk

from ..conftest import CRITICAL, HIGH, LOW, MEDIUM
from .conftest import RISKS

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(personas, make_risk, with_plan):
    """Six risks across types, levels, regions and owners; one with an overdue measure."""
    risks = {
        "east_market_high": make_risk(HIGH, type="market"),
        "east_credit_medium": make_risk(MEDIUM, type="credit", owner="east_rep2"),
        "south_legal_critical": make_risk(CRITICAL, type="legal", owner="south_rep1",
                                          region="south"),
        "north_comp_low": make_risk(LOW, type="competition", owner="north_rep1",
                                    region="north"),
        "east_other_identified": make_risk(None, type="other"),
        "east_late": with_plan(LOW, title="逾期措施"),
    }
    Measure.objects.filter(risk=risks["east_late"]).update(
        due_date=timezone.localdate() - timedelta(days=3))
    return risks


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {r["id"] for r in response.json()["results"]}


@pytest.mark.parametrize(("query", "expected"), [
    ("type=credit", {"east_credit_medium"}),
    ("level=critical", {"south_legal_critical"}),
    ("status=identified", {"east_other_identified"}),
    ("status=mitigating", {"east_late"}),
    ("owner=east_rep2", {"east_credit_medium"}),
    ("region=south", {"south_legal_critical"}),
    ("overdue=true", {"east_late"}),
    ("likelihood=4&impact=4", {"east_market_high"}),
    ("level=low&region=north", {"north_comp_low"}),
])
def test_register_filters_when_queried(api, register, personas, query, expected):
    assert ids(api("gm").get(f"{RISKS}?{query}")) == {register[k].pk for k in expected}


def test_owner_filter_takes_an_id_too(api, register, personas):
    got = ids(api("gm").get(f"{RISKS}?owner={personas['south_rep1'].pk}"))

    assert got == {register["south_legal_critical"].pk}


def test_regional_manager_sees_only_their_region_when_listing(api, register):
    got = ids(api("east_mgr").get(RISKS))

    assert got == {r.pk for k, r in register.items() if k.startswith("east")}


def test_pages_do_not_overlap_when_paginated(api, register):
    client = api("gm")
    first = client.get(f"{RISKS}?page_size=4&ordering=-score").json()
    second = client.get(first["next"]).json()

    assert first["count"] == 6
    assert len(first["results"]) == 4 and len(second["results"]) == 2
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}


def test_heatmap_counts_open_risks_per_cell(api, register, personas):
    Risk.objects.filter(pk=register["north_comp_low"].pk)  # stays open
    response = api("gm").get("/api/risks/heatmap/")

    assert response.status_code == 200
    data = response.json()
    cells = {(c["likelihood"], c["impact"]): c for c in data["cells"]}
    assert len(cells) == 25
    assert cells[(4, 4)]["count"] == 1 and cells[(4, 4)]["level"] == "high"
    assert cells[(5, 5)]["count"] == 1 and cells[(5, 5)]["level"] == "critical"
    assert cells[(3, 3)]["count"] == 1 and cells[(3, 3)]["level"] == "medium"
    assert cells[(2, 2)]["count"] == 2  # two low risks
    assert data["total"] == 5  # the identified one has no cell
    assert [c["impact"] for c in data["cells"][:5]] == [5] * 5
    url = cells[(2, 2)]["url"]
    assert ids(api("gm").get(url)) == {register["north_comp_low"].pk, register["east_late"].pk}


def test_heatmap_counts_only_what_the_user_sees(api, register):
    data = api("east_mgr").get("/api/risks/heatmap/").json()

    assert data["total"] == 3  # east's high, medium and low (the identified one has no cell)
    assert {(c["likelihood"], c["impact"]) for c in data["cells"] if c["count"]} == {
        (4, 4), (3, 3), (2, 2)}


def test_heatmap_follows_filters_when_given(api, register):
    data = api("gm").get("/api/risks/heatmap/?region=south").json()

    assert data["total"] == 1


def test_review_overdue_counts_as_overdue(api, register, personas):
    Review.objects.create(risk=register["east_market_high"], assignee=personas["east_rep1"],
                          due_date=timezone.localdate() - timedelta(days=1))

    got = ids(api("gm").get(f"{RISKS}?overdue=1"))

    assert got == {register["east_late"].pk, register["east_market_high"].pk}


def test_summary_lists_escalations_and_overdue_measures(api, register):
    data = api("gm").get("/api/risks/summary/").json()

    assert data["levels"] == {"low": 2, "medium": 1, "high": 1, "critical": 1}
    assert {e["risk_id"] for e in data["escalations"]} == {
        register["east_market_high"].pk, register["south_legal_critical"].pk}
    (late,) = data["overdue_measures"]
    assert late["risk_id"] == register["east_late"].pk and late["days_late"] == 3
