"""The login backend: Django's ModelBackend, except that the user each request loads from its
session comes with their role codes in the same query (the API's token authentication does the
same). Nearly every page, list and decision asks for the user's roles (menus, visibility,
"auditors change nothing"); this saves that query on every request."""

from django.contrib.auth.backends import ModelBackend
from django.db import connection
from django.db.models.expressions import RawSQL

from .models import User

# The role codes of one user as one string ("finance,legal"; codes never contain commas), a
# correlated subselect on the user's id in the query it annotates: that of a user query ("user")
# or of a token query joined to its user ("token"). Plain SQL because Django's Subquery with an
# aggregate costs more to compile than the query it saves. Fixed strings: nothing interpolated.
_ROLE_CODES = {
    ("postgresql", "user"): "SELECT STRING_AGG(role, ',') FROM org_roleassignment "
                            'WHERE user_id = "org_user"."id"',
    ("postgresql", "token"): "SELECT STRING_AGG(role, ',') FROM org_roleassignment "
                             'WHERE user_id = "authtoken_token"."user_id"',
    ("sqlite", "user"): "SELECT GROUP_CONCAT(role, ',') FROM org_roleassignment "
                        'WHERE user_id = "org_user"."id"',
    ("sqlite", "token"): "SELECT GROUP_CONCAT(role, ',') FROM org_roleassignment "
                         'WHERE user_id = "authtoken_token"."user_id"',
}


def role_codes(of: str = "user") -> RawSQL:
    """The annotation giving each row its user's role codes; `of` is "user" or "token"."""
    return RawSQL(_ROLE_CODES[connection.vendor, of], ())  # noqa: S611  # nosec B611 (fixed)


def keep_roles(user: User, codes: str | None) -> User:
    """Give the user the roles loaded with them: roles_of() then asks the database nothing."""
    user._countersign_roles = set(filter(None, (codes or "").split(",")))
    return user


class UserWithRolesBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            user = User._default_manager.annotate(role_codes=role_codes("user")).get(pk=user_id)
        except User.DoesNotExist:
            return None
        keep_roles(user, user.role_codes)
        return user if self.user_can_authenticate(user) else None
