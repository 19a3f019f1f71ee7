"""The login backend: Django's ModelBackend, except that the user each request loads from its
session comes with their role codes in the same query (the API's token authentication does the
same). Nearly every page, list and decision asks for the user's roles (menus, visibility,
"auditors change nothing"); this saves that query on every request."""

from datetime import date

from django.contrib.auth.backends import ModelBackend
from django.db import connection
from django.db.models.expressions import RawSQL

from .models import User
from .selectors import today

# The role codes of one user as one string ("finance,legal"; codes never contain commas), a
# correlated subselect on the user's id in the query it annotates: that of a user query ("user")
# or of a token query joined to its user ("token"). Plain SQL because Django's Subquery with an
# aggregate costs more to compile than the query it saves. Fixed strings: nothing interpolated.
_ROLE_CODES = {
    ("postgresql", "user"): "SELECT STRING_AGG(role, ',') FROM org_roleassignment "
                            'WHERE user_id = "org_user"."id"',
    ("postgresql", "token"): "SELECT STRING_AGG(role, ',') FROM org_roleassignment "
                             'WHERE user_id = "org_apitoken"."user_id"',
    ("sqlite", "user"): "SELECT GROUP_CONCAT(role, ',') FROM org_roleassignment "
                        'WHERE user_id = "org_user"."id"',
    ("sqlite", "token"): "SELECT GROUP_CONCAT(role, ',') FROM org_roleassignment "
                         'WHERE user_id = "org_apitoken"."user_id"',
}


# Whether the user acts for anyone today (an active delegation names them deputy): the inbox,
# the queue and the menu counts then ask which principals and kinds; nearly nobody does, and
# they ask nothing. The day is a parameter (the company's calendar day).
_DEPUTISING = {
    "user": "SELECT EXISTS (SELECT 1 FROM org_delegation WHERE deputy_id = \"org_user\".\"id\" "
            "AND starts_on <= %s AND ends_on >= %s)",
    "token": "SELECT EXISTS (SELECT 1 FROM org_delegation WHERE deputy_id = "  # nosec B105
             "\"org_apitoken\".\"user_id\" AND starts_on <= %s AND ends_on >= %s)",
}


def role_codes(of: str = "user") -> RawSQL:
    """The annotation giving each row its user's role codes; `of` is "user" or "token"."""
    return RawSQL(_ROLE_CODES[connection.vendor, of], ())  # noqa: S611  # nosec B611 (fixed)


def deputising(of: str = "user") -> RawSQL:
    """The annotation telling whether each row's user is someone's deputy today."""
    day = today()
    # Fixed SQL, the day as a parameter.
    return RawSQL(_DEPUTISING[of], (day, day))  # noqa: S611  # nosec B611


def keep_roles(user: User, codes: str | None, deputy: bool | None = None) -> User:
    """Give the user the roles loaded with them: roles_of() then asks the database nothing;
    and, when loaded too, whether they act for anyone today (None: not known, ask)."""
    user._countersign_roles = set(filter(None, (codes or "").split(",")))
    if deputy is not None:
        user._cs_deputising = bool(deputy)
    return user


# Stand-ins for the user's id and the day in the compiled statement below (`_user_sql`).
_PROBE_ID, _PROBE_DAY = -987_654_321, date(1, 1, 2)
_user_sql_by_vendor: dict[str, tuple[str, list]] = {}


def _user_sql() -> tuple[str, list]:
    """The statement loading one user with their role codes and whether they deputise today,
    compiled from the ORM once per process (and database vendor) with stand-ins for the id and
    the day: every request loads its user, and the ORM took twice as long to build and compile
    it as the database took to run it."""
    found = _user_sql_by_vendor.get(connection.vendor)
    if found is None:
        query = User._default_manager.annotate(
            role_codes=role_codes("user"),
            deputising=RawSQL(_DEPUTISING["user"], (_PROBE_DAY, _PROBE_DAY)),  # noqa: S611  # nosec B611
        ).filter(pk=_PROBE_ID).query
        sql, params = query.sql_with_params()
        found = _user_sql_by_vendor[connection.vendor] = (sql, list(params))
    return found


class UserWithRolesBackend(ModelBackend):
    def get_user(self, user_id):
        sql, params = _user_sql()
        pk, day = User._meta.pk.get_prep_value(user_id), today()
        bound = [pk if p == _PROBE_ID else day if p == _PROBE_DAY else p for p in params]
        user = next(iter(User._default_manager.raw(sql, bound)), None)
        if user is None:
            return None
        keep_roles(user, user.role_codes, user.deputising)
        return user if self.user_can_authenticate(user) else None
