"""GET /api/analytics/approvals/: the page's figures as JSON, for the same viewers."""

import pytest
from rest_framework.test import APIClient

from core.org.models import User

from .conftest import MONDAY

pytestmark = pytest.mark.django_db

URL = "/api/analytics/approvals/"
PERIOD = {"date_from": MONDAY.isoformat(), "date_to": MONDAY.replace(day=15).isoformat()}


@pytest.fixture
def api(personas):
    def client_for(username):
        client = APIClient()
        if username is not None:
            client.force_authenticate(User.objects.get(pk=personas[username].pk))
        return client

    return client_for


def test_figures_equal_hand_computed_values_when_gm_reads_them(api, analytics_data):
    response = api("gm").get(URL, PERIOD)
    assert response.status_code == 200
    body = response.json()
    assert body["period"] == PERIOD
    step = body["step_cycle"][0]
    assert (step["kind"], step["step_code"], step["count"], step["median"], step["p90"],
            step["max"]) == ("demo", "line_manager", 6, 3.5, 7.5, 10.0)
    assert body["process_cycle"][0]["p90"] == 7.6
    assert (body["sla"][0]["on_time"], body["sla"][0]["late"]) == (3, 3)
    assert body["returns"]["by_process"][0]["per_request"] == 0.17
    assert [w["decided"] for w in body["throughput"]] == [3, 3]
    assert body["slowest_open"][0]["id"] == analytics_data["returned"].pk
    assert body["backlog"][0]["total"] == 4


@pytest.mark.parametrize("username", ["ceo", "auditor", "admin"])
def test_readable_by_management_audit_and_admin(api, personas, username):
    assert api(username).get(URL).status_code == 200


@pytest.mark.parametrize("username", ["east_rep1", "east_mgr", "finance"])
def test_403_in_the_envelope_when_someone_else(api, personas, username):
    response = api(username).get(URL)
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_401_when_anonymous(api, personas):
    assert api(None).get(URL).status_code == 401


@pytest.mark.parametrize("query, field", [
    ({"date_from": "2026-13-01"}, "date_from"),
    ({"date_from": "2026-11-10", "date_to": "2026-11-01"}, "date_to"),
    ({"kind": "nope"}, "kind"),
    ({"region": "nowhere"}, "region"),
])
def test_400_names_the_field_when_a_filter_is_bad(api, personas, query, field):
    response = api("gm").get(URL, query)
    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_post_is_refused(api, personas):
    assert api("gm").post(URL, {}, format="json").status_code == 405


def test_schema_lists_the_endpoint(api, personas):
    schema = api("admin").get("/api/schema/", {"format": "json"}).json()
    assert "get" in schema["paths"][URL]
