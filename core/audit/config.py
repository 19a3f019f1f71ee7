"""Configuration in the chain: every create, change and delete of a registered configuration
model writes an audit event in the same transaction, with the values before and after.

The authority matrix, SLA rules, standards, risk bands, roles, delegations, users... decide who
may approve what, so they are audited like decisions, whichever way they change (the admin, the
API, a management command, a shell): the events come from model signals, not from each screen.
A model joins by `register(Model, ...)` in its app's `ready()`; tests/core/audit/
test_config__admin_complete.py fails when a model the admin can change is not registered.

Events: `config.created`, `config.changed`, `config.deleted`, on the object's own chain (its
audit kind and key), or on its parent's chain for rows edited inline with a parent (a band of
an authority matrix, a role of a user: `parent="matrix"`). `changes` holds {field: [before,
after]}; secret fields (a password hash, a token) show only that they changed. The acting user
comes from core.context (the request's user via AuditActorMiddleware, or `acting_as(user)` in a
command); without one the event is the system's. Bulk `QuerySet.update()`/`bulk_create()` send
no signals: configuration code must not use them on registered models.
"""

import contextlib
import contextvars
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from core import context

from . import services

CREATED, CHANGED, DELETED = "config.created", "config.changed", "config.deleted"
EVENTS = (CREATED, CHANGED, DELETED)
HIDDEN = "(changed)"
_ALL_OPS = frozenset({"create", "update", "delete"})


@dataclass(frozen=True)
class ConfigModel:
    model: type[models.Model]
    fields: tuple[str, ...]  # the tracked concrete fields (names)
    m2m: tuple[str, ...]
    secret: frozenset[str]
    parent: str | None
    ops: frozenset[str]


_registry: dict[type[models.Model], ConfigModel] = {}


def register(model, *, exclude=(), secret=(), parent: str | None = None, ops=_ALL_OPS,
             fields=None) -> None:
    """Audit every change of `model`. `exclude`: fields not worth an event (a last-login time,
    a figure the services derive); `fields`: track only these; `secret`: record that the field
    changed, never its value; `parent`: an FK whose object's chain gets the events; `ops`: a
    subset of create/update/delete (a log whose rows only the admin deletes)."""
    concrete = [f for f in model._meta.concrete_fields if not f.primary_key]
    names = [f.name for f in concrete if (fields is None or f.name in fields)
             and f.name not in exclude]
    m2m = [f.name for f in model._meta.many_to_many if f.name not in exclude
           and (fields is None or f.name in fields)]
    model = model._meta.concrete_model
    _registry[model] = ConfigModel(model=model, fields=tuple(names), m2m=tuple(m2m),
                                   secret=frozenset(secret), parent=parent,
                                   ops=frozenset(ops))
    for name in m2m:
        m2m_changed.connect(_m2m_changed, sender=model._meta.get_field(name).remote_field.through,
                            dispatch_uid=f"audit-config-m2m-{model._meta.label}-{name}")


def registered() -> dict[type[models.Model], ConfigModel]:
    return dict(_registry)


def is_registered(model) -> bool:
    return model._meta.concrete_model in _registry


def _spec(instance) -> ConfigModel | None:
    return _registry.get(type(instance)._meta.concrete_model)


def _value(field, instance):
    value = field.value_from_object(instance)
    if isinstance(value, models.Model):  # pragma: no cover - value_from_object gives the key
        return value.pk
    if hasattr(value, "name") and isinstance(field, models.FileField):
        return value.name or ""
    return value


def _snapshot(spec: ConfigModel, instance) -> dict:
    return {name: _value(spec.model._meta.get_field(name), instance) for name in spec.fields}


def _changes(spec: ConfigModel, before: dict, after: dict) -> dict:
    out = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        field: Any = spec.model._meta.get_field(name)
        try:  # the same value in two forms (Decimal("5") and Decimal("5.00")) is no change
            same = field.to_python(old) == field.to_python(new)
        except Exception:  # noqa: BLE001 - an odd value compares as itself
            same = old == new
        if not same:
            out[name] = [HIDDEN, HIDDEN] if name in spec.secret else [old, new]
    return out


def chain_of(instance) -> tuple[str, str]:
    """(subject_kind, subject_id) of the chain that holds `instance`'s configuration events."""
    spec = _spec(instance)
    subject_kind, subject_id = services.subject_key(instance)
    if spec is not None and spec.parent:
        parent_field: Any = spec.model._meta.get_field(spec.parent)
        parent_id = getattr(instance, parent_field.attname)
        if parent_id is not None:
            parent_model: Any = parent_field.related_model
            subject_kind = (getattr(parent_model, "audit_kind", None)
                            or parent_model._meta.label_lower)
            subject_id = str(parent_id)
    return subject_kind, subject_id


_recorded_by_service: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "config_recorded_by_service", default=False)


@contextlib.contextmanager
def recorded_by_service() -> Iterator[None]:
    """A service that writes its own audit event for a change (customer.created,
    customer.credit_limit_changed, ...) saves inside this block, so the change is recorded once,
    by the service, not again as a generic configuration event."""
    token = _recorded_by_service.set(True)
    try:
        yield
    finally:
        _recorded_by_service.reset(token)


def _record(spec: ConfigModel, instance, event: str, changes: dict) -> None:
    if _recorded_by_service.get():
        return
    subject_kind, subject_id = chain_of(instance)
    hidden = spec.model._meta.pk.name in spec.secret  # a token whose key is its pk
    data = {"model": spec.model._meta.label_lower,
            "object_id": HIDDEN if hidden else str(instance.pk),
            "object": HIDDEN if hidden else str(instance)[:200]}
    services.record(actor=context.current_actor(), event=event, subject_kind=subject_kind,
                    subject_id=subject_id, changes=changes, data=data, number="")


def _pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    spec = _spec(instance)
    if spec is None or raw or instance.pk is None or instance._state.adding:
        return
    names = [n for n in spec.fields if update_fields is None or n in update_fields]
    before = spec.model._base_manager.filter(pk=instance.pk).first()
    instance._audit_config_before = (
        {n: _value(spec.model._meta.get_field(n), before) for n in names} if before else None
    )


def _post_save(sender, instance, created, raw=False, update_fields=None, **kwargs):
    spec = _spec(instance)
    if spec is None or raw:
        return
    before = None if created else getattr(instance, "_audit_config_before", None)
    instance._audit_config_before = None
    if before is None:  # created (or saved with an explicit key that was not there)
        if "create" not in spec.ops:
            return
        after = _snapshot(spec, instance)
        changes = _changes(spec, {}, {k: v for k, v in after.items() if v not in (None, "")})
        _record(spec, instance, CREATED, changes)
        return
    if "update" not in spec.ops:
        return
    after = {n: _value(spec.model._meta.get_field(n), instance) for n in before}
    changes = _changes(spec, before, after)
    if changes:
        _record(spec, instance, CHANGED, changes)


def _post_delete(sender, instance, **kwargs):
    spec = _spec(instance)
    if spec is None or "delete" not in spec.ops:
        return
    before = _snapshot(spec, instance)
    _record(spec, instance, DELETED,
            _changes(spec, {k: v for k, v in before.items() if v not in (None, "")}, {}))


def _m2m_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if reverse:  # group.user_set.add(user): audit it on each user it touched
        owners = list(model._base_manager.filter(pk__in=pk_set or ())) if action in (
            "pre_add", "pre_remove", "post_add", "post_remove") else []
        field_model = model
    else:
        owners = [instance]
        field_model = type(instance)
    spec = _registry.get(field_model._meta.concrete_model)
    if spec is None or "update" not in spec.ops:
        return
    name = next((n for n in spec.m2m
                 if spec.model._meta.get_field(n).remote_field.through is sender), None)
    if name is None:
        return
    for owner in owners:
        current = sorted(str(pk) for pk in getattr(owner, name).values_list("pk", flat=True))
        if action.startswith("pre_"):
            owner.__dict__.setdefault("_audit_m2m_before", {})[name] = current
        elif action.startswith("post_"):
            before = owner.__dict__.get("_audit_m2m_before", {}).pop(name, None)
            if before is not None and before != current:
                _record(spec, owner, CHANGED, {name: [before, current]})


def connect() -> None:
    pre_save.connect(_pre_save, dispatch_uid="audit-config-pre-save")
    post_save.connect(_post_save, dispatch_uid="audit-config-post-save")
    post_delete.connect(_post_delete, dispatch_uid="audit-config-post-delete")
