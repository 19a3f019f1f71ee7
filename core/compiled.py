"""Small read queries compiled from the ORM once per shape, then bound and sent as SQL.

A decision reads a few small things by key (who decided the request's other steps, today's
delegations of the people involved, a role's holders). PostgreSQL answers each in a fraction
of a millisecond; Django takes longer than that to build and compile the QuerySet every time.
The statement depends only on the shape of the question (which filters, how many ids), so it
is compiled once per shape and process from the same QuerySet, with probe values standing
where the arguments go, and the arguments are bound in their place.

The QuerySet stays the definition: `rows(..., compiled=False)` runs it through the ORM, and
tests check that both give the same rows. SQLite (the try-it database) always takes the ORM,
whose value adaptation differs there.
"""

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet

_PROBE_INT = 20_001  # in range of every integer field: Django drops a lookup out of range
_PROBE_DAY = date(1901, 1, 1)
_PROBE_TIME = datetime(1901, 1, 1, tzinfo=UTC)

# key -> (sql, [(argument name, position in it) or None for a constant], constants, converters,
# model) or None: that shape goes through the ORM
_statements: dict[tuple, tuple[str, list, list, list, Any] | None] = {}


def _probe(n: int, like: Any) -> Any:
    """A value of the argument's type, numbered n."""
    if isinstance(like, bool):
        raise TypeError("a flag changes the statement's shape: put it in the key")
    if isinstance(like, int):
        return _PROBE_INT + n
    if isinstance(like, str):
        return f"probe{n}"
    if isinstance(like, datetime):
        return _PROBE_TIME + timedelta(seconds=n)
    if isinstance(like, date):
        return _PROBE_DAY + timedelta(days=n)
    raise TypeError(f"no probe for {type(like).__name__}")


def _probes(args: dict[str, Any], first: int) -> tuple[dict[str, Any], dict[Any, tuple]]:
    """Probe values for the arguments, numbered from `first`, and where each one stands."""
    n = first
    probes: dict[str, Any] = {}
    where: dict[Any, tuple[str, int | None]] = {}
    for name, value in args.items():
        if isinstance(value, list | tuple | set | frozenset):
            probes[name] = [_probe(n + i, v) for i, v in enumerate(value)]
            where.update({p: (name, i) for i, p in enumerate(probes[name])})
            n += len(value)
        else:
            probes[name] = _probe(n, value)
            where[probes[name]] = (name, None)
            n += 1
    return probes, where


def _compile(build: Callable[..., QuerySet], args: dict[str, Any]):
    """Compile twice with two sets of probes: a parameter that differs between the two is an
    argument (found by its probe), one that is the same is a constant of the statement."""
    compiled = []
    for first in (1, 501):
        probes, where = _probes(args, first)
        compiler = build(**probes).query.get_compiler(connection=connection)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return None  # an empty id list: the ORM answers without a statement
        compiled.append((sql, list(params), where, compiler))
    (sql, params, where, compiler), (sql_b, params_b, _w, _c) = compiled
    if sql != sql_b or len(params) != len(params_b):
        return None  # the arguments' values change the statement: this shape keeps the ORM
    slots: list[tuple | None] = []
    for a, b in zip(params, params_b, strict=True):
        slots.append(None if a == b else where.get(a, ()))
    if () in slots or {s for s in slots if s} != set(where.values()):
        return None  # an argument went into the statement changed, or was folded away
    # What the ORM does to each column's value on the way out (a JSON column's text decoded).
    converters = list(compiler.get_converters(
        [s[0] for s in compiler.select[:compiler.col_count]]).items())
    return sql, slots, params, converters, compiler.query.model


def _bound(key: tuple, build: Callable[..., QuerySet], args: dict[str, Any]):
    """(statement, its parameters with the arguments in place, converters, model), or None
    where the ORM answers this shape."""
    if connection.vendor != "postgresql":
        return None
    if key not in _statements:
        _statements[key] = _compile(build, args)
    found = _statements[key]
    if found is None:
        return None
    sql, slots, constants, converters, model = found
    bound = [constant if slot is None
             else args[slot[0]] if slot[1] is None else args[slot[0]][slot[1]]
             for slot, constant in zip(slots, constants, strict=True)]
    return sql, bound, converters, model


def rows(key: tuple, build: Callable[..., QuerySet], *, compiled: bool = True,
         **args: Any) -> list[tuple]:
    """The rows of `build(**args)` (a values_list QuerySet), as tuples.

    `key` names the shape: everything that changes the statement other than the arguments'
    values (a flag, an optional filter, the length of an id list — `shape(ids)`). Arguments
    are ints, strings, dates and datetimes, or lists of them (the list, not a set: its order
    is the probes' order)."""
    found = _bound(key, build, args) if compiled else None
    if found is None:
        return [tuple(r) for r in build(**args)]
    sql, bound, converters, _model = found
    with connection.cursor() as cursor:
        cursor.execute(sql, bound)
        found_rows = cursor.fetchall()
    if not converters:
        return found_rows
    converted = []
    for row in found_rows:
        values = list(row)
        for pos, (convs, expression) in converters:
            for convert in convs:
                values[pos] = convert(values[pos], expression, connection)
        converted.append(tuple(values))
    return converted


def objects(key: tuple, build: Callable[..., QuerySet], **args: Any) -> list:
    """The model objects of `build(**args)` (a QuerySet of whole rows; its annotations come as
    attributes), read by the statement compiled once (`rows`) through `Model.objects.raw`."""
    found = _bound(key, build, args)
    if found is None:
        return list(build(**args))
    sql, bound, _converters, model = found
    return list(model._default_manager.raw(sql, bound))


def shape(*lists: Sequence) -> tuple[int, ...]:
    """The lengths of id lists, for a key."""
    return tuple(len(ids) for ids in lists)


_layouts: dict[tuple, tuple[list, list[list[str]], list[str]]] = {}


def _models_along(model, paths: Sequence[str]) -> list:
    """The model at the end of each `a__b` path from `model`."""
    found = []
    for path in paths:
        at = model
        for name in path.split("__"):
            at = at._meta.get_field(name).related_model
        found.append(at)
    return found


def loaded(key: tuple, model, paths: Sequence[str], **filters: Any):
    """The one `model` row the filters find, with the rows along `paths` joined and cached on
    it, as `select_related(*paths).get(**filters)` gives them (None when there is no row), read
    by a statement compiled once (`rows`); each object comes from `Model.from_db`, the way the
    ORM loads it. Paths are listed parents first ("task" before "task__process")."""
    key = ("loaded", *key)
    layout = _layouts.get(key)
    if layout is None:  # the models and columns along the paths, worked out once per key
        models = [model, *_models_along(model, paths)]
        fields = [[f.attname for f in m._meta.concrete_fields] for m in models]
        names = [*fields[0], *(f"{path}__{name}"
                               for path, own in zip(paths, fields[1:], strict=True)
                               for name in own)]
        layout = _layouts[key] = (models, fields, names)
    models, fields, names = layout

    def build(**kw):
        return model.objects.filter(**kw).values_list(*names)

    found = rows(key, build, **filters)
    if not found:
        return None
    if len(found) > 1:
        raise model.MultipleObjectsReturned
    values, start, objects = found[0], 0, {}
    for path, m, own in zip(("", *paths), models, fields, strict=True):
        objects[path] = m.from_db(connection.alias, own, values[start:start + len(own)])
        start += len(own)
    for path in paths:
        parent, _, name = path.rpartition("__")
        setattr(objects[parent], name, objects[path])
    return objects[""]
