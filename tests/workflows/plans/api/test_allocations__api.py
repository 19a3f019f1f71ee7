"""The grid over the API: GET what you may see, PUT the whole grid (refused with every
mismatching cell named), .xlsx export and import."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from workflows.plans.services.common import grid_of

from .conftest import url

pytestmark = pytest.mark.django_db


def as_input(grid: dict) -> dict:
    return {"target": grid["target"], "regions": [
        {"region": r["region"], "months": list(r["months"]),
         "people": [{"salesperson": p["salesperson"], "months": list(p["months"])}
                    for p in r["people"]]} for r in grid["regions"]]}


def test_400_names_the_cell_when_a_month_is_off_by_one_fen(api, draft):
    plan = draft("12000000.00")
    before = grid_of(plan)
    client = api("gm")
    body = as_input(client.get(url(plan.pk, "allocations")).json())
    east = next(r for r in body["regions"] if r["region"] == "east")
    east["people"][1]["months"][2] = f"{float(east['people'][1]['months'][2]) + 0.01:.2f}"

    response = client.put(url(plan.pk, "allocations"), body, format="json")

    assert response.status_code == 400, response.content
    error = response.json()
    assert error["code"] == "invalid" and list(error["fields"]) == ["east/3"]
    assert "+¥0.01" in error["fields"]["east/3"][0]
    assert grid_of(plan) == before


def test_200_and_the_new_grid_when_the_put_adds_up(api, draft):
    plan = draft("1200.00", region_codes=["north"])
    body = {"target": "1200.00", "regions": [
        {"region": "north", "months": ["100"] * 12, "year": "1200.00",
         "quarters": ["300", "300", "300", "300"],
         "people": [{"salesperson": "north_rep1", "months": ["100.00"] * 6 + ["0"] * 6},
                    {"salesperson": "north_rep2", "months": [0] * 6 + [100] * 6}]}],
        "company_months": [100] * 12}

    response = api("gm").put(url(plan.pk, "allocations"), body, format="json")

    assert response.status_code == 200, response.content
    (north,) = response.json()["regions"]
    assert north["people"][0]["quarters"] == ["300.00", "300.00", "0.00", "0.00"]
    assert north["year"] == "1200.00"


def test_stated_totals_that_do_not_match_are_named(api, draft):
    plan = draft("1200.00", region_codes=["north"])
    body = {"target": "1200.00", "regions": [
        {"region": "north", "months": ["100"] * 12, "year": "1300",
         "people": [{"salesperson": "north_rep1", "months": ["100"] * 12,
                     "quarters": ["300", "300", "300", "299.99"]}]}]}
    response = api("gm").put(url(plan.pk, "allocations"), body, format="json")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"north/year", "north/north_rep1/q4"}


@pytest.mark.parametrize("body", [
    [], "text", {"target": "1", "regions": "abc"}, {"target": {"a": 1}, "regions": []},
    {"target": "1", "regions": [{"region": "east", "months": ["1"] * 11}]},
    {"target": "1", "regions": [{"region": "east", "months": ["x"] * 12}]},
    {"target": "1", "regions": [{"region": "east", "months": [True] * 12}]},
    {"target": "1", "regions": [{"region": "\x00", "months": [1] * 12}]},
    {"target": "1e99", "regions": [{"region": "east", "months": [1] * 12}]},
    {"target": "NaN", "regions": [{"region": "east", "months": ["Infinity"] * 12}]},
    {"target": "1", "regions": [{"region": "east", "months": [1] * 12,
                                 "people": [{"salesperson": ["x"], "months": [1] * 12}]}]},
    {"target": "1", "regions": [{"region": "east", "months": [1] * 12}],
     "company_months": [1, 2]},
    {"target": "1", "regions": []},
])
def test_400_with_the_error_shape_never_500_when_the_grid_is_odd(api, draft, body):
    plan = draft()
    response = api("gm").put(url(plan.pk, "allocations"), body, format="json")
    assert response.status_code == 400, response.content
    assert set(response.json()) == {"detail", "code", "fields"}


def test_403_404_409_for_the_wrong_people_and_states(api, draft, submitted, published):
    plan = draft(year=2031)
    body = as_input(api("gm").get(url(plan.pk, "allocations")).json())
    assert api("east_mgr").put(url(plan.pk, "allocations"), body,
                               format="json").status_code == 404
    assert api("ceo").put(url(plan.pk, "allocations"), body, format="json").status_code == 403
    out = submitted(year=2032)
    body = as_input(api("gm").get(url(out.pk, "allocations")).json())
    assert api("gm").put(url(out.pk, "allocations"), body, format="json").status_code == 409
    assert api("east_mgr").put(url(out.pk, "allocations"), body,
                               format="json").status_code == 403
    done = published(year=2033)
    body = as_input(api("gm").get(url(done.pk, "allocations")).json())
    response = api("gm").put(url(done.pk, "allocations"), body, format="json")
    assert response.status_code == 409 and "read-only" in response.json()["detail"]


def test_xlsx_export_edit_import_round_trip(api, draft):
    plan = draft("12000000.00")
    client = api("gm")
    response = client.get(url(plan.pk, "export.xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(BytesIO(response.content))
    ws = wb.active
    rows = {(ws.cell(r, 1).value, ws.cell(r, 2).value): r for r in range(5, ws.max_row + 1)}
    a, b = rows[("south", "south_rep1")], rows[("south", "south_rep2")]
    ws.cell(a, 15).value = float(ws.cell(a, 15).value) + 500  # December
    ws.cell(b, 15).value = float(ws.cell(b, 15).value) - 500
    out = BytesIO()
    wb.save(out)
    before = grid_of(plan)

    upload = BytesIO(out.getvalue())
    upload.name = "plan.xlsx"
    response = client.post(url(plan.pk, "allocations/import"), {"file": upload},
                           format="multipart")

    assert response.status_code == 200, response.content
    after = grid_of(plan)
    assert after.people["south"]["south_rep1"][11] == before.people["south"]["south_rep1"][11] \
        + 500
    assert client.post(url(plan.pk, "allocations/import"), {},
                       format="multipart").status_code == 400


def test_a_salesperson_exports_only_their_line(api, published):
    plan = published()
    response = api("south_rep2").get(url(plan.pk, "export.xlsx"))
    ws = load_workbook(BytesIO(response.content)).active
    assert [ws.cell(r, 2).value for r in range(5, ws.max_row + 1)] == ["south_rep2"]
    assert api("legal").get(url(plan.pk, "export.xlsx")).status_code == 404
