"""Per-request facts (request id, client IP) that the audit trail records without being passed."""

import contextlib
import contextvars
import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str
    ip: str | None = None


_current: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar(
    "countersign_request", default=None
)


def current() -> RequestContext:
    ctx = _current.get()
    return ctx if ctx is not None else RequestContext(request_id=f"sys-{uuid.uuid4().hex[:16]}")


def bind(ctx: RequestContext):
    return _current.set(ctx)


def reset(token) -> None:
    _current.reset(token)


# Who is acting, for audit events written where no user is passed (configuration saved through
# the admin, the API or a command). A getter, so a request's lazily authenticated user (or
# DRF's, which it sets on the request when it authenticates) is read only when needed.
_actor: contextvars.ContextVar = contextvars.ContextVar("countersign_actor", default=None)


def current_actor():
    getter = _actor.get()
    user = getter() if getter is not None else None
    return user if getattr(user, "is_authenticated", False) else None


def bind_actor(getter):
    return _actor.set(getter)


def reset_actor(token) -> None:
    _actor.reset(token)


@contextlib.contextmanager
def acting_as(user):
    """Attribute what happens inside to `user` (a management command, a script)."""
    token = bind_actor(lambda: user)
    try:
        yield
    finally:
        reset_actor(token)
