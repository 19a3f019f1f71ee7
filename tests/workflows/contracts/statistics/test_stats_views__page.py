"""The statistics page: figures as tables and server-drawn SVG charts, a filter that keeps
what was typed, a CSV link with the same filters."""

import re

import pytest
import time_machine
from django.urls import reverse

from .conftest import at, submit, through

pytestmark = pytest.mark.django_db
URL = reverse("contract-stats:statistics")


@pytest.fixture
def world(personas, east, south):
    through(personas, submit(personas, east, "500000.00", at(2025, 3, 3)), at(2025, 3, 3))
    submit(personas, south, "300000.00", at(2025, 5, 5), owner="south_rep1", terms=60)


def page(client, user, query=""):
    client.force_login(user)
    return client.get(URL + query)


def test_figures_and_charts_shown_when_year_filtered(client, personas, world):
    response = page(client, personas["gm"], "?year=2025")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures["totals"]["count"] == 2
    html = response.content.decode()
    assert html.count('<svg viewBox') == 4  # months, regions, states, review steps
    # the charts are drawn on the server: the only script is the site's own (CSP: 'self')
    assert re.findall(r"<script(?![^>]*src=\"/static/js/)", html) == []
    assert "cdn" not in html.lower()
    assert "¥500,000.00" in html and "¥800,000.00" in html
    assert f'{reverse("contract-stats:csv")}?year=2025' in html


def test_this_year_by_default_when_no_filter_given(client, personas, world):
    with time_machine.travel(at(2025, 7, 1), tick=False):
        response = page(client, personas["gm"])
    assert response.context["form"]["year"].value() == "2025"
    assert response.context["figures"]["totals"]["count"] == 2


def test_errors_shown_and_input_kept_when_filter_is_invalid(client, personas, world):
    response = page(client, personas["east_mgr"], "?year=1899&region=south")
    assert response.status_code == 200
    assert response.context["figures"] is None
    form = response.context["form"]
    assert set(form.errors) == {"year", "region"}
    assert form["year"].value() == "1899"
    html = response.content.decode()
    assert "Unknown region." in html and 'value="1899"' in html


def test_regional_manager_sees_only_their_region_on_the_page(client, personas, world):
    response = page(client, personas["south_mgr"], "?year=2025")
    assert [r["key"] for r in response.context["figures"]["by_region"]] == ["south"]
    assert [str(c) for c, _ in response.context["form"].fields["region"].choices] == ["",
                                                                                     "south"]
    assert "¥500,000.00" not in response.content.decode()


def test_outsider_gets_an_empty_page_when_contracts_exist(client, personas, world):
    response = page(client, personas["marketing"], "?year=2025")
    assert response.status_code == 200
    assert response.context["figures"]["totals"]["count"] == 0


def test_login_required_when_anonymous(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_post_refused_when_sent_to_the_page(client, personas):
    client.force_login(personas["gm"])
    assert client.post(URL).status_code == 405
