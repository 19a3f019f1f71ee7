import pytest
from drf_spectacular.drainage import GENERATOR_STATS, reset_generator_stats
from drf_spectacular.generators import SchemaGenerator

PATHS = {
    "/api/contracts/customers/": {"get", "post"},
    "/api/contracts/customers/{id}/": {"get"},
    "/api/contracts/customers/{id}/credit-limit/": {"post"},
    "/api/contracts/credit-limit-changes/": {"get"},
    "/api/contracts/credit-limit-changes/{id}/decide/": {"post"},
    "/api/contracts/contracts/": {"get", "post"},
    "/api/contracts/contracts/{id}/": {"get", "patch"},
    "/api/contracts/contracts/{id}/submit/": {"post"},
    "/api/contracts/contracts/{id}/amend/": {"post"},
    "/api/contracts/contracts/{id}/diff/": {"get"},
    "/api/contracts/contracts/{id}/milestones/": {"get", "post"},
    "/api/contracts/contracts/{id}/problems/": {"get", "post"},
    "/api/contracts/contracts/{id}/attachments/": {"get", "post"},
    "/api/contracts/contracts/{id}/attachments/{att_id}/": {"get", "delete"},
    "/api/contracts/milestones/{id}/done/": {"post"},
    "/api/contracts/problems/{id}/resolve/": {"post"},
}


def test_schema_lists_every_contracts_endpoint_with_its_tag_when_generated(schema_client):
    response = schema_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path, methods in PATHS.items():
        assert path in paths, path
        assert set(paths[path]) - {"parameters"} == methods, path
        for method in methods:
            operation = paths[path][method]
            assert len(operation["tags"]) == 1 and operation["tags"][0].startswith(
                "contracts: "), (path, method)
            assert {"401", "403"} & set(operation["responses"]), (path, method)
            if method in ("post", "patch") and not path.endswith("submit/"):
                assert "requestBody" in operation, (path, method)
    for path in [p for p in PATHS if PATHS[p] & {"post"}]:
        assert any(p["name"] == "Idempotency-Key" for p in paths[path]["post"]["parameters"])
    upload = paths["/api/contracts/contracts/{id}/attachments/"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert {"413", "415"} <= set(upload["responses"])
    listing = paths["/api/contracts/contracts/"]["get"]
    assert {"state", "region", "customer", "credit_breach", "mine", "q", "ordering", "page",
            "page_size"} <= {p["name"] for p in listing["parameters"]}
    diff = paths["/api/contracts/contracts/{id}/diff/"]["get"]
    assert any(p["name"] == "against" and p["required"] for p in diff["parameters"])


@pytest.mark.django_db
def test_no_schema_warning_or_error_names_the_contracts_api_when_generated():
    reset_generator_stats()
    try:
        schema = SchemaGenerator().get_schema(request=None, public=True)
        messages = [*GENERATOR_STATS._warn_cache, *GENERATOR_STATS._error_cache]
    finally:
        reset_generator_stats()

    assert set(PATHS) <= set(schema["paths"])
    ours = [m for m in messages if "contracts" in m.lower() or "Contract" in m
            or "Customer" in m or "Milestone" in m or "CreditLimit" in m]
    assert ours == []
