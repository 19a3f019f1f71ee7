"""The API: templates with each version's JSON Schema; submissions created and read,
validated against it (errors by field key in the envelope)."""

import pytest
from rest_framework.test import APIClient

from core.org.models import User

pytestmark = pytest.mark.django_db


def api(personas, who):
    c = APIClient()
    c.force_authenticate(User.objects.get(pk=personas[who].pk))
    return c


def test_templates_carry_a_json_schema(shipped, personas):
    rows = api(personas, "east_rep1").get("/api/forms/templates/").json()
    headcount = next(r for r in rows if r["code"] == "headcount")
    schema = headcount["versions"][0]["json_schema"]
    assert schema["properties"]["headcount"]["type"] == "integer"
    assert "position" in schema["required"]


def test_submit_validates_and_reads_back(shipped, personas):
    c = api(personas, "east_rep1")
    bad = c.post("/api/forms/submissions/", {"template": "headcount", "values": {
        "position": "x", "level": "boss", "headcount": 0}}, format="json")
    assert bad.status_code == 400
    assert {"level", "headcount", "requirements"} <= set(bad.json()["fields"])
    ok = c.post("/api/forms/submissions/", {"template": "headcount", "values": {
        "position": "x", "level": "staff", "headcount": 1, "requirements": "y"}},
        format="json")
    assert ok.status_code == 201, ok.content
    body = ok.json()
    assert body["version"] == 1 and body["chain"][0]["code"] == "sales_gm"
    assert c.get(f"/api/forms/submissions/{body['id']}/").status_code == 200
    assert api(personas, "north_rep1").get(
        f"/api/forms/submissions/{body['id']}/").status_code == 404
    assert c.post("/api/forms/submissions/", {"template": "nope", "values": {}},
                  format="json").status_code == 404
