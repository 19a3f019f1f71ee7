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
