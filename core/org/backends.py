"""The login backend: Django's ModelBackend, except that the user each request loads from its
session comes with their role codes in the same query (the API's token authentication does the
same). Nearly every page, list and decision asks for the user's roles (menus, visibility,
"auditors change nothing"); this saves that query on every request."""

from datetime import date

from django.contrib.auth.backends import ModelBackend
from django.db import connection
from django.db.models.expressions import RawSQL

from core import compiled

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


def _with_roles(user_id: int, day: date):
    return User._default_manager.annotate(
        role_codes=role_codes("user"),
        deputising=RawSQL(_DEPUTISING["user"], (day, day)),  # noqa: S611  # nosec B611 (fixed)
    ).filter(pk=user_id)


class UserWithRolesBackend(ModelBackend):
    def get_user(self, user_id):
        # Every request loads its user: the statement is compiled once (core.compiled).
        found = compiled.objects(("session_user",), _with_roles,
                                 user_id=User._meta.pk.get_prep_value(user_id), day=today())
        if not found:
            return None
        user = found[0]
        keep_roles(user, user.role_codes, user.deputising)
        return user if self.user_can_authenticate(user) else None
