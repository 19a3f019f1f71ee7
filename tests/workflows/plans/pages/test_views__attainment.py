"""Attainment with its charts and the actual sales page: the sales GM and the CEO see the
company, a regional manager their region, a salesperson their own line."""

import re
from decimal import Decimal
from io import BytesIO

import pytest

from workflows.plans.models import Actual

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_actuals(personas, published):
    plan = published("3600000.00", year=2030)
    for username, amount in (("east_rep1", "50000.00"), ("south_rep2", "20000.00")):
        user = personas[username]
        Actual.objects.create(salesperson=user, region=user.region, year=2030, month=1,
                              amount=Decimal(amount), recorded_by=personas["gm"])
    return plan


def test_charts_and_figures_for_the_ceo(client_for, with_actuals):
    body = client_for("ceo").get(f"/plans/{with_actuals.pk}/attainment/").content.decode()
    assert body.count("<svg") >= 2
    assert "Company: target and actual per month" in body and "Attainment by region" in body
    assert "¥70,000.00" in body  # actual so far
    # the charts are drawn on the server: the only script is the site's own (CSP: 'self')
    assert re.findall(r"<script(?![^>]*src=\"/static/js/)", body) == []
    assert "cdn" not in body.lower()


def test_regional_manager_and_salesperson_see_their_own(client_for, with_actuals):
    body = client_for("south_mgr").get(f"/plans/{with_actuals.pk}/attainment/").content.decode()
    assert "Your region" in body and "¥20,000.00" in body and "赵磊" not in body
    body = client_for("east_rep1").get(f"/plans/{with_actuals.pk}/attainment/").content.decode()
    assert "Your target and actual per month" in body and "孙丽" not in body
    assert client_for("legal").get(f"/plans/{with_actuals.pk}/attainment/").status_code == 404


def test_attainment_home_goes_to_a_visible_published_plan(client_for, with_actuals):
    response = client_for("east_rep1").get("/plans/attainment/")
    assert response.status_code == 302
    assert response["Location"] == f"/plans/{with_actuals.pk}/attainment/"
    assert "No published plan" in client_for("legal").get("/plans/attainment/").content.decode()


def test_actuals_recorded_and_imported_from_the_page(client_for, with_actuals):
    plan = with_actuals
    client = client_for("east_mgr")
    page = client.get(f"/plans/{plan.pk}/actuals/").content.decode()
    assert "Record one month" in page and "吴芳" not in page
    response = client.post(f"/plans/{plan.pk}/actuals/", {"salesperson": "east_rep2",
                                                          "month": 2, "amount": "123.45"})
    assert response.status_code == 302
    assert Actual.objects.get(salesperson__username="east_rep2").amount == Decimal("123.45")
    upload = BytesIO(b"salesperson,month,amount\neast_rep3,2,10\nsouth_rep1,2,5\n")
    upload.name = "a.csv"
    response = client.post(f"/plans/{plan.pk}/actuals/import/", {"file": upload}, follow=True)
    body = response.content.decode()
    assert "row 3" in body and "nothing was imported" in body
    assert not Actual.objects.filter(salesperson__username="east_rep3").exists()


def test_a_salesperson_reads_actuals_but_records_none(client_for, with_actuals):
    client = client_for("east_rep1")
    page = client.get(f"/plans/{with_actuals.pk}/actuals/").content.decode()
    assert "Record one month" not in page and "50,000.00" in page and "20,000.00" not in page
    client.post(f"/plans/{with_actuals.pk}/actuals/", {"salesperson": "east_rep1",
                                                       "month": 3, "amount": "1"})
    assert not Actual.objects.filter(month=3).exists()
