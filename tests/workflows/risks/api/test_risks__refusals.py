"""What the risk API refuses, and how: 400 with field messages for bad input (likelihood 0 or
6 among them), 403 for the wrong approver, self-approval and closing without authority, 404 for
risks a user may not see, never 500."""

import pytest

from workflows.risks.models import Risk

from ..conftest import HIGH, MEDIUM
from .conftest import RISKS, risk_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("field", "value"), [("likelihood", 0), ("likelihood", 6),
                                              ("impact", 0), ("impact", 6),
                                              ("likelihood", "high"), ("impact", 2.5)])
def test_400_names_the_field_when_a_rating_is_outside_1_to_5(api, personas, field, value):
    base = {"type": "market", "title": "x", "likelihood": 3, "impact": 3}

    response = api("east_rep1").post(RISKS, {**base, field: value}, format="json")

    assert response.status_code == 400, response.content
    assert field in response.json()["fields"]
    assert not Risk.objects.exists()


@pytest.mark.parametrize("value", [0, 6, None, "x"])
def test_400_when_reassessed_outside_1_to_5(api, make_risk, value):
    risk = make_risk(MEDIUM)

    response = api("east_rep1").post(risk_url(risk.pk, "assess"),
                                     {"likelihood": value, "impact": 3}, format="json")

    assert response.status_code == 400
    assert "likelihood" in response.json()["fields"]


@pytest.mark.parametrize("body", [
    [], "text", {"type": "weather", "title": "x"}, {"type": "market"},
    {"type": "market", "title": "x", "likelihood": 3},
    {"type": "market", "title": "x", "region": "\x00"},
    {"type": "market", "title": "x", "owner": "nobody"},
    {"type": "market", "title": "x", "customer": 99999999999999999999},
    {"type": "market", "title": "x", "customer": 424242},
    {"type": "market", "title": "\x00"},
])
def test_400_with_the_error_shape_when_a_create_body_is_odd(api, personas, body):
    response = api("east_rep1").post(RISKS, body, format="json")

    assert response.status_code == 400, response.content
    assert set(response.json()) == {"detail", "code", "fields"}


ODD_QUERIES = [
    "?type=weather", "?level=x", "?status=nope", "?owner=99999999999999999999999",
    "?owner=%00", "?region=%00", "?likelihood=0", "?impact=6", "?overdue=maybe",
    "?ordering=nonsense", "?page=999", "?page_size=-1", "?q=" + "x" * 200,
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_4xx_or_200_never_500_when_queries_are_odd(api, personas, query):
    for url in (RISKS, "/api/risks/heatmap/"):
        response = api("gm").get(url + query)
        assert response.status_code in (200, 400, 404), (url, query, response.content)
        if response.status_code != 200:
            assert set(response.json()) == {"detail", "code", "fields"}


@pytest.mark.parametrize("path", ["", "assess/", "submit/", "close/", "measures/",
                                  "measures/1/done/", "reviews/", "reviews/1/complete/"])
def test_404_when_ids_are_beyond_bigint_or_unknown(api, personas, path):
    for pk in (99999999999999999999, 987654):
        client = api("gm")
        url = f"{RISKS}{pk}/{path}"
        response = client.post(url, {}, format="json") if path not in ("", "measures/",
                                                                        "reviews/") \
            else client.get(url)
        assert response.status_code == 404, (url, response.content)


@pytest.mark.parametrize("who", ["east_rep2", "south_mgr", "south_rep1", "legal", "finance"])
def test_404_when_a_risk_is_outside_the_users_scope(api, make_risk, who):
    risk = make_risk(MEDIUM)

    assert api(who).get(risk_url(risk.pk)).status_code == 404
    assert api(who).post(risk_url(risk.pk, "assess"), {"likelihood": 1, "impact": 1},
                         format="json").status_code == 404
    assert risk.pk not in [r["id"] for r in api(who).get(RISKS).json()["results"]]


@pytest.mark.parametrize("who", ["east_rep1", "east_mgr", "gm", "ceo", "auditor", "admin"])
def test_200_when_the_owner_or_their_line_of_authority_reads(api, make_risk, who):
    risk = make_risk(MEDIUM)

    assert api(who).get(risk_url(risk.pk)).status_code == 200
    assert risk.pk in [r["id"] for r in api(who).get(RISKS).json()["results"]]


def test_403_when_the_wrong_approver_or_the_owner_decides(api, with_plan):
    risk = with_plan(HIGH)
    task = api("east_rep1").get(risk_url(risk.pk)).json()["open_task"]["id"]

    wrong = api("ceo").post(f"/api/tasks/{task}/approve/")
    own = api("east_rep1").post(f"/api/tasks/{task}/approve/")

    assert wrong.status_code == 403 and wrong.json()["code"] == "not_your_task"
    assert own.status_code == 403 and own.json()["code"] == "segregation_of_duties"


def test_403_when_closed_without_authority(api, with_plan, personas):
    from workflows.risks.models import Measure
    from workflows.risks.services import measure_done

    risk = with_plan((2, 2))  # low: in force at once
    measure = Measure.objects.get(risk=risk)
    Measure.objects.filter(pk=measure.pk).update(owner=personas["east_rep2"])
    measure_done(measure_id=measure.pk, actor=personas["east_rep2"])

    # east_rep2 sees the risk (their measure) but does not manage it; the auditor reads only.
    outsider = api("east_rep2").post(risk_url(risk.pk, "close"), {"reason": "x"}, format="json")
    auditor = api("auditor").post(risk_url(risk.pk, "close"), {"reason": "x"}, format="json")

    assert outsider.status_code == 403
    assert auditor.status_code == 403 and auditor.json()["code"] == "read_only_role"
    assert Risk.objects.get(pk=risk.pk).state == "monitoring"


def test_400_when_closed_without_a_reason(api, make_risk):
    risk = make_risk(MEDIUM)

    response = api("east_rep1").post(risk_url(risk.pk, "close"), {}, format="json")

    assert response.status_code == 400 and "reason" in response.json()["fields"]


def test_400_when_measure_due_in_the_past_or_owner_unknown(api, make_risk):
    risk = make_risk(MEDIUM)
    url = risk_url(risk.pk, "measures")

    past = api("east_rep1").post(url, {"description": "x", "due_date": "2001-01-01"},
                                 format="json")
    nobody = api("east_rep1").post(url, {"description": "x", "due_date": "2999-01-01",
                                         "owner": "nobody"}, format="json")

    assert past.status_code == 400 and "due_date" in past.json()["fields"]
    assert nobody.status_code == 400 and "owner" in nobody.json()["fields"]


def test_401_when_anonymous(api, personas):
    assert api(None).get(RISKS).status_code in (401, 403)
    assert api(None).get("/api/risks/heatmap/").status_code in (401, 403)


@pytest.mark.parametrize(("who", "code"), [("east_rep1", 403), ("east_mgr", 403),
                                           ("gm", 200), ("ceo", 200), ("auditor", 200)])
def test_summary_only_for_the_sales_gm_ceo_and_auditors(api, personas, who, code):
    assert api(who).get("/api/risks/summary/").status_code == code
