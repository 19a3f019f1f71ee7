"""GET /api/contracts/statistics/: the figures as JSON (money as strings with a currency),
400 with field errors for any bad parameter (never 500), in the schema."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from .conftest import at, submit, through

pytestmark = pytest.mark.django_db
URL = reverse("contract-stats-api:statistics")


@pytest.fixture
def world(personas, east, south):
    through(personas, submit(personas, east, "500000.00", at(2025, 3, 3)), at(2025, 3, 3))
    submit(personas, south, "300000.50", at(2025, 5, 5), owner="south_rep1", terms=60)


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_money_as_strings_with_currency_when_figures_returned(personas, world):
    response = api(personas["gm"]).get(URL, {"year": 2025})
    assert response.status_code == 200
    data = response.json()
    assert data["currency"] == "CNY"
    assert data["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert data["region"] is None
    assert data["totals"] == {"count": 2, "value": "800000.50", "signed_count": 1,
                              "signed_value": "500000.00"}
    assert data["by_region"][2] == {"key": "south", "label": "South China", "count": 1,
                                    "value": "300000.50"}
    assert data["credit_breach"] == {"submitted": 2, "breached": 1, "percent": "50.0"}
    assert [s["key"] for s in data["cycle_times"]][:3] == ["regional_review", "legal_review",
                                                           "credit_review"]
    assert data["review_time"]["count"] == 1
    assert isinstance(data["review_time"]["avg_hours"], str)


def test_range_and_region_applied_when_given(personas, world):
    data = api(personas["gm"]).get(URL, {"date_from": "2025-05-01", "date_to": "2025-05-31",
                                         "region": "south"}).json()
    assert data["region"] == "south"
    assert data["totals"]["count"] == 1
    assert [r["key"] for r in data["by_month"]] == ["2025-05"]


@pytest.mark.parametrize(("params", "field"), [
    ({"year": "1999"}, "year"),
    ({"year": "2101"}, "year"),
    ({"year": "abc"}, "year"),
    ({"year": "99999999999999999999999"}, "year"),
    ({"year": "2025.5"}, "year"),
    ({"region": "nowhere"}, "region"),
    ({"region": "x" * 500}, "region"),
    ({"region": "\x00"}, "region"),
    ({"date_from": "2025-13-01"}, "date_from"),
    ({"date_from": "1999-12-31"}, "date_from"),
    ({"date_to": "yesterday"}, "date_to"),
    ({"date_from": "2025-05-01", "date_to": "2025-04-30"}, "date_to"),
    ({"date_from": "2001-01-01", "date_to": "2010-01-01"}, "date_to"),
])
def test_field_error_when_parameter_is_bad(personas, params, field):
    response = api(personas["gm"]).get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and field in body["fields"], body


def test_region_outside_the_users_unknown_when_regional_manager_asks(personas, world):
    response = api(personas["east_mgr"]).get(URL, {"region": "south"})
    assert response.status_code == 400
    assert response.json()["fields"]["region"] == ["Unknown region."]
    assert api(personas["east_mgr"]).get(URL, {"region": "east"}).status_code == 200


def test_outsider_gets_zeros_when_contracts_exist(personas, world):
    data = api(personas["marketing"]).get(URL, {"year": 2025}).json()
    assert data["totals"]["count"] == 0 and data["totals"]["value"] == "0.00"
    assert data["by_region"] == [] and data["credit_breach"]["percent"] is None


def test_refused_when_not_logged_in(world):
    response = api().get(URL)
    assert response.status_code in (401, 403)
    assert set(response.json()) == {"detail", "code", "fields"}


def test_in_the_schema_with_its_tag_and_parameters(personas):
    response = api(personas["gm"]).get("/api/schema/",
                                       HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    operation = schema["paths"]["/api/contracts/statistics/"]["get"]
    assert operation["tags"] == ["contracts: statistics"]
    assert {p["name"] for p in operation["parameters"]} == {"year", "date_from", "date_to",
                                                           "region"}
    assert "400" in operation["responses"]
