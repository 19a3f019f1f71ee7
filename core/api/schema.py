"""drf-spectacular post-processing: the schema says what the API really accepts."""

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
