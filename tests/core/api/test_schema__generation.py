def test_schema_lists_every_api_endpoint_when_generated(schema_client):
    response = schema_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/tasks/", "/api/tasks/{id}/approve/", "/api/tasks/{id}/reject/",
        "/api/tasks/{id}/return/", "/api/tasks/{id}/claim/", "/api/tasks/{id}/release/",
        "/api/tasks/{id}/reassign/", "/api/tasks/bulk-approve/", "/api/requests/",
        "/api/requests/{kind}/{object_id}/", "/api/requests/{kind}/{object_id}/withdraw/",
        "/api/requests/{kind}/{object_id}/resubmit/", "/api/audit/events/",
        "/api/audit/events/export.csv", "/api/audit/verify/",
    ):
        assert path in paths, path
    approve = paths["/api/tasks/{id}/approve/"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in approve["parameters"])


def test_schema_declares_503_and_retryable_409_when_generated(schema_client):
    """Issue 28: generated clients learn the answers that mean "retry" (core/database.py and the
    lock timeout's 409), with their Retry-After header."""
    paths = schema_client.get("/api/schema/",
                              HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    for path, ops in paths.items():
        for method, op in ops.items():
            if method in ("get", "post", "put", "patch", "delete"):
                assert "503" in op["responses"], (method, path)
                assert "Retry-After" in op["responses"]["503"]["headers"], (method, path)
    approve = paths["/api/tasks/{id}/approve/"]["post"]["responses"]
    assert "Retry-After" in approve["409"]["headers"]
    assert approve["503"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"}
    withdraw = paths["/api/requests/{kind}/{object_id}/withdraw/"]["post"]["responses"]
    assert "Retry-After" in withdraw["409"]["headers"]
