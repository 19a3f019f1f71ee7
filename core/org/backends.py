"""The login backend: Django's ModelBackend, except that the user each request loads from its
session comes with their role codes in the same query (the API's token authentication does the
same). Nearly every page, list and decision asks for the user's roles (menus, visibility,
"auditors change nothing"); this saves that query on every request."""

from django.contrib.auth.backends import ModelBackend
from django.db.models import Aggregate, CharField, OuterRef, Subquery

from .models import RoleAssignment, User


class _Codes(Aggregate):
    """The grouped values as one comma-separated string (role codes never contain commas)."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ',')"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)


def role_codes(user_ref: str = "pk") -> Subquery:
    """The role codes of the user `user_ref` names, as an annotation ("finance,legal")."""
    return Subquery(RoleAssignment.objects.filter(user=OuterRef(user_ref)).order_by()
                    .values("user").annotate(codes=_Codes("role")).values("codes"))


def keep_roles(user: User, codes: str | None) -> User:
    """Give the user the roles loaded with them: roles_of() then asks the database nothing."""
    user._countersign_roles = set(filter(None, (codes or "").split(",")))
    return user


class UserWithRolesBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            user = User._default_manager.annotate(role_codes=role_codes()).get(pk=user_id)
        except User.DoesNotExist:
            return None
        keep_roles(user, user.role_codes)
        return user if self.user_can_authenticate(user) else None
