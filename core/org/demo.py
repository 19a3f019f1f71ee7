"""The demo company: people, roles and the authority matrix (idempotent)."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core import registry
from core.authority.models import AuthorityBand, AuthorityMatrix

from .models import Department, Region, Role, RoleAssignment, User

# The public demo password (README); seed_demo refuses to run under production settings.
DEMO_PASSWORD = "countersign-demo"  # nosec B105

REGIONS = [("east", "华东", "East China"), ("south", "华南", "South China"),
           ("north", "华北", "North China")]
DEPARTMENTS = [
    ("management", "总经办", "General Manager's Office"),
    ("sales", "销售部", "Sales"),
    ("finance", "财务部", "Finance"),
    ("legal", "法务部", "Legal"),
    ("marketing", "市场部", "Marketing"),
    ("audit", "审计部", "Internal Audit"),
    ("admin", "行政部", "Administration"),
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

# What each persona is for: one line per person, beside the seed data above, so the login page's
# one-click choices, `make run`'s ready block and README.md's table (tests/core/
# test_demo__personas.py compares them) never disagree with the company the seed creates.
# %(region)s is the person's sales region.
PERSONA_NOTES = {
    "ceo": _("signs off contracts from ¥1,000,000, budgets and large claims; publishes the "
             "sales plan; approves critical risk plans"),
    "gm": _("signs off contracts and claims from ¥5,000; sends the sales plan to the CEO; "
            "approves high risk plans"),
    "east_mgr": _("approves the %(region)s region's claims and contracts; confirms its plan"),
    "south_mgr": _("approves the %(region)s region's claims and contracts; confirms its plan"),
    "north_mgr": _("approves the %(region)s region's claims and contracts; confirms its plan"),
    "east_rep1": _("submits expense claims and contracts; My requests shows where each stands"),
    "east_rep2": _("submits expense claims and contracts; My requests shows where each stands"),
    "east_rep3": _("submits expense claims and contracts; My requests shows where each stands"),
    "south_rep1": _("submits expense claims and contracts; My requests shows where each stands"),
    "south_rep2": _("submits expense claims and contracts; My requests shows where each stands"),
    "north_rep1": _("submits expense claims and contracts; My requests shows where each stands"),
    "north_rep2": _("submits expense claims and contracts; My requests shows where each stands"),
    "finance": _("head of finance: budgets and the budget monitor, credit checks, reimbursement "
                 "standards in the admin"),
    "finance_clerk": _("takes voucher reviews from the finance queue; an approved claim is paid"),
    "legal": _("reviews contracts, in parallel with finance's credit check"),
    "legal2": _("takes contract reviews from the legal queue"),
    "marketing": _("head of marketing: submits marketing and promotion claims, approves the "
                   "team's"),
    "marketing2": _("submits marketing and promotion claims to the head of marketing"),
    "auditor": _("reads every history: audit search, chain verification, CSV export"),
    "admin": _("the admin site: people, roles, authority matrices, delegations"),
}
REGION_LABELS = {"east": _("east"), "south": _("south"), "north": _("north")}
# The groups of the login page, in this order; a person is in the group of their first role.
PERSONA_GROUPS = [
    (_("Management"), (Role.CEO, Role.SALES_GM)),
    (_("Regional managers"), (Role.REGIONAL_MANAGER,)),
    (_("Salespeople"), (Role.SALESPERSON,)),
    (_("Finance"), (Role.FINANCE,)),
    (_("Legal"), (Role.LEGAL,)),
    (_("Marketing"), (Role.MARKETING,)),
    (_("Audit and administration"), (Role.AUDITOR, Role.ADMINISTRATOR)),
]
# The personas `make run` suggests first: one story, a claim from submission to payment.
FEATURED = ["east_rep1", "east_mgr", "finance_clerk", "gm", "auditor"]


@dataclass(frozen=True)
class Persona:
    username: str
    display_name: str
    role: str
    region: str | None
    manager: str | None

    @property
    def role_label(self) -> str:
        label = str(Role(self.role).label)
        if self.region:
            return f"{label} ({REGION_LABELS[self.region]})"
        return label

    @property
    def note(self) -> str:
        region = str(REGION_LABELS[self.region]) if self.region else ""
        return str(PERSONA_NOTES[self.username]) % {"region": region}

    @property
    def line(self) -> str:
        """"east_mgr — Regional manager (east): approves the east region's claims …"."""
        return f"{self.username} — {self.role_label}: {self.note}"


@dataclass(frozen=True)
class TourStep:
    """One line of a persona's "try this" panel: a text, optionally a page to open (a URL name
    and a query string) or a persona to switch to ("manager": the person's line manager)."""

    text: str | Promise
    url: str = ""
    query: str = ""
    switch: str = ""


# The "try this" panel on each persona's home page, by the persona's role: the claim story
# runs salesperson → regional manager → finance and back; %(manager)s is the line manager.
TOURS: dict[str, tuple[TourStep, ...]] = {
    Role.SALESPERSON: (
        TourStep(_("Submit an expense claim, e.g. a taxi fare: save it as a draft, attach a "
                   "photo or PDF of the ticket (each line needs its receipt), then submit. Up to "
                   "¥5,000 only your regional manager approves it."), url="expenses:claim-new"),
        TourStep(_("Switch to %(manager)s, your regional manager, and approve it from the inbox."),
                 switch="manager"),
        TourStep(_("Finance then reviews the voucher and the claim is paid; My requests shows "
                   "where each of yours stands and who holds it."), url="inbox:requests"),
    ),
    Role.REGIONAL_MANAGER: (
        TourStep(_("Open the inbox: your region's claims and contracts wait for you here."),
                 url="inbox:inbox"),
        TourStep(_("Open a claim and approve it: finance's voucher review comes next.")),
        TourStep(_("Switch to finance_clerk to take it from the finance queue."),
                 switch="finance_clerk"),
    ),
    Role.FINANCE: (
        TourStep(_("Open the queue: voucher reviews wait there for anyone in finance."),
                 url="inbox:inbox", query="tab=queue"),
        TourStep(_("Take the task and approve it: the claim is paid at once.")),
        TourStep(_("Switch to east_rep1 (or whoever submitted it) to see it paid."),
                 switch="east_rep1"),
    ),
    Role.SALES_GM: (
        TourStep(_("Open the inbox: contracts up to ¥1,000,000 and claims from ¥5,000 wait for "
                   "your sign-off."), url="inbox:inbox"),
        TourStep(_("Look at the sales plan: targets by region and month, confirmed by every "
                   "regional manager."), url="plans:plans"),
        TourStep(_("Switch to ceo, who signs off what is beyond you."), switch="ceo"),
    ),
    Role.CEO: (
        TourStep(_("Open the inbox: large contracts and claims, budgets and the sales plan wait "
                   "for you."), url="inbox:inbox"),
        TourStep(_("Open any request to see its route: who approved, who holds it now."),
                 url="inbox:requests"),
        TourStep(_("Switch to auditor to see every step in the audit trail."), switch="auditor"),
    ),
    Role.LEGAL: (
        TourStep(_("Open the queue: contract reviews wait there for anyone in legal."),
                 url="inbox:inbox", query="tab=queue"),
        TourStep(_("Take a review and decide it; finance checks the credit in parallel, and "
                   "both must approve.")),
        TourStep(_("Switch to gm, who signs off the contract after you."), switch="gm"),
    ),
    Role.MARKETING: (
        TourStep(_("Submit a marketing and promotion claim."), url="expenses:claim-new"),
        TourStep(_("Switch to %(manager)s, your line manager, to approve it."), switch="manager"),
    ),
    Role.AUDITOR: (
        TourStep(_("Search the audit trail: who did what, when, from which state to which."),
                 url="inbox:audit"),
        TourStep(_("Verify the hash chains and export what you found as CSV.")),
        TourStep(_("Switch to east_rep1 and submit something: it shows up here at once."),
                 switch="east_rep1"),
    ),
    Role.ADMINISTRATOR: (
        TourStep(_("Open the admin: people, roles, delegations and the authority matrices."),
                 url="admin:index"),
        TourStep(_("Switch to east_rep1 to follow a claim from submission to payment."),
                 switch="east_rep1"),
    ),
}


def personas() -> list[Persona]:
    """Every person the seed creates, in the seed's order (evaluate translated attributes under
    the language wanted)."""
    return [Persona(username, display, roles[0], region, manager)
            for username, display, _dept, region, manager, roles, _grade in PEOPLE]


def persona(username: str) -> Persona | None:
    return next((p for p in personas() if p.username == username), None)


def persona_groups() -> list[tuple[str | Promise, list[Persona]]]:
    """(group label, personas) in PERSONA_GROUPS order; every persona is in exactly one."""
    people = personas()
    return [(label, [p for p in people if p.role in roles]) for label, roles in PERSONA_GROUPS]


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
        [Region(code=code, name=name, name_en=en) for code, name, en in REGIONS])}
    departments = {d.code: d for d in Department.objects.bulk_create(
        [Department(code=code, name=name, name_en=en) for code, name, en in DEPARTMENTS])}
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
        code: Region.objects.update_or_create(code=code, defaults={"name": name,
                                                                   "name_en": en})[0]
        for code, name, en in REGIONS
    }
    departments = {
        code: Department.objects.update_or_create(code=code, defaults={"name": name,
                                                                       "name_en": en})[0]
        for code, name, en in DEPARTMENTS
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


def personas_markdown() -> str:
    """README.md's persona table (tests/core/test_demo__personas.py keeps the two equal)."""
    rows = ["| Login | Name | Role | What they do |", "|---|---|---|---|"]
    for _label, people in persona_groups():
        rows += [f"| `{p.username}` | {p.display_name} | {p.role_label} | {p.note} |"
                 for p in people]
    return "\n".join(rows)
