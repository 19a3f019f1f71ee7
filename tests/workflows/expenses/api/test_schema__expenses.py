def test_schema_lists_every_expenses_endpoint_when_generated(schema_client):
    response = schema_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/expenses/claims/", "/api/expenses/claims/{id}/", "/api/expenses/claims/{id}/submit/",
        "/api/expenses/claims/{id}/lines/{line_id}/reduce/",
        "/api/expenses/claims/{id}/attachments/", "/api/expenses/claims/{id}/attachments/{att_id}/",
        "/api/expenses/budgets/", "/api/expenses/budgets/{id}/",
        "/api/expenses/budgets/{id}/revise/", "/api/expenses/budgets/{id}/submit/",
        "/api/expenses/budgets/split/", "/api/expenses/standards/", "/api/expenses/monitor/",
    ):
        assert path in paths, path
    create = paths["/api/expenses/claims/"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in create["parameters"])
    upload = paths["/api/expenses/claims/{id}/attachments/"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert {"413", "415"} <= set(upload["responses"])
