"""The analytics page and CSV downloads: who may open them, and the figures they carry."""

import csv
import io

import pytest
from django.urls import reverse

from .conftest import MONDAY

pytestmark = pytest.mark.django_db

PAGE = reverse("analytics:approvals")
CSV = reverse("analytics:approvals-csv")
PERIOD = {"date_from": MONDAY.isoformat(), "date_to": MONDAY.replace(day=15).isoformat()}


def _csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize("username", ["gm", "ceo", "auditor", "admin"])
def test_page_opens_and_menu_links_it_when_management_audit_or_admin(client, personas,
                                                                     username):
    client.force_login(personas[username])
    response = client.get(PAGE)
    assert response.status_code == 200
    assert f'href="{PAGE}"' in response.content.decode()


@pytest.mark.parametrize("username", ["east_rep1", "east_mgr", "finance", "legal"])
def test_page_and_csv_are_404_and_not_in_menu_when_someone_else(client, personas, username):
    client.force_login(personas[username])
    assert client.get(PAGE).status_code == 404
    assert client.get(CSV, {"table": "sla"}).status_code == 404
    assert f'href="{PAGE}"' not in client.get(reverse("inbox:inbox")).content.decode()


def test_page_sends_anonymous_visitor_to_login(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and "login" in response["Location"]


def test_page_shows_figures_and_links_slowest_request_when_data_exists(client, personas,
                                                                     analytics_data):
    client.force_login(personas["gm"])
    response = client.get(PAGE, PERIOD)
    assert response.status_code == 200
    html = response.content.decode()
    returned = analytics_data["returned"]
    assert f'href="{reverse("inbox:request", args=[returned.pk])}"' in html
    step = next(t for t in response.context["tables"] if t["code"] == "step_cycle")
    assert step["rows"][0]["cells"][2:] == [6, 3.5, 7.5, 10.0]


def test_csv_carries_the_page_figures_when_downloaded(client, personas, analytics_data):
    client.force_login(personas["auditor"])
    response = client.get(CSV, {"table": "sla", **PERIOD})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "approvals-sla-20261102-20261115.csv" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][2:] == ["With a deadline", "On time", "Late", "On time (%)"]
    assert rows[1][2:] == ["6", "3", "3", "50.0"]


@pytest.mark.parametrize("table", ["process_cycle", "step_cycle", "sla", "returns",
                                   "returning_steps", "backlog", "throughput", "slowest_open"])
def test_every_table_downloads_as_csv(client, personas, analytics_data, table):
    client.force_login(personas["ceo"])
    response = client.get(CSV, {"table": table, **PERIOD})
    assert response.status_code == 200
    assert len(_csv(response)) >= 2


def test_bad_filter_is_400_with_the_field_named_and_kept(client, personas):
    client.force_login(personas["gm"])
    response = client.get(PAGE, {"date_from": "2026-11-10", "date_to": "2026-11-01",
                                 "region": "nowhere"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Unknown region." in html and "The end comes before the start." in html
    assert 'value="2026-11-10"' in html
    csv_response = client.get(CSV, {"table": "sla", "kind": "nope"})
    assert csv_response.status_code == 400 and b"kind" in csv_response.content


def test_unknown_or_missing_table_is_400_naming_it(client, personas):
    client.force_login(personas["gm"])
    for query in ({"table": "nope"}, {}):
        response = client.get(CSV, query)
        assert response.status_code == 400 and b"table: Unknown table." in response.content


def test_csv_and_page_refuse_post(client, personas):
    client.force_login(personas["gm"])
    assert client.post(PAGE).status_code == 405


def test_page_and_csv_speak_chinese_when_the_language_is_zh_hans(client, personas,
                                                                analytics_data):
    from django.utils import translation

    client.force_login(personas["gm"])
    with translation.override("zh-hans"):
        html = client.get(PAGE, PERIOD, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
        response = client.get(CSV, {"table": "backlog", **PERIOD},
                              HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "审批分析" in html and "各环节按时办理情况" in html
    assert _csv(response)[0] == ["流程", "不足1天", "1–3天", "3–7天", "超过7天", "合计", "已超时"]
