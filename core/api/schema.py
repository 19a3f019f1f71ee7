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
