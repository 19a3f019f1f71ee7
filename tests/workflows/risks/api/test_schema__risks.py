def test_schema_lists_every_risk_endpoint_under_risk_tags(schema_client):
    response = schema_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/risks/risks/", "/api/risks/risks/{id}/", "/api/risks/risks/{id}/assess/",
        "/api/risks/risks/{id}/submit/", "/api/risks/risks/{id}/close/",
        "/api/risks/risks/{id}/measures/", "/api/risks/risks/{id}/measures/{measure_id}/done/",
        "/api/risks/risks/{id}/reviews/", "/api/risks/risks/{id}/reviews/{review_id}/complete/",
        "/api/risks/heatmap/", "/api/risks/summary/",
    ):
        assert path in paths, path
        for operation in paths[path].values():
            assert all(tag.startswith("risks: ") for tag in operation["tags"]), path
    create = paths["/api/risks/risks/"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in create["parameters"])
