"""drf-spectacular post-processing: the schema says what the API really accepts."""


def blank_query_filters(result, generator, request, public):
    """A blank query filter (`?state=`, an empty form field) means "any": say so in the schema
    instead of a minLength/enum that the API does not enforce on query strings."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                schema = parameter.get("schema", {})
                if parameter.get("in") != "query" or schema.get("type") != "string":
                    continue
                schema.pop("minLength", None)
                if "enum" in schema and "" not in schema["enum"]:
                    schema["enum"] = [*schema["enum"], ""]
    return result
