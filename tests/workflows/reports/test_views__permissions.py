"""The reports page, a report's page and its downloads: the sales GM, the CEO, auditors and
administrators read them; anyone else gets 404 on the pages and 403 on the API list; a file of
a report is served with the hash recorded for it."""

import hashlib

import pytest

from workflows.reports import services
from workflows.reports.models import SalesReport, Trigger
from workflows.reports.period import Span

pytestmark = pytest.mark.django_db
READERS = ("gm", "ceo", "auditor", "admin")
OTHERS = ("east_rep1", "east_mgr", "finance", "legal", "marketing")


@pytest.fixture
def report(personas):
    return services.report_generate(span=Span.month(2026, 11), trigger=Trigger.SCHEDULED)[0]


def _as(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", READERS)
def test_readers_see_the_list_page_and_download_when_reader(client, personas, report, who):
    c = _as(client, personas[who])
    assert report.number in c.get("/reports/").content.decode()
    assert c.get(f"/reports/{report.pk}/").status_code == 200
    f = report.files.get(language="en", format="pdf")
    response = c.get(f"/reports/{report.pk}/en.pdf")
    body = b"".join(response.streaming_content)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert hashlib.sha256(body).hexdigest() == f.sha256
    listed = c.get("/api/reports/").json()
    assert listed["count"] == 1 and listed["results"][0]["number"] == "SR-2026-11"
    assert c.get(f"/api/reports/{report.pk}/zh-hans.xlsx").status_code == 200


@pytest.mark.parametrize("who", OTHERS)
def test_404_on_pages_and_403_on_the_api_list_when_not_a_reader(client, personas, report, who):
    c = _as(client, personas[who])
    for url in ("/reports/", f"/reports/{report.pk}/", f"/reports/{report.pk}/en.pdf"):
        assert c.get(url).status_code == 404, url
    assert c.post("/reports/", {"month_from": "2026-10"}).status_code == 404
    assert c.get("/api/reports/").status_code == 403
    assert c.get(f"/api/reports/{report.pk}/en.pdf").status_code == 404


def test_404_when_the_file_or_report_does_not_exist(client, personas, report):
    c = _as(client, personas["ceo"])
    assert c.get(f"/reports/{report.pk}/fr.pdf").status_code == 404
    assert c.get(f"/reports/{report.pk}/en.docx").status_code == 404
    assert c.get(f"/reports/{report.pk + 1}/").status_code == 404
    assert c.get(f"/api/reports/{report.pk + 1}/en.pdf").status_code == 404


def test_gm_makes_a_report_of_any_months_from_the_page(client, personas):
    c = _as(client, personas["gm"])
    response = c.post("/reports/", {"month_from": "2026-07", "month_to": "2026-09"})
    report = SalesReport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{report.pk}/"
    assert (str(report.period_start), str(report.period_end)) == ("2026-07-01", "2026-09-30")


@pytest.mark.parametrize("data,field", [
    ({"month_from": "2026-09", "month_to": "2026-07"}, "month_to"),
    ({"month_from": "2026-13"}, "month_from"),
    ({"month_from": "1999-01"}, "month_from"),
    ({"month_from": "2020-01", "month_to": "2026-01"}, "month_to"),
    ({}, "month_from"),
])
def test_400_with_a_field_message_when_the_period_is_bad(client, personas, data, field):
    response = _as(client, personas["ceo"]).post("/reports/", data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert SalesReport.objects.count() == 0


def test_auditor_sees_no_form_and_cannot_post(client, personas, report):
    c = _as(client, personas["auditor"])
    assert b'name="month_from"' not in c.get("/reports/").content
    assert c.post("/reports/", {"month_from": "2026-10"}).status_code == 404


@pytest.mark.parametrize("who", [*READERS, *OTHERS])
def test_menu_links_the_reports_page_when_the_user_may_read_reports(client, personas, who):
    from django.utils import translation

    c = _as(client, personas[who])
    for language, label in (("en", ">Reports</a>"), ("zh-hans", ">报告</a>")):
        with translation.override(language):
            html = c.get("/inbox/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert ('href="/reports/"' in html and label in html) == (who in READERS), language
