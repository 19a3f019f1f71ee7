import pytest

from .conftest import PLANS

ODD = ["?fiscal_year=abc", "?state=nonsense", "?ordering=nonsense", "?page=999",
       "?page_size=-1", "?fiscal_year=99999"]


def test_schema_lists_every_plans_endpoint_with_plans_tags(schema_client):
    response = schema_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    expected = ["/api/plans/plans/", "/api/plans/plans/{id}/", "/api/plans/plans/{id}/submit/",
                "/api/plans/plans/{id}/revise/", "/api/plans/plans/{id}/diff/",
                "/api/plans/plans/{id}/allocations/",
                "/api/plans/plans/{id}/allocations/import/",
                "/api/plans/plans/{id}/export.xlsx", "/api/plans/plans/{id}/actuals/",
                "/api/plans/plans/{id}/attainment/"]
    for path in expected:
        assert path in paths, path
        for operation in paths[path].values():
            assert all(t.startswith("plans: ") for t in operation["tags"]), (path, operation)
    assert "put" in paths["/api/plans/plans/{id}/allocations/"]


@pytest.mark.parametrize("query", ODD)
def test_4xx_or_200_never_500_when_queries_are_odd(api, personas, query):
    response = api("gm").get(PLANS + query)
    assert response.status_code in (200, 400, 404), response.content


@pytest.mark.parametrize("path", ["99999999999999999999999/", "0/", "-1/",
                                  "99999999999999999999999/allocations/",
                                  "9223372036854775807/export.xlsx"])
def test_404_when_ids_are_out_of_range(api, personas, path):
    assert api("gm").get(PLANS + path).status_code == 404


USERS = ["gm", "ceo", "east_mgr", "north_mgr", "east_rep1", "south_rep2", "finance", "legal",
         "auditor", "admin", "marketing"]


def test_every_read_is_200_or_404_for_everyone(api, personas, published, submitted):
    done = published(year=2030)
    revision_id = api("gm").post(f"{PLANS}{done.pk}/revise/", {"reason": "x"},
                                 format="json").json()["id"]
    out = submitted(year=2031)
    paths = []
    for pk in (done.pk, revision_id, out.pk):
        paths += [f"{PLANS}{pk}/", f"{PLANS}{pk}/allocations/", f"{PLANS}{pk}/attainment/",
                  f"{PLANS}{pk}/actuals/", f"{PLANS}{pk}/export.xlsx",
                  f"{PLANS}{pk}/diff/?against={done.pk}"]
    for user in USERS:
        client = api(user)
        for path in paths:
            response = client.get(path)
            assert response.status_code in (200, 400, 404), (user, path, response.status_code)
