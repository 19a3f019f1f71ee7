"""Django's database sessions (SESSION_ENGINE = "core.sessions"), except that the statement
reading a session, which every request runs, is compiled once per process (core.compiled)."""

from django.contrib.sessions.backends import db
from django.utils import timezone

from core import compiled


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        """The unexpired session with this key, or None (and no key), as Django reads it with
        `Session.objects.get(session_key=…, expire_date__gt=now)`; the ORM took longer to build
        and compile that query than the database took to answer it."""
        model = self.model

        def unexpired(session_key, now):
            return model.objects.filter(session_key=session_key, expire_date__gt=now)

        found = compiled.objects(("session", model._meta.label), unexpired,
                                 session_key=self.session_key, now=timezone.now())
        if not found:
            self._session_key = None
            return None
        return found[0]
