"""The grid editor: refused grids come back as typed with the mismatching cells marked; the
spread helpers and the check save nothing; saving replaces the grid; .xlsx export and import;
revision and diff pages."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from core.audit.models import AuditEvent
from workflows.plans import rules
from workflows.plans.models import PlanState
from workflows.plans.services.common import grid_of

from ..conftest import fresh

pytestmark = pytest.mark.django_db


def form_data(plan, **changes) -> dict:
    grid = grid_of(plan)
    data = {"target": f"{grid.target:.2f}", "rows": []}
    for code, months in grid.regions.items():
        data["rows"].append(code)
        data.update({f"r-{code}-{m}": f"{months[m - 1]:.2f}" for m in range(1, 13)})
        for person, line in (grid.people.get(code) or {}).items():
            data["rows"].append(f"{code}:{person}")
            data.update({f"p-{code}-{person}-{m}": f"{line[m - 1]:.2f}" for m in range(1, 13)})
    data.update(changes)
    return data


def saved_events(plan) -> int:
    return AuditEvent.objects.filter(subject_id=str(plan.pk),
                                     event="plan.allocations_saved").count()


def test_editor_shows_the_grid_to_the_author_only(client_for, draft, submitted):
    plan = draft(year=2031)
    page = client_for("gm").get(f"/plans/{plan.pk}/grid/").content.decode()
    assert 'name="p-east-east_rep1-3"' in page and "Salespeople total" in page
    assert client_for("ceo").get(f"/plans/{plan.pk}/grid/").status_code == 404
    out = submitted(year=2032)
    assert client_for("gm").get(f"/plans/{out.pk}/grid/").status_code == 302


def test_refused_grid_comes_back_as_typed_with_the_cell_marked(client_for, draft):
    plan = draft("12000000.00")
    before = grid_of(plan)
    old = before.people["east"]["east_rep1"][2]
    typed = f"{old + Decimal('0.01'):.2f}"
    data = form_data(plan, **{"p-east-east_rep1-3": typed, "action": "save"})

    response = client_for("gm").post(f"/plans/{plan.pk}/grid/", data)

    assert response.status_code == 400
    body = response.content.decode()
    assert f'value="{typed}"' in body
    assert "Mar: the salespeople add up to" in body and "+¥0.01" in body
    assert 'class="bad"><input name="r-east-3"' in body
    assert grid_of(plan) == before and saved_events(plan) == 0


def test_saved_when_it_adds_up(client_for, draft):
    plan = draft("12000000.00")
    grid = grid_of(plan)
    a, b = grid.people["north"]["north_rep1"][0], grid.people["north"]["north_rep2"][0]
    data = form_data(plan, **{"p-north-north_rep1-1": f"{a + 100:.2f}",
                              "p-north-north_rep2-1": f"{b - 100:.2f}", "action": "save"})
    response = client_for("gm").post(f"/plans/{plan.pk}/grid/", data)
    assert response.status_code == 302
    assert grid_of(plan).people["north"]["north_rep1"][0] == a + 100


def test_bad_amounts_are_named_on_their_cell(client_for, draft):
    plan = draft()
    data = form_data(plan, **{"r-south-2": "很多", "action": "save"})
    response = client_for("gm").post(f"/plans/{plan.pk}/grid/", data)
    assert response.status_code == 400
    assert "Feb: Enter an amount" in response.content.decode()


def test_spread_helpers_and_check_save_nothing(client_for, draft):
    plan = draft("12000000.00")
    before = grid_of(plan)
    client = client_for("gm")
    data = form_data(plan, target="1200.00", action="even")
    response = client.post(f"/plans/{plan.pk}/grid/", data)
    assert response.status_code == 200
    assert 'name="r-east-1" value="33.34"' in response.content.decode()
    response = client.post(f"/plans/{plan.pk}/grid/", form_data(plan, action="check"))
    assert "Every level adds up" in response.content.decode()
    response = client.post(f"/plans/{plan.pk}/grid/", form_data(plan, target="1.00",
                                                                 action="check"))
    assert "company target is ¥1.00" in response.content.decode()
    assert grid_of(plan) == before and saved_events(plan) == 0


def test_spread_keeps_region_years_that_add_up(client_for, draft):
    plan = draft("1200.00", region_codes=["east", "north"])
    data = form_data(plan, **{"ry-east": "1000", "ry-north": "200", "action": "even"})
    body = client_for("gm").post(f"/plans/{plan.pk}/grid/", data).content.decode()
    assert 'name="r-north-1" value="16.67"' in body
    assert 'name="r-east-1" value="83.34"' in body


def test_rows_are_added_and_removed(client_for, draft):
    plan = draft(region_codes=["east"])
    client = client_for("gm")
    data = form_data(plan, remove=["east:east_rep3"], action="check")
    body = client.post(f"/plans/{plan.pk}/grid/", data).content.decode()
    assert 'name="p-east-east_rep3-1"' not in body
    assert 'value="east:east_rep3"' in body  # offered to add back
    data = form_data(plan, add="east:east_rep3", action="add")
    data["rows"] = [r for r in data["rows"] if r != "east:east_rep3"]
    data = {k: v for k, v in data.items() if not k.startswith("p-east-east_rep3-")}
    body = client.post(f"/plans/{plan.pk}/grid/", data).content.decode()
    assert 'name="p-east-east_rep3-1" value=""' in body


def test_export_and_import_from_the_page(client_for, draft):
    plan = draft("12000000.00")
    client = client_for("gm")
    response = client.get(f"/plans/{plan.pk}/export.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(BytesIO(response.content))
    ws = wb.active
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value == "south_rep1")
    ws.cell(row, 5).value = float(ws.cell(row, 5).value) + 1
    out = BytesIO()
    wb.save(out)
    upload = BytesIO(out.getvalue())
    upload.name = "plan.xlsx"
    response = client.post(f"/plans/{plan.pk}/import/", {"file": upload}, follow=True)
    assert "south/2" in response.content.decode()
    assert saved_events(plan) == 0
    assert client_for("east_rep1").get(f"/plans/{plan.pk}/export.xlsx").status_code == 404


def test_revise_and_diff_pages(client_for, published):
    v1 = published()
    client = client_for("gm")
    assert client.get(f"/plans/{v1.pk}/revise/").status_code == 200
    response = client.post(f"/plans/{v1.pk}/revise/", {"reason": ""})
    assert response.status_code == 400
    response = client.post(f"/plans/{v1.pk}/revise/", {"reason": "加码"})
    v2 = fresh(v1).__class__.objects.get(previous=v1)
    assert response["Location"] == f"/plans/{v2.pk}/" and v2.state == PlanState.DRAFT
    data = form_data(v2, action="save")
    data["r-east-1"] = f"{Decimal(data['r-east-1']) + 10:.2f}"
    data["p-east-east_rep1-1"] = f"{Decimal(data['p-east-east_rep1-1']) + 10:.2f}"
    data["target"] = f"{Decimal(data['target']) + 10:.2f}"
    assert client.post(f"/plans/{v2.pk}/grid/", data).status_code == 302
    body = client.get(f"/plans/{v2.pk}/diff/").content.decode()
    assert "Changes from version 1 to version 2" in body and "+¥10.00" in body
    assert "赵磊" in body
    assert client_for("ceo").get(f"/plans/{v1.pk}/revise/").status_code == 404
    assert rules.reconcile(grid_of(fresh(v2))) == []
