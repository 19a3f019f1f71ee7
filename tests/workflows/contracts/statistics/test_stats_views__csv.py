"""The CSV download: UTF-8 with a BOM (Excel reads the Chinese names), one long table
(figure, dimension, key, label, count, value, unit), the same figures as the API."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from workflows.contracts.models import Milestone
from workflows.contracts.services import milestone_add

from .conftest import at, submit, through

pytestmark = pytest.mark.django_db
URL = reverse("contract-stats:csv")


@pytest.fixture
def world(personas, east, south):
    c = through(personas, submit(personas, east, "500000.00", at(2025, 3, 3)), at(2025, 3, 3))
    milestone_add(contract_id=c.pk, actor=personas["east_rep1"], kind=Milestone.Kind.COLLECTION,
                  amount=Decimal("250000.50"), due_date=at(2025, 4, 1).date())
    submit(personas, south, "300000.00", at(2025, 5, 5), owner="south_rep1", terms=60)


def download(client, user, query="?year=2025"):
    client.force_login(user)
    response = client.get(URL + query)
    raw = b"".join(response.streaming_content).decode("utf-8") if response.streaming else ""
    return response, raw


def rows_of(raw: str) -> dict:
    table = list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"))))
    return {(r["figure"], r["dimension"], r["key"]): r for r in table}


def test_streamed_utf8_with_bom_when_downloaded(client, personas, world):
    response, raw = download(client, personas["gm"])
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="contract-statistics-20250101-20251231.csv"' in response[
        "Content-Disposition"]
    assert raw.startswith("\ufeff")
    header = next(csv.reader(io.StringIO(raw.removeprefix("\ufeff"))))
    assert header == ["figure", "dimension", "key", "label", "count", "value", "unit"]
    assert rows_of(raw)[("contracts", "region", "south")]["label"] == "South China"


def test_every_figure_matches_the_api_when_both_are_asked(client, personas, world):
    _response, raw = download(client, personas["gm"])
    rows = rows_of(raw)
    api = APIClient()
    api.force_authenticate(personas["gm"])
    data = api.get(reverse("contract-stats-api:statistics"), {"year": 2025}).json()

    t = data["totals"]
    assert (rows[("contracts", "total", "all")]["count"],
            rows[("contracts", "total", "all")]["value"]) == (str(t["count"]), t["value"])
    assert rows[("signed", "total", "all")]["value"] == t["signed_value"]
    for figure, dimension, key in (("contracts", "region", "by_region"),
                                   ("contracts", "state", "by_state"),
                                   ("contracts", "month", "by_month"),
                                   ("signed", "month", "signed_by_month")):
        assert len(data[key]) == sum(1 for f, d, _k in rows if (f, d) == (figure, dimension))
        for r in data[key]:
            row = rows[(figure, dimension, r["key"])]
            assert (row["count"], row["value"], row["unit"]) == (str(r["count"]), r["value"],
                                                                 "CNY")
    for r in data["cycle_times"]:
        assert rows[("review_hours", "step", r["key"])]["value"] == r["avg_hours"]
    assert rows[("review_hours", "whole", "submitted_to_signed")]["value"] == data[
        "review_time"]["avg_hours"]
    assert rows[("credit_breach", "contracts", "breached")]["value"] == data[
        "credit_breach"]["percent"] == "50.0"
    overdue = rows[("collections", "milestones", "overdue")]
    assert (overdue["count"], overdue["value"]) == ("1", "250000.50")
    assert overdue["value"] == data["collections"]["overdue_amount"]


def test_money_written_as_plain_decimals_when_downloaded(client, personas, world):
    _response, raw = download(client, personas["gm"])
    values = [r["value"] for r in rows_of(raw).values() if r["unit"] == "CNY"]
    assert values and all(Decimal(v) == Decimal(v).quantize(Decimal("0.01")) for v in values)
    assert "¥" not in raw and "," not in "".join(values)


def test_bad_request_when_filter_is_invalid(client, personas, world):
    response, _raw = download(client, personas["gm"], "?year=abc")
    assert response.status_code == 400
    assert "year" in response.content.decode()


def test_regional_manager_downloads_only_their_region_when_both_exist(client, personas, world):
    _response, raw = download(client, personas["south_mgr"])
    rows = rows_of(raw)
    assert [k for f, d, k in rows if (f, d) == ("contracts", "region")] == ["south"]
    assert rows[("contracts", "total", "all")]["value"] == "300000.00"
