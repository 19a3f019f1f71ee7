import re
import uuid

from . import context
from .clientip import client_ip

_SAFE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


class RequestIDMiddleware:
    """Give every request an id (the client's X-Request-ID if well-formed) for logs and audit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = context.bind(
            context.RequestContext(request_id=request_id, ip=client_ip(request))
        )
        try:
            response = self.get_response(request)
        finally:
            context.reset(token)
        response["X-Request-ID"] = request_id
        return response


class AuditActorMiddleware:
    """After authentication: configuration saved during this request is attributed to its user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = context.bind_actor(lambda: getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            context.reset_actor(token)
