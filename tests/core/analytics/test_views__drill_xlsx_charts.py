"""The drill-down list, the xlsx downloads, the heat map and the charts on the page, and the
new figures in the API (hand-computed values: conftest's six decisions)."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from core.analytics import charts, tables
from core.inbox.models import WorkItem, WorkItemStatus
from core.org.models import User

from .conftest import MONDAY

pytestmark = pytest.mark.django_db

PAGE = reverse("analytics:approvals")
XLSX = reverse("analytics:approvals-xlsx")
TASKS = reverse("analytics:tasks")
PERIOD = {"date_from": MONDAY.isoformat(), "date_to": MONDAY.replace(day=15).isoformat()}
WAIT = [0, 1, 0, 2, 1, 4]


@pytest.fixture
def claimed(analytics_data):
    for i, req in enumerate(analytics_data["decided"]):
        item = WorkItem.objects.get(request=req, status=WorkItemStatus.DONE)
        WorkItem.objects.filter(pk=item.pk).update(taken_at=item.created
                                                   + timedelta(hours=WAIT[i]))
    return analytics_data


def test_xlsx_of_one_table_carries_the_page_figures(client, personas, claimed):
    client.force_login(personas["ceo"])
    response = client.get(XLSX, {"table": "approvers", **PERIOD})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'approvals-approvers-20261102-20261115.xlsx' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Approver", "Count", "Median (hours)", "90th percentile (hours)",
                           "Longest (hours)")
    assert rows[1][1:8] == (6, 3.5, 7.5, 10, 1, 2.5, 50)


def test_xlsx_of_every_table_has_one_sheet_each(client, personas, claimed):
    client.force_login(personas["auditor"])
    response = client.get(XLSX, {"table": "all", **PERIOD})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [t.code for t in tables.TABLES]
    heat = list(book["heatmap"].iter_rows(values_only=True))
    assert heat[0] == ("Process", "Step", "11-02", "11-09")
    assert heat[1][2:] == (0, 2)  # median waiting per week: 0 1 0 and 2 1 4


def test_xlsx_writes_formula_like_text_as_text(client, personas, claimed):
    User.objects.filter(pk=personas["east_mgr"].pk).update(display_name="=HYPERLINK(1)")
    client.force_login(personas["admin"])
    response = client.get(XLSX, {"table": "approvers", **PERIOD})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "'=HYPERLINK(1)" and sheet["A2"].data_type == "s"


@pytest.mark.parametrize("query,field", [({"table": "nope"}, "table"),
                                         ({"table": "sla", "band": "huge"}, "band")])
def test_xlsx_is_400_naming_the_field_when_input_is_bad(client, personas, query, field):
    client.force_login(personas["gm"])
    response = client.get(XLSX, query)
    assert response.status_code == 400
    assert response.content.decode().startswith(f"{field}:")


@pytest.mark.parametrize("username", ["east_rep1", "east_mgr", "finance"])
def test_drill_and_xlsx_are_404_when_someone_else(client, personas, username):
    client.force_login(personas[username])
    assert client.get(TASKS).status_code == 404
    assert client.get(XLSX, {"table": "all"}).status_code == 404


def test_every_figure_on_the_page_links_to_its_tasks_and_the_link_lists_them(
        client, personas, claimed):
    client.force_login(personas["gm"])
    response = client.get(PAGE, PERIOD)
    html = response.content.decode()
    heat = response.context["heat"]
    week2 = heat["rows"][0]["cells"][1]
    assert (week2["median"], week2["level"]) == (2.0, 4)
    assert week2["url"].replace("&", "&amp;") in html
    listed = client.get(week2["url"])
    assert listed.status_code == 200
    assert listed.context["page"].paginator.count == 3
    sla = next(t for t in response.context["tables"] if t["code"] == "sla")
    late_link = sla["rows"][0]["links"][4]  # the "Late" cell
    assert "late=1" in late_link and client.get(late_link).context["page"].paginator.count == 3
    approvers = next(t for t in response.context["tables"] if t["code"] == "approvers")
    row = approvers["rows"][0]
    assert row["cells"][0] == str(personas["east_mgr"])
    assert client.get(row["url"]).context["page"].paginator.count == 6
    backlog = next(t for t in response.context["tables"] if t["code"] == "backlog")
    row = backlog["rows"][0]
    # each age bucket's link lists as many open tasks as the cell says (now: all four)
    for cell, link in list(zip(row["cells"], row["links"], strict=True))[1:6]:
        assert client.get(link).context["page"].paginator.count == cell
    assert row["cells"][5] == 4


def test_drill_keeps_the_page_filters_and_pages_by_fifty(client, personas, claimed):
    client.force_login(personas["gm"])
    page = client.get(TASKS, {**PERIOD, "band": "10k_100k"})
    assert page.context["page"].paginator.count == 0
    page = client.get(TASKS, {**PERIOD, "returned": "1"})
    assert [t.request_id for t in page.context["page"]] == [claimed["returned"].pk]
    assert f'href="{reverse("inbox:request", args=[claimed["returned"].pk])}"' in (
        page.content.decode())


@pytest.mark.parametrize("query,field", [({"week": "2026-11-03"}, "week"),
                                         ({"approver": "x"}, "approver"),
                                         ({"bucket": "forever"}, "bucket")])
def test_drill_is_400_naming_the_field_when_a_parameter_is_bad(client, personas, query, field):
    client.force_login(personas["gm"])
    response = client.get(TASKS, query)
    assert response.status_code == 400 and field in response.context["form"].errors


def test_page_draws_the_charts_as_svg_with_a_title_per_bar(client, personas, claimed):
    client.force_login(personas["gm"])
    html = client.get(PAGE, PERIOD).content.decode()
    assert html.count('<svg class="an-chart"') == 2
    assert "<title>11-09 Approvals: 2</title>" in html  # week 2: two approvals, one return
    assert "<title>11-09 Returns: 1</title>" in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>")[0]


def test_charts_escape_labels_and_scale_to_a_round_axis():
    svg = charts.waiting_worked([{"process": "<b>x</b>", "label": "s", "wait_median": 3.0,
                                  "work_median": 7.0}])
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert charts._nice_max(7.0) == 10 and charts._nice_max(0.3) == 0.5
    assert charts._nice_max(120) == 200 and charts.throughput([]) is None


def test_no_waiting_chart_when_every_step_was_decided_at_once():
    rows = [{"process": "p", "label": "s", "wait_median": 0.0, "work_median": 0.0},
            {"process": "p", "label": "t", "wait_median": None, "work_median": 0.0}]
    assert charts.waiting_worked(rows) is None
    assert charts.waiting_worked([*rows, {"process": "p", "label": "u", "wait_median": 0.5,
                                          "work_median": None}]) is not None


def test_analytics_address_leads_to_the_approvals_page_with_its_query(client, personas):
    client.force_login(personas["gm"])
    response = client.get("/analytics/", {"region": "east"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('analytics:approvals')}?region=east"


def test_api_carries_approvers_heatmap_waiting_and_band(personas, claimed):
    api = APIClient()
    api.force_authenticate(User.objects.get(pk=personas["gm"].pk))
    body = api.get("/api/analytics/approvals/", PERIOD).json()
    assert (body["approvers"][0]["count"], body["approvers"][0]["wait_median"]) == (6, 1.0)
    assert body["waiting_worked"][0]["work_median"] == 2.5
    assert body["heatmap"]["weeks"] == ["2026-11-02", "2026-11-09"]
    assert [c["median"] for c in body["heatmap"]["rows"][0]["cells"]] == [0.0, 2.0]
    assert body["nudges"][0]["decided"] == 6
    assert api.get("/api/analytics/approvals/", {**PERIOD, "band": "gte_1m"}).json()[
        "approvers"] == []
    bad = api.get("/api/analytics/approvals/", {"band": "huge"})
    assert bad.status_code == 400 and "band" in bad.content.decode()


def test_page_row_markup_escapes_localizes_and_links_each_number():
    from datetime import date

    from django.utils import translation

    table = tables.Table(
        "t", "T", (("name", "Name"), ("count", "Count"), ("none", "None"), ("zero", "Zero"),
                   ("week", "Week")),
        lambda figures: figures["rows"],
        lambda r: {"": {"approver": 7}, "count": {"approver": 7, "late": "1"},
                   "zero": {"approver": 7}})
    figures = {"rows": [{"name": "<b>Li & Co</b>", "count": 3, "none": None, "zero": 0,
                         "week": date(2026, 11, 2)}]}
    with translation.override("en"):
        out = tables.render(table, figures, "region=east&band=lt_10k", html=True)
    row = out["rows"][0]
    base = TASKS + "?region=east&amp;band=lt_10k&amp;approver=7"
    assert row["cells"] == ["<b>Li & Co</b>", 3, None, 0, date(2026, 11, 2)]
    assert str(row["html"]) == (
        f'<td><a href="{base}">&lt;b&gt;Li &amp; Co&lt;/b&gt;</a></td>'
        f'<td class="an-n"><a href="{base}&amp;late=1">3</a></td>'
        "<td>—</td>"
        '<td class="an-n">0</td>'  # zero: no link, as on the page before
        "<td>Nov. 2, 2026</td>")
    plain = tables.render(table, figures)
    assert plain["rows"][0]["links"][1] == TASKS + "?approver=7&late=1"
