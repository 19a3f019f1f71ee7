"""`Idempotency-Key` for POSTs that act (API.md): the same key from the same user gets the first
result back, and nothing is done again.

How a key is handled, by `@idempotent` on an APIView's `post`:

- No header: the view runs as usual.
- Keys are 1-100 visible ASCII characters (a UUID is typical); anything else is 400 `invalid`.
- The key's record is written **in the same transaction as the action**: both commit, or
  neither does. A concurrent request with the same key waits on the unique (user, key) index
  until the first commits and then gets its stored answer (or, if it waits past the database's
  lock timeout, 409 `idempotency_in_progress`: retry later). If the database or the process
  dies mid-request, the action and the key roll back together, so a retry with the same key
  does the operation once; a key is never left stuck "in progress".
- When the view has given a final answer, 2xx or 4xx, the status and JSON body are stored and
  replayed, verbatim, for every later request with that key by that user (header
  `Idempotent-Replayed: true`). An answer that is not final rolls the key back with the action,
  so a retry with the same key does the operation: a 5xx (503 when the database connection
  dropped, core.database), an unhandled error, and any answer carrying `Retry-After` (409
  `state_conflict` when another decision held the request's lock past the lock timeout,
  core.exceptions.BusyError).
- A key is remembered for IDEMPOTENCY_KEY_AGE (24 h): the sweep deletes older records, and an
  older key is treated as new meanwhile.
- A key already used on another method or path is refused with 422 `idempotency_key_reused`
  (we chose 422 over 400: the request is well formed, but a key names one operation, and
  replaying another endpoint's answer would mislead the client). The body is not compared: a
  repeat with the same key on the same path is by definition the same operation.
"""

import json
import re
from functools import wraps

from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from core.inbox.models import IdempotencyRecord, idempotency_key_age

from .errors import retry_later

HEADER = "Idempotency-Key"
_VALID_KEY = re.compile(r"^[\x21-\x7e]{1,100}$")
_PENDING = 0
LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL: lock_timeout expired


def _error(detail: str, code: str, http_status: int, fields=None) -> Response:
    return Response({"detail": detail, "code": code, "fields": fields or {}}, status=http_status)


def _reserve(user, key: str, method: str, path: str) -> IdempotencyRecord | None:
    """The new record (uncommitted, in the caller's transaction), or None when the key was used
    before. Raises OperationalError when another request holds the key past the lock timeout."""
    # A key older than IDEMPOTENCY_KEY_AGE is forgotten, whether or not the sweep got to it.
    IdempotencyRecord.objects.filter(
        user=user, key=key, created__lt=timezone.now() - idempotency_key_age()).delete()
    try:
        with transaction.atomic():  # a savepoint: a duplicate key leaves the transaction usable
            return IdempotencyRecord.objects.create(
                user=user, key=key, method=method, path=path[:300], status_code=_PENDING,
            )
    except IntegrityError:
        return None


def _replay(user, key: str, method: str, path: str) -> Response:
    record = IdempotencyRecord.objects.filter(user=user, key=key).first()
    if record is None:  # the first attempt rolled back just now: the client may retry
        return _error(_("The first request with this key failed; retry it."),
                      "idempotency_in_progress", status.HTTP_409_CONFLICT)
    if record.method != method or record.path != path[:300]:
        return _error(
            _("This Idempotency-Key was already used for %(method)s %(path)s; use a new key "
              "for each operation.") % {"method": record.method, "path": record.path},
            "idempotency_key_reused", status.HTTP_422_UNPROCESSABLE_ENTITY,
            fields={HEADER: [_("Already used for another operation.")]},
        )
    if record.status_code == _PENDING:
        return _error(_("A request with this Idempotency-Key is still being processed."),
                      "idempotency_in_progress", status.HTTP_409_CONFLICT)
    response = Response(record.response, status=record.status_code)
    response["Idempotent-Replayed"] = "true"
    return response


def _jsonable(data):
    return json.loads(json.dumps(data, cls=JSONEncoder))


def idempotent(handler):
    """Decorate an APIView handler (`post`); see the module docstring for the rules."""

    @wraps(handler)
    def wrapper(view, request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return handler(view, request, *args, **kwargs)
        if not _VALID_KEY.match(key):
            return _error(
                _("The Idempotency-Key header must be 1 to 100 visible ASCII characters."),
                "invalid", status.HTTP_400_BAD_REQUEST,
                fields={HEADER: [_("Use 1 to 100 visible ASCII characters, e.g. a UUID.")]},
            )
        method, path = request.method, request.path
        with transaction.atomic():
            try:
                record = _reserve(request.user, key, method, path)
            except OperationalError as exc:
                if getattr(exc.__cause__, "pgcode", None) != LOCK_NOT_AVAILABLE:
                    raise
                return retry_later(_error(
                    _("A request with this Idempotency-Key is still being processed."),
                    "idempotency_in_progress", status.HTTP_409_CONFLICT))
            if record is not None:
                try:
                    response = handler(view, request, *args, **kwargs)
                except Exception as exc:
                    # Turn domain errors into their response here, so that 4xx can be stored
                    # too; anything the handler cannot turn into a response propagates (and
                    # rolls the key back with everything else).
                    response = view.handle_exception(exc)
                final = "Retry-After" not in response
                if 200 <= response.status_code < 500 and final and isinstance(response, Response):
                    record.status_code = response.status_code
                    record.response = _jsonable(response.data)
                    record.save(update_fields=["status_code", "response"])
                else:
                    transaction.set_rollback(True)  # not final: nothing is kept, the key is free
        if record is None:
            return _replay(request.user, key, method, path)
        return response

    return wrapper
