"""Django's database sessions (SESSION_ENGINE = "core.sessions"), except that the statement
reading a session, which every request runs, is compiled from the ORM once per process."""

from datetime import UTC, datetime

from django.contrib.sessions.backends import db
from django.db import connection
from django.utils import timezone

# Stand-ins for the session key and the time in the compiled statement.
_PROBE_KEY, _PROBE_TIME = "cs-probe-session-key", datetime(1, 1, 2, tzinfo=UTC)
_compiled: dict[tuple[str, type], tuple[str, list]] = {}


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        """The unexpired session with this key, or None (and no key), as Django reads it with
        `Session.objects.get(session_key=…, expire_date__gt=now)`; the ORM took longer to build
        and compile that query than the database took to answer it."""
        model, ops = self.model, connection.ops
        key = (connection.vendor, model)
        found = _compiled.get(key)
        if found is None:
            query = model.objects.filter(session_key=_PROBE_KEY, expire_date__gt=_PROBE_TIME).query
            sql, params = query.sql_with_params()
            # the time as the ORM passes it to this database (a string on SQLite)
            probe_time = ops.adapt_datetimefield_value(_PROBE_TIME)
            if sorted(map(repr, params)) != sorted(map(repr, (_PROBE_KEY, probe_time))):
                raise AssertionError(f"the session statement's parameters: {params!r}")
            found = _compiled[key] = (sql, [
                "key" if p == _PROBE_KEY else "now" if p == probe_time else p for p in params])
        sql, slots = found
        now = ops.adapt_datetimefield_value(timezone.now())
        bound = [self.session_key if p == "key" else now for p in slots]
        session = next(iter(model.objects.raw(sql, bound)), None)
        if session is None:
            self._session_key = None
        return session
