"""Every API error has the shape {"detail", "code", "fields"} (API.md)."""

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    ValidationError,
)
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler
from viewflow.workflow.exceptions import FlowLockFailed

from core.database import RETRY_AFTER_SECONDS
from core.exceptions import ApprovalError, BusyError


def retry_later(response: Response) -> Response:
    """Mark an answer that is not final (a held lock): `Retry-After`, and core.api.idempotency
    keeps no record of it, so a retry with the same Idempotency-Key does the operation."""
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _flatten(value, prefix: str, out: dict) -> None:
    """DRF's nested errors as {"lines.0.amount": ["message", ...]} with plain strings."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "non_field_errors":
                _flatten(inner, prefix, out)  # a nested object's own errors: its key
            else:
                _flatten(inner, f"{prefix}.{key}" if prefix else str(key), out)
    elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        for index, inner in enumerate(value):
            if inner:
                _flatten(inner, f"{prefix}.{index}" if prefix else str(index), out)
    elif isinstance(value, list):
        out.setdefault(prefix, []).extend(str(m) for m in value)
    else:
        out.setdefault(prefix, []).append(str(value))


def _fields_from(data) -> dict:
    out: dict = {}
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in ("detail", "non_field_errors"):
                _flatten(value, str(key), out)
    return out


def too_large_detail() -> str:
    return _("The request body is too large.")


def envelope_for_django_error(exc) -> tuple[dict, int] | None:
    """The envelope and status for Django's own refusals of a request body (its size, its field
    count, a malformed multipart): they arrive here from the parsers, and at handler400 when
    a middleware met them first."""
    if isinstance(exc, RequestDataTooBig):
        return ({"detail": too_large_detail(), "code": "too_large", "fields": {}},
                status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, TooManyFieldsSent):
        return ({"detail": _("The request has too many fields."), "code": "too_large",
                 "fields": {}}, status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, SuspiciousOperation):
        return ({"detail": _("The request could not be read."), "code": "bad_request",
                 "fields": {}}, status.HTTP_400_BAD_REQUEST)
    return None


def exception_handler(exc, context):
    django_error = envelope_for_django_error(exc)
    if django_error is not None:
        return Response(django_error[0], status=django_error[1])
    if isinstance(exc, FlowLockFailed):  # viewflow's own lock gave up: as busy, code kept
        return retry_later(Response(
            {"detail": str(BusyError.default_message), "code": "locked", "fields": {}},
            status=status.HTTP_409_CONFLICT,
        ))
    if isinstance(exc, ApprovalError):
        response = Response(
            {"detail": str(exc.message), "code": exc.code, "fields": exc.fields},
            status=exc.status,
        )
        return retry_later(response) if exc.retryable else response
    if isinstance(exc, ValidationError):
        fields = exc.message_dict if hasattr(exc, "error_dict") else {}
        return Response(
            {"detail": "; ".join(exc.messages), "code": "invalid", "fields": fields},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        fields = _fields_from(data)
        non_field = data.get("non_field_errors") if isinstance(data, dict) else data
        detail = "; ".join(str(m) for m in non_field) if non_field else "Some fields are not valid."
        response.data = {"detail": detail, "code": "invalid", "fields": fields}
    else:
        detail = data.get("detail", "") if isinstance(data, dict) else str(data)
        code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
        response.data = {"detail": str(detail), "code": code, "fields": {}}
    return response


def api_error_page(request, exception=None, *, http_status: int) -> JsonResponse:
    """handler400/403/500 under /api/: the envelope instead of an HTML page (core.views)."""
    known = envelope_for_django_error(exception) if exception is not None else None
    if known is not None:
        return JsonResponse(known[0], status=known[1])
    body = {
        400: (_("Bad request."), "bad_request"),
        403: (_("You do not have permission to perform this action."), "permission_denied"),
        500: (_("Something went wrong on our side; it has been logged. Retry later, or "
                "tell your administrator the X-Request-ID of this answer."), "server_error"),
    }[http_status]
    return JsonResponse({"detail": str(body[0]), "code": body[1], "fields": {}},
                        status=http_status)
