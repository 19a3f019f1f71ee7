"""drf-spectacular post-processing: the schema says what the API really accepts."""

import re

BLANK = {"type": "string", "enum": [""]}


def blank_query_filters(result, generator, request, public):
    """A blank query filter (`?state=`, an empty form field) means "any": say so in the schema
    instead of a minLength, enum or format that the API does not apply to an empty value."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if parameter.get("in") != "query" or not schema or parameter.get("required"):
                    continue
                if schema.get("type") == "string" and "format" not in schema:
                    schema.pop("minLength", None)
                    if "enum" in schema and "" not in schema["enum"]:
                        schema["enum"] = [*schema["enum"], ""]
                elif schema.get("type") in ("string", "integer", "number", "boolean"):
                    parameter["schema"] = {"anyOf": [schema, BLANK]}
    return result


# The error envelope every /api/ error has (core.api.errors); its component is made from
# core.api.serializers.ErrorSerializer, and this is the one place that declares it for every
# operation.
ERROR_REF = {"$ref": "#/components/schemas/Error"}
ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "fields": {"type": "object",
                   "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    },
    "required": ["code", "detail", "fields"],
}
ERROR_TEXT = {
    "400": "Bad input: `fields` names each field with its messages.",
    "401": "Not logged in, or the token is unknown or expired.",
    "403": "Not allowed (`code` says why: segregation of duties, authority limit, ...).",
    "404": "Not there, or not visible to you.",
}
OPERATION_ID = re.compile(r"[^A-Za-z0-9_]+")


def client_ready(result, generator, request, public):
    """What generated clients need on top of drf-spectacular's defaults (docs/API.md, "Clients"):
    every error typed with the {detail, code, fields} envelope (400, 401 and 403 on every
    operation, 404 where the path names an object), and operation ids that are identifiers."""
    result.setdefault("components", {}).setdefault("schemas", {}).setdefault("Error", ERROR_SCHEMA)
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            operation["operationId"] = OPERATION_ID.sub("_", operation["operationId"])
            codes = ["400", "401", "403"] + (["404"] if "{" in path else [])
            responses = operation["responses"]
            for code in codes:
                responses.setdefault(code, {
                    "description": ERROR_TEXT[code],
                    "content": {"application/json": {"schema": ERROR_REF}},
                })
            operation["responses"] = dict(sorted(responses.items()))
    return result


RETRY_AFTER = {
    "description": "Seconds to wait before retrying (with the same Idempotency-Key, if any).",
    "schema": {"type": "integer", "minimum": 1},
}
_UNSAFE = ("post", "put", "patch", "delete")


def _error_content(result) -> dict:
    if "Error" in result.get("components", {}).get("schemas", {}):
        return {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {}


def retry_later_responses(result, generator, request, public):
    """Declare the answers that mean "retry" (core/database.py, core.exceptions.BusyError), so
    generated clients know them: 503 with Retry-After on every operation (the database went away
    mid-request; nothing was done), and on every POST that acts a 409 that may carry Retry-After
    (another decision held the request's lock, or the same Idempotency-Key is still in
    progress) besides the final 409 of a state conflict."""
    content = _error_content(result)
    for route, path in result.get("paths", {}).items():
        for method, operation in path.items():
            if method not in ("get", *_UNSAFE) or not isinstance(operation, dict):
                continue
            responses = operation.setdefault("responses", {})
            responses.setdefault("503", {
                "description": "The database was unavailable for a moment; nothing was done. "
                               "Retry after Retry-After seconds.",
                "headers": {"Retry-After": RETRY_AFTER},
                "content": content,
            })
            if method == "post" and not route.startswith("/api/auth/"):
                conflict = responses.setdefault("409", {"description": "", "content": content})
                conflict["description"] = (
                    "Conflict. With Retry-After: not final (another decision held this "
                    "request, or the same Idempotency-Key is in progress): retry, with the same "
                    "key. Without: final (already decided, withdrawn, ...).")
                conflict.setdefault("headers", {})["Retry-After"] = RETRY_AFTER
    return result
