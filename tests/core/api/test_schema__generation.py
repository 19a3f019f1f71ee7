def test_schema_lists_every_api_endpoint_when_generated(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

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
