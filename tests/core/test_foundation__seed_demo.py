from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from core.authority.models import AuthorityBand, AuthorityMatrix
from core.org.demo import DEMO_PASSWORD, PEOPLE, matrix_seed
from core.org.models import Department, Region, Role, RoleAssignment, User

pytestmark = pytest.mark.django_db

# The demo logins README.md promises, with the role (and sales region) each one holds.
DEMO_LOGINS = {
    "ceo": (Role.CEO, None),
    "gm": (Role.SALES_GM, None),
    "east_mgr": (Role.REGIONAL_MANAGER, "east"),
    "south_mgr": (Role.REGIONAL_MANAGER, "south"),
    "north_mgr": (Role.REGIONAL_MANAGER, "north"),
    "east_rep1": (Role.SALESPERSON, "east"),
    "east_rep2": (Role.SALESPERSON, "east"),
    "south_rep1": (Role.SALESPERSON, "south"),
    "north_rep1": (Role.SALESPERSON, "north"),
    "finance": (Role.FINANCE, None),
    "legal": (Role.LEGAL, None),
    "marketing": (Role.MARKETING, None),
    "auditor": (Role.AUDITOR, None),
    "admin": (Role.ADMINISTRATOR, None),
}


def _seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def _counts() -> dict:
    return {
        "users": User.objects.count(),
        "roles": RoleAssignment.objects.count(),
        "matrices": AuthorityMatrix.objects.count(),
        "bands": AuthorityBand.objects.count(),
        "regions": Region.objects.count(),
        "departments": Department.objects.count(),
    }


# Seeding plays a year of each process through the real services (seconds each time): the
# assertions share two seedings, one for what a second run must not change and one for the
# company README.md promises.


def test_nothing_duplicated_and_passwords_still_work_when_run_twice(db):
    _seed()
    first = _counts()
    first_ids = dict(User.objects.values_list("username", "pk"))
    _seed()

    assert _counts() == first
    assert first == {
        "users": 20,
        "roles": 20,
        "matrices": len(matrix_seed()),
        "bands": sum(len(bands) for _kind, _category, bands in matrix_seed()),
        "regions": 3,
        "departments": 7,
    }
    assert len(PEOPLE) == 20
    assert dict(User.objects.values_list("username", "pk")) == first_ids

    for username in DEMO_LOGINS:
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD), username
    assert DEMO_PASSWORD == "countersign-demo"

    for matrix in AuthorityMatrix.objects.all():  # bands not doubled
        mins = list(matrix.bands.values_list("min_amount", flat=True))
        assert len(mins) == len(set(mins)), matrix


def test_logins_roles_and_reporting_lines_as_promised_when_seeded(db):
    output = _seed()
    assert "Demo company ready: 20 people." in output
    assert "countersign-demo" in output
    assert "east_rep1" in output


    # every demo login holds its role (and sales region)
    for username, (role, region) in DEMO_LOGINS.items():
        user = User.objects.get(username=username)
        assignments = list(user.role_assignments.values_list("role", "region__code"))
        assert assignments == [(role, region)], username
        assert (user.region.code if user.region else None) == region, username
        assert user.is_active

    assert list(User.objects.filter(is_superuser=True).values_list("username", flat=True)) == [
        "admin"
    ]
    # finance edits the reimbursement standards in the admin
    assert set(User.objects.filter(is_staff=True).values_list("username", flat=True)) == {
        "admin", "finance"
    }

    # reps report to their regional manager, then the sales GM, then the CEO
    reps = User.objects.filter(role_assignments__role=Role.SALESPERSON)
    assert reps.count() == 7
    for rep in reps:
        chain = []
        person = rep.manager
        while person is not None:
            chain.append(person.username)
            person = person.manager
        assert chain == [f"{rep.region.code}_mgr", "gm", "ceo"], rep.username
        assert rep.manager.region_id == rep.region_id
    assert User.objects.get(username="ceo").manager is None


def test_refused_and_nothing_created_when_demo_logins_not_allowed(db, settings):
    settings.DEMO_LOGINS_ALLOWED = False
    with pytest.raises(CommandError, match="demo logins never exist in production"):
        _seed()
    assert not User.objects.exists()
