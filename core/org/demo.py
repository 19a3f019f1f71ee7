"""The demo company: people, roles and the authority matrix (idempotent)."""

from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction

from core import registry
from core.authority.models import AuthorityBand, AuthorityMatrix

from .models import Department, Region, Role, RoleAssignment, User

# The public demo password (README); seed_demo refuses to run under production settings.
DEMO_PASSWORD = "countersign-demo"  # nosec B105

REGIONS = [("east", "华东"), ("south", "华南"), ("north", "华北")]
DEPARTMENTS = [
    ("management", "总经办"),
    ("sales", "销售部"),
    ("finance", "财务部"),
    ("legal", "法务部"),
    ("marketing", "市场部"),
    ("audit", "审计部"),
    ("admin", "行政部"),
]

# username, display name, department, region, manager, roles, grade
PEOPLE = [
    ("ceo", "王建国", "management", None, None, [Role.CEO], 9),
    ("gm", "李明", "sales", None, "ceo", [Role.SALES_GM], 8),
    ("east_mgr", "张伟", "sales", "east", "gm", [Role.REGIONAL_MANAGER], 6),
    ("south_mgr", "陈静", "sales", "south", "gm", [Role.REGIONAL_MANAGER], 6),
    ("north_mgr", "刘洋", "sales", "north", "gm", [Role.REGIONAL_MANAGER], 6),
    ("east_rep1", "赵磊", "sales", "east", "east_mgr", [Role.SALESPERSON], 3),
    ("east_rep2", "孙丽", "sales", "east", "east_mgr", [Role.SALESPERSON], 3),
    ("east_rep3", "周杰", "sales", "east", "east_mgr", [Role.SALESPERSON], 2),
    ("south_rep1", "吴芳", "sales", "south", "south_mgr", [Role.SALESPERSON], 3),
    ("south_rep2", "郑浩", "sales", "south", "south_mgr", [Role.SALESPERSON], 2),
    ("north_rep1", "冯军", "sales", "north", "north_mgr", [Role.SALESPERSON], 3),
    ("north_rep2", "何敏", "sales", "north", "north_mgr", [Role.SALESPERSON], 2),
    ("finance", "钱芳", "finance", None, "ceo", [Role.FINANCE], 6),
    ("finance_clerk", "许亮", "finance", None, "finance", [Role.FINANCE], 3),
    ("legal", "郭琳", "legal", None, "ceo", [Role.LEGAL], 6),
    ("legal2", "马超", "legal", None, "legal", [Role.LEGAL], 4),
    ("marketing", "林晓", "marketing", None, "gm", [Role.MARKETING], 5),
    ("marketing2", "高远", "marketing", None, "marketing", [Role.MARKETING], 3),
    ("auditor", "罗审", "audit", None, "ceo", [Role.AUDITOR], 6),
    ("admin", "系统管理员", "admin", None, None, [Role.ADMINISTRATOR], 5),
]

def matrix_seed() -> list[tuple[str, str, tuple]]:
    """(kind, category, bands) of every registered process's demo authority matrix
    (ProcessSpec.matrix); a band is (min, max or None, steps). Amounts in CNY."""
    return [(spec.kind, seed.category, seed.bands)
            for spec in registry.processes() for seed in spec.matrix]


def _regional(role) -> bool:
    return role in (Role.REGIONAL_MANAGER, Role.SALESPERSON)


def _bands(matrix, bands) -> list[AuthorityBand]:
    return [AuthorityBand(matrix=matrix, min_amount=Decimal(lo),
                          max_amount=Decimal(hi) if hi else None, steps=[str(s) for s in steps])
            for lo, hi, steps in bands]


def _seed_empty() -> dict[str, User]:
    """The same company as below, written in a few bulk statements: the path every test that
    asks for the demo people takes (an empty database), about 20 statements instead of 300."""
    regions = {r.code: r for r in Region.objects.bulk_create(
        [Region(code=code, name=name) for code, name in REGIONS])}
    departments = {d.code: d for d in Department.objects.bulk_create(
        [Department(code=code, name=name) for code, name in DEPARTMENTS])}
    password = make_password(DEMO_PASSWORD)  # one hash: every demo login has this password
    people = User.objects.bulk_create([
        User(username=username, display_name=display, email=f"{username}@countersign.example",
             department=departments[dept], region=regions[region] if region else None,
             grade=grade, is_staff=username in ("admin", "finance"),
             is_superuser=username == "admin", password=password)
        for username, display, dept, region, _manager, _roles, grade in PEOPLE])
    users = {u.username: u for u in people}
    for username, _display, _dept, _region, manager, _roles, _grade in PEOPLE:
        users[username].manager = users[manager] if manager else None
    User.objects.bulk_update(people, ["manager"])
    RoleAssignment.objects.bulk_create([
        RoleAssignment(user=users[username], role=role,
                       region=users[username].region if _regional(role) else None)
        for username, _display, _dept, _region, _manager, roles, _grade in PEOPLE
        for role in roles])
    matrix = matrix_seed()
    matrices = AuthorityMatrix.objects.bulk_create([
        AuthorityMatrix(kind=kind, category=category, region=None)
        for kind, category, _bands_ in matrix])
    AuthorityBand.objects.bulk_create([
        band for row, (_kind, _category, bands) in zip(matrices, matrix, strict=True)
        for band in _bands(row, bands)])
    return users


@transaction.atomic
def seed_org() -> dict[str, User]:
    if not (Region.objects.exists() or Department.objects.exists() or User.objects.exists()
            or AuthorityMatrix.objects.exists()):
        return _seed_empty()
    regions = {
        code: Region.objects.update_or_create(code=code, defaults={"name": name})[0]
        for code, name in REGIONS
    }
    departments = {
        code: Department.objects.update_or_create(code=code, defaults={"name": name})[0]
        for code, name in DEPARTMENTS
    }
    users: dict[str, User] = {}
    for username, display, dept, region, manager, roles, grade in PEOPLE:
        user, created = User.objects.get_or_create(username=username)
        user.display_name = display
        user.email = f"{username}@countersign.example"
        user.department = departments[dept]
        user.region = regions[region] if region else None
        user.manager = users[manager] if manager else None
        user.grade = grade
        user.is_staff = username in ("admin", "finance")  # finance edits standards in the admin
        user.is_superuser = username == "admin"
        if created:
            user.set_password(DEMO_PASSWORD)
        user.save()
        users[username] = user
        for role in roles:
            role_region = user.region if _regional(role) else None
            RoleAssignment.objects.get_or_create(user=user, role=role, region=role_region)
    for kind, category, bands in matrix_seed():
        matrix, created = AuthorityMatrix.objects.get_or_create(
            kind=kind, category=category, region=None
        )
        if created:
            AuthorityBand.objects.bulk_create(_bands(matrix, bands))
    return users
