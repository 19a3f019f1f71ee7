"""The OpenAPI document as client generators read it (issue 25, docs/API.md "Clients")."""

import re

import pytest
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator

UPLOADS = {  # the only operations whose request is not JSON: real file uploads
    ("post", "/api/contracts/contracts/{id}/attachments/"),
    ("post", "/api/expenses/claims/{id}/attachments/"),
    ("post", "/api/plans/plans/{id}/actuals/"),  # JSON (one actual) or a spreadsheet
    ("post", "/api/expenses/claims/{id}/receipts/"),  # a voucher with its invoice data (issue 27)
    ("post", "/api/plans/plans/{id}/allocations/import/"),
    ("post", "/api/forms/submissions/{id}/files/"),  # a file for a template's attachment field
}


@pytest.fixture(scope="module")
def schema():
    with translation.override("en"):
        return SchemaGenerator().get_schema(request=None, public=True)


def operations(schema):
    for path, items in schema["paths"].items():
        for method, operation in items.items():
            yield method, path, operation


def component(schema, ref: str) -> dict:
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def test_requests_are_json_except_uploads_which_are_multipart_with_a_binary_file(schema):
    seen_uploads = set()
    for method, path, op in operations(schema):
        if "requestBody" not in op:
            continue
        types = set(op["requestBody"]["content"])
        if (method, path) in UPLOADS:
            seen_uploads.add((method, path))
            assert "multipart/form-data" in types, path
            upload = component(schema, op["requestBody"]["content"]["multipart/form-data"]
                               ["schema"]["$ref"])
            assert upload["properties"]["file"] == {**upload["properties"]["file"],
                                                    "type": "string", "format": "binary"}
            assert types <= {"multipart/form-data", "application/json"}, path
        else:
            assert types == {"application/json"}, (method, path, types)
    assert seen_uploads == UPLOADS


def test_request_and_response_models_are_apart(schema):
    token_request = schema["paths"]["/api/auth/token/"]["post"]["requestBody"]
    request_model = component(schema, token_request["content"]["application/json"]["schema"]
                              ["$ref"])
    # no read-only token; `name` labels the token in the caller's list (issue 17)
    assert set(request_model["properties"]) == {"username", "password", "name"}
    assert sorted(request_model["required"]) == ["password", "username"]
    created = schema["paths"]["/api/expenses/claims/"]["post"]
    assert created["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ClaimCreateRequest")
    response = component(schema, created["responses"]["201"]["content"]["application/json"]
                         ["schema"]["$ref"])
    assert "number" in response["required"] and "state" in response["required"]


def test_a_body_with_required_fields_is_a_required_body(schema):
    for method, path, op in operations(schema):
        body = op.get("requestBody")
        if not body:
            continue
        refs = [c["schema"].get("$ref") for c in body["content"].values()]
        needs = any(r and component(schema, r).get("required") for r in refs)
        if needs:
            assert body.get("required") is True, (method, path)


def test_every_error_is_typed_with_the_envelope(schema):
    envelope = schema["components"]["schemas"]["Error"]
    assert sorted(envelope["required"]) == ["code", "detail", "fields"]
    for method, path, op in operations(schema):
        codes = {"400", "401", "403"} | ({"404"} if "{" in path else set())
        assert codes <= set(op["responses"]), (method, path)
        for code, response in op["responses"].items():
            if code.startswith(("4", "5")):
                assert response["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"}, (method, path, code)


def test_operation_ids_are_unique_identifiers(schema):
    ids = [op["operationId"] for _m, _p, op in operations(schema)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids), [
        i for i in ids if not re.fullmatch(r"[a-z][a-z0-9_]*", i)]
    export = schema["paths"]["/api/plans/plans/{id}/export.xlsx"]["get"]
    assert export["operationId"] == "plans_plans_export_xlsx_retrieve"


def test_binary_responses_are_typed_as_binary(schema):
    export = schema["paths"]["/api/plans/plans/{id}/export.xlsx"]["get"]["responses"]["200"]
    download = schema["paths"]["/api/expenses/claims/{id}/attachments/{att_id}/"]["get"][
        "responses"]["200"]
    for response in (export, download):
        (content,) = response["content"].values()
        assert content["schema"] == {"type": "string", "format": "binary"}


def test_the_token_call_needs_no_token_and_lists_are_paginated(schema):
    assert not schema["paths"]["/api/auth/token/"]["post"].get("security")
    tasks = schema["paths"]["/api/tasks/"]["get"]["responses"]["200"]
    page = component(schema, tasks["content"]["application/json"]["schema"]["$ref"])
    assert {"count", "results"} <= set(page["required"])
    assert {"next", "previous"} <= set(page["properties"])


def test_the_main_operations_carry_examples(schema):
    for path in ("/api/auth/token/", "/api/expenses/claims/", "/api/tasks/{id}/approve/"):
        op = schema["paths"][path]["post"]
        assert op["requestBody"]["content"]["application/json"].get("examples"), path


def test_api_docs_open_with_the_getting_started(schema, client, personas):
    text = schema["info"]["description"]
    for needle in ("## Getting started", "/api/auth/token/", "curl", "AuthenticatedClient",
                   "openapi-fetch", "Idempotency-Key", '"fields"'):
        assert needle in text, needle
    client.force_login(personas["east_rep1"])
    assert client.get("/api/docs/").status_code == 200


def test_enums_have_the_names_the_settings_give_them(schema):
    enums = {name for name in schema["components"]["schemas"] if name.endswith("Enum")}
    assert {"RequestStatusEnum", "RiskTypeEnum", "MilestoneKindEnum", "PlanSpreadEnum",
            "BudgetWarningEnum", "CustomerRatingEnum", "CategoryEnum"} <= enums
    # the names drf-spectacular guesses from a field's name alone, which a new field with the
    # same name and other choices would change
    assert not enums & {"StatusEnum", "TypeEnum", "KindEnum", "SpreadEnum", "WarningEnum"}
