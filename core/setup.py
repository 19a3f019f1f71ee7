"""What an administrator of a new installation configures first, and whether it is done: the
organisation and the authority matrix here, the rest as each process declares it
(ProcessSpec.setup)."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from core import registry
from core.authority.models import AuthorityBand
from core.org import selectors as org
from core.org.models import Department, Role, User


@dataclass(frozen=True)
class Step:
    label: str
    hint: str
    url: str
    done: bool


def org_configured() -> bool:
    """Departments exist and someone other than the administrators is there to use the app."""
    return (Department.objects.exists()
            and User.objects.filter(is_active=True, is_superuser=False)
            .exclude(role_assignments__role=Role.ADMINISTRATOR).exists())


def matrix_configured() -> bool:
    return AuthorityBand.objects.exists()


def is_administrator(user) -> bool:
    return bool(user.is_authenticated and user.is_active
                and (user.is_superuser or org.has_role(user, Role.ADMINISTRATOR)))


def _url(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def steps() -> list[Step]:
    core = [
        registry.SetupStep(_("Import the organisation"), "admin:org_user_import", org_configured,
                           hint=_("Departments, regions, people with their line managers and "
                                  "roles, from one workbook (a template is on the page)."),
                           order=10),
        registry.SetupStep(_("Authority matrix"), "admin:authority_authoritymatrix_changelist",
                           matrix_configured,
                           hint=_("Who approves what, by process and amount band."), order=20),
    ]
    ordered = sorted([*core, *registry.setup_steps()], key=lambda s: s.order)
    return [Step(str(s.label), str(s.hint), _url(s.url_name), s.configured()) for s in ordered]


def needs_setup(user) -> bool:
    """An administrator of an installation without its organisation yet."""
    return is_administrator(user) and not org_configured()
