"""Compare the workbook with the database: every error with its sheet, row and column, or every
change the import would make. Reads only; applying is services.org_import_apply."""

import hashlib
import json
import re
from dataclasses import dataclass, field

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import REGIONAL_ROLES, Department, Region, Role, RoleAssignment, User
from .workbook import DEPARTMENTS, PEOPLE, REGIONS, ROLES, ParsedSheet, Row, RowError

ACTIVE_WORDS = {"", "在职", "active", "yes", "y", "1", "是"}
LEFT_WORDS = {"离职", "left", "inactive", "no", "n", "0", "否", "已离职"}
MOBILE = re.compile(r"^\+?\d{6,15}$")
MAX_GRADE = 99


@dataclass
class Change:
    entity: str  # department | region | person | roles
    action: str  # create | update | deactivate | reactivate
    key: str  # code or username
    changes: dict[str, list]  # field -> [before, after], plain text

    @property
    def event(self) -> str:
        if self.entity == "roles":
            return "org.roles_changed"
        return f"org.{self.entity}_{self.action}d"


@dataclass
class Leaver:
    username: str
    name: str
    tasks: list[str]  # open tasks they hold: "number · step"
    queued: int  # open, unclaimed tasks they could claim (others can too)
    requests: int  # their own requests still in approval


@dataclass
class ImportPlan:
    changes: list[Change] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    leavers: list[Leaver] = field(default_factory=list)
    kept_admins: list[str] = field(default_factory=list)  # superusers not in the workbook

    @property
    def digest(self) -> str:
        """Fingerprint of the changes: the preview and the application must agree on it."""
        text = json.dumps([[c.entity, c.action, c.key, c.changes] for c in self.changes],
                          sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode()).hexdigest()

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for c in self.changes:
            counts[c.event] = counts.get(c.event, 0) + 1
        return counts

    def of(self, entity: str) -> list[Change]:
        return [c for c in self.changes if c.entity == entity]


@dataclass
class _Person:
    row: Row
    username: str
    name: str
    email: str
    mobile: str
    department: str  # code
    region: str  # code or ""
    grade: int
    manager: str
    active: bool
    roles: set[tuple[str, str]] = field(default_factory=set)  # (role, region code or "")


def _role_lookup() -> dict[str, str]:
    """Role code, English label and Chinese label (case-insensitive) -> role code."""
    lookup = {}
    for code, label in Role.choices:
        lookup[code.casefold()] = code
        for language in ("en", "zh-hans"):
            with translation.override(language):
                lookup[str(label).casefold()] = code
    return lookup


class _Checker:
    def __init__(self, sheets: dict[str, ParsedSheet], errors: list[RowError], actor):
        self.sheets, self.errors, self.actor = sheets, errors, actor

    def error(self, sheet: ParsedSheet, row: Row | None, key: str, message: str) -> None:
        self.errors.append(RowError(sheet.name, row.number if row else None,
                                    sheet.where(key) if key else "", message))

    def codes(self, spec, model) -> tuple[dict[str, str], dict[str, str]]:
        """({code: name} in the sheet, {code or name: code} of sheet and database)."""
        sheet = self.sheets.get(spec.key)
        wanted = self._codes_on(sheet) if sheet is not None else {}
        known: dict[str, str] = {}
        for code, name in [*model.objects.values_list("code", "name"), *wanted.items()]:
            known.setdefault(name, code)
            known[code] = code
        return wanted, known

    def _codes_on(self, sheet: ParsedSheet) -> dict[str, str]:
        wanted: dict[str, str] = {}
        for row in sheet.rows:
            code, name = row.values.get("code", ""), row.values.get("name", "")
            if not code:
                self.error(sheet, row, "code", _("The code is empty."))
                continue
            try:
                validate_slug(code)
                if len(code) > 32:
                    raise ValidationError("long")
            except ValidationError:
                self.error(sheet, row, "code", _("“%(code)s” is not a code: use at most 32 "
                                                 "letters, digits, - or _.") % {"code": code})
                continue
            if code in wanted:
                self.error(sheet, row, "code", _("The code “%(code)s” appears twice.")
                           % {"code": code})
                continue
            if not name or len(name) > 100:
                self.error(sheet, row, "name", _("The name is empty or longer than 100 "
                                                 "characters."))
                continue
            wanted[code] = name
        return wanted

    def people(self, departments: dict[str, str], regions: dict[str, str]) -> dict[str, _Person]:
        sheet = self.sheets.get(PEOPLE.key)
        people: dict[str, _Person] = {}
        if sheet is None:
            return people
        folded: set[str] = set()
        validate_username = UnicodeUsernameValidator()
        for row in sheet.rows:
            v = row.values
            username = v.get("username", "")
            try:
                validate_username(username)
                if not username or len(username) > 150:
                    raise ValidationError("bad")
            except ValidationError:
                self.error(sheet, row, "username", _("“%(u)s” is not a username: use letters, "
                                                     "digits and @ . + - _ only.")
                           % {"u": username})
                continue
            if username.casefold() in folded:
                self.error(sheet, row, "username", _("The username “%(u)s” appears twice.")
                           % {"u": username})
                continue
            folded.add(username.casefold())
            name = v.get("name", "")
            if not name or len(name) > 100:
                self.error(sheet, row, "name", _("The name is empty or longer than 100 "
                                                 "characters."))
            email = v.get("email", "")
            if email:
                try:
                    validate_email(email)
                except ValidationError:
                    self.error(sheet, row, "email", _("“%(e)s” is not a valid e-mail address.")
                               % {"e": email})
            mobile = re.sub(r"[\s\-()]", "", v.get("mobile", ""))
            if mobile and not MOBILE.match(mobile):
                self.error(sheet, row, "mobile", _("“%(m)s” is not a mobile number.")
                           % {"m": v.get("mobile")})
            department = departments.get(v.get("department", ""))
            if department is None:
                self.error(sheet, row, "department", _("Unknown department “%(d)s”: add it to the "
                                                       "departments sheet.")
                           % {"d": v.get("department", "")})
            region = ""
            if v.get("region"):
                region = regions.get(v["region"], "")
                if not region:
                    self.error(sheet, row, "region", _("Unknown region “%(r)s”: add it to the "
                                                       "regions sheet.") % {"r": v["region"]})
            grade = 1
            if v.get("grade"):
                try:
                    grade = int(v["grade"])
                    if not 1 <= grade <= MAX_GRADE:
                        raise ValueError
                except ValueError:
                    self.error(sheet, row, "grade", _("The grade is a whole number from 1 to "
                                                      "%(max)d.") % {"max": MAX_GRADE})
            status = v.get("status", "").casefold()
            if status not in ACTIVE_WORDS | LEFT_WORDS:
                self.error(sheet, row, "status", _("The status is “在职” (active) or “离职” "
                                                   "(left)."))
            # Kept even with an error in a field, so that its reports and roles are not
            # reported again as unknown people: the plan stops at the errors anyway.
            people[username] = _Person(row, username, name, email, mobile, department or "",
                                       region, grade, v.get("manager", ""),
                                       status not in LEFT_WORDS)
        self.managers(sheet, people)
        return people

    def managers(self, sheet: ParsedSheet | None, people: dict[str, _Person]) -> None:
        if sheet is None:
            return
        for person in people.values():
            if not person.manager:
                continue
            boss = people.get(person.manager)
            if boss is None:
                self.error(sheet, person.row, "manager",
                           _("Unknown line manager “%(m)s”: they must be on the people sheet.")
                           % {"m": person.manager})
            elif boss is person:
                self.error(sheet, person.row, "manager",
                           _("A person cannot be their own line manager."))
            elif person.active and not boss.active:
                self.error(sheet, person.row, "manager",
                           _("The line manager “%(m)s” is marked as left.") % {"m": boss.username})
        reported: set[str] = set()
        for person in people.values():
            path, current = [person.username], people.get(person.manager)
            while current is not None and current.username not in path:
                path.append(current.username)
                current = people.get(current.manager)
            if current is not None and current.username == person.username != person.manager \
                    and person.username not in reported:
                reported.update(path)
                self.error(sheet, person.row, "manager",
                           _("These line managers form a cycle: %(path)s.")
                           % {"path": " → ".join([*path, person.username])})

    def roles(self, people: dict[str, _Person], regions: dict[str, str]) -> None:
        sheet = self.sheets.get(ROLES.key)
        if sheet is None:
            return
        lookup = _role_lookup()
        for row in sheet.rows:
            v = row.values
            person = people.get(v.get("username", ""))
            if person is None:
                self.error(sheet, row, "username", _("“%(u)s” is not on the people sheet (or "
                                                     "has an error there).")
                           % {"u": v.get("username", "")})
                continue
            role = lookup.get(v.get("role", "").casefold())
            if role is None:
                self.error(sheet, row, "role", _("Unknown role “%(r)s”; use one of: %(roles)s.")
                           % {"r": v.get("role", ""), "roles": ", ".join(Role.values)})
                continue
            region = ""
            if v.get("region"):
                region = regions.get(v["region"], "")
                if not region:
                    self.error(sheet, row, "region", _("Unknown region “%(r)s”.")
                               % {"r": v["region"]})
                    continue
                if role not in REGIONAL_ROLES:
                    self.error(sheet, row, "region", _("This role is not tied to a region: "
                                                       "leave the region empty."))
                    continue
            elif role in REGIONAL_ROLES:
                region = person.region  # the person's own region, as the demo company does
            if role == Role.REGIONAL_MANAGER and not region:
                self.error(sheet, row, "region", _("A regional manager needs a region."))
                continue
            person.roles.add((role, region))


def _role_text(role: str, region: str) -> str:
    return f"{role}@{region}" if region else role


def _person_fields(p: _Person) -> dict:
    return {"display_name": p.name, "email": p.email, "mobile": p.mobile,
            "department": p.department, "region": p.region, "grade": p.grade,
            "manager": p.manager, "is_active": p.active}


def _user_fields(u: User) -> dict:
    return {"display_name": u.display_name, "email": u.email, "mobile": u.mobile,
            "department": u.department.code if u.department else "",
            "region": u.region.code if u.region else "", "grade": u.grade,
            "manager": u.manager.username if u.manager else "", "is_active": u.is_active}


def _diff(before: dict, after: dict) -> dict[str, list]:
    return {k: [before.get(k), after[k]] for k in after if before.get(k) != after[k]}


def build(sheets: dict[str, ParsedSheet], errors: list[RowError], *, actor=None) -> ImportPlan:
    plan = ImportPlan(errors=list(errors))
    check = _Checker(sheets, plan.errors, actor)
    departments, known_departments = check.codes(DEPARTMENTS, Department)
    regions, known_regions = check.codes(REGIONS, Region)
    people = check.people(known_departments, known_regions)
    check.roles(people, known_regions)
    absent = User.objects.filter(is_active=True).exclude(username__in=list(people))
    if actor is not None and actor.username in people and not people[actor.username].active:
        check.error(sheets[PEOPLE.key], None, "",
                    _("This workbook would deactivate your own account (%(u)s): list yourself "
                      "as active.") % {"u": actor.username})
    if plan.errors:
        return plan

    for entity, wanted, model in (("department", departments, Department),
                                  ("region", regions, Region)):
        existing = dict(model.objects.filter(code__in=list(wanted)).values_list("code", "name"))
        for code, name in wanted.items():
            if code not in existing:
                plan.changes.append(Change(entity, "create", code, {"name": [None, name]}))
            elif existing[code] != name:
                plan.changes.append(Change(entity, "update", code, {"name": [existing[code],
                                                                             name]}))

    users = {u.username: u for u in User.objects.filter(username__in=list(people))
             .select_related("department", "region", "manager")}
    current_roles: dict[int, set[tuple[str, str]]] = {}
    for user_id, role, region in RoleAssignment.objects.filter(
            user__username__in=list(people)).values_list("user_id", "role", "region__code"):
        current_roles.setdefault(user_id, set()).add((role, region or ""))
    for username, person in people.items():
        after = _person_fields(person)
        user = users.get(username)
        if user is None:
            plan.changes.append(Change("person", "create", username,
                                       {k: [None, v] for k, v in after.items()}))
            before_roles: set[tuple[str, str]] = set()
        else:
            changes = _diff(_user_fields(user), after)
            if changes:
                action = ("deactivate" if "is_active" in changes and not person.active else
                          "reactivate" if "is_active" in changes else "update")
                plan.changes.append(Change("person", action, username, changes))
            before_roles = current_roles.get(user.pk, set())
        if before_roles != person.roles:
            plan.changes.append(Change("roles", "update", username, {"roles": [
                sorted(_role_text(*r) for r in before_roles),
                sorted(_role_text(*r) for r in person.roles)]}))

    for user in absent.order_by("username"):
        if user.is_superuser or (actor is not None and user.pk == actor.pk):
            plan.kept_admins.append(user.username)
            continue
        plan.changes.append(Change("person", "deactivate", user.username,
                                   {"is_active": [True, False]}))
    plan.leavers = _leavers([c.key for c in plan.of("person") if c.action == "deactivate"])
    return plan


def _leavers(usernames: list[str]) -> list[Leaver]:
    """What the people about to be deactivated still hold: their tasks stay with them until a
    manager or an administrator reassigns them (or the deadline escalates them)."""
    if not usernames:
        return []
    from core.inbox.models import (  # core.inbox imports core.org
        OPEN_REQUEST_STATES,
        Candidate,
        Request,
        WorkItem,
    )
    from core.inbox.templatetags.countersign import step_name  # in the reader's language

    leavers = []
    for user in User.objects.filter(username__in=usernames).order_by("username"):
        tasks = [f"{item.number or item.title} · {step_name(item.step_code, item.step_label)}"
                 for item in
                 WorkItem.objects.filter(assignee=user, status="open").order_by("created")]
        queued = Candidate.objects.filter(user=user, open=True).count()
        requests = Request.objects.filter(submitter=user,
                                           status__in=OPEN_REQUEST_STATES).count()
        leavers.append(Leaver(user.username, str(user), tasks, queued, requests))
    return leavers
