"""The API's JSON parser: DRF's, with the body size limit Django applies to forms and a cap on
nesting (issue 17). DRF reads a JSON body straight from the socket, so neither limit applied:
a 100,000-deep array was a RecursionError (500), a huge body was read whole into memory."""

import codecs

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

# No request body of this API nests deeper than a handful of levels (a contract's milestones,
# a plan's grid rows); anything deeper is refused before a serializer walks it.
MAX_DEPTH = 20


def _too_deep(data, limit: int) -> bool:
    """Whether `data` nests objects/arrays deeper than `limit` (iteratively: no recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        if stream is None:
            return None
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(raw) > limit:
            raise RequestDataTooBig("Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.")
        encoding = parsers.get_encoding(parser_context or {})
        try:
            text = codecs.decode(raw, encoding)
            data = json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except RecursionError:
            data = None
            deep = True
        except ValueError as exc:
            raise ParseError(_("The body is not valid JSON: %(error)s") % {"error": exc}) from None
        else:
            deep = _too_deep(data, MAX_DEPTH)
        if deep:
            raise ParseError(_("The JSON body nests deeper than %(limit)d levels.")
                             % {"limit": MAX_DEPTH})
        return data
