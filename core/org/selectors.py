"""Who is who: managers, role holders, and who acts for whom today."""

from collections.abc import Iterable
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from core import compiled
from core.txscope import TxScope

from .models import REGIONAL_ROLES, Delegation, Role, RoleAssignment, User


def today() -> date:
    # Delegation days are calendar days in the company's time zone (Asia/Shanghai).
    return timezone.localdate()


def manager_of(user: User) -> User | None:
    return user.manager if user.manager_id else None


def managers_above(user_ids: Iterable[int]) -> set[int]:
    """Everyone above these people in the line of management (one query per level)."""
    above: set[int] = set()
    frontier = set(user_ids)
    while frontier:
        bosses = set(User.objects.filter(pk__in=frontier, manager__isnull=False)
                     .values_list("manager_id", flat=True))
        frontier = bosses - above
        above |= bosses
    return above


def department_head(department_id: int, *, role: str | None = None) -> User | None:
    """The manager of a department per the org chart: its one active member (holding `role`,
    when given) whose line manager is outside the department or who has none — the top of the
    department's reporting line. None when the chart names nobody, or several such people."""
    members = User.objects.filter(department_id=department_id, is_active=True).filter(
        Q(manager__isnull=True) | ~Q(manager__department_id=department_id))
    if role is not None:
        members = members.filter(Exists(RoleAssignment.objects.filter(user=OuterRef("pk"),
                                                                      role=role)))
    found = list(members.order_by("id")[:2])
    return found[0] if len(found) == 1 else None


def holders_of(role: str, region_id: int | None = None) -> QuerySet[User]:
    """Active holders of a role; for regional roles, those holding it for that region."""
    # One assignment must carry both the role and the region: a north manager who also sells
    # in east is not east's manager.
    assignments = RoleAssignment.objects.filter(user=OuterRef("pk"), role=role)
    if role in REGIONAL_ROLES and region_id is not None:
        assignments = assignments.filter(region_id=region_id)
    return User.objects.filter(Exists(assignments), is_active=True).order_by("id")


def holder_names(role: str, region_id: int | None = None) -> dict[int, str]:
    """{id: name} of the same people as holders_of, in id order, from plain values (what a new
    task's queue and waiting list need, without loading whole users)."""
    args: dict = {"role": role}
    if role in REGIONAL_ROLES and region_id is not None:
        args["region_id"] = region_id
    # Sorted here: an ORDER BY costs Django more to compile than sorting a few rows.
    found = compiled.rows(("holder_names", "region_id" in args), _holders, **args)
    return {pk: User.name_from(*names) for pk, *names in sorted(found)}


def _holders(role: str, region_id: int | None = None) -> QuerySet:
    rows = RoleAssignment.objects.filter(role=role, user__is_active=True)
    if region_id is not None:
        rows = rows.filter(region_id=region_id)
    return rows.order_by().values_list("user_id", *(f"user__{f}" for f in User.NAME_FIELDS))


def roles_of(user: User) -> set[str]:
    cached = getattr(user, "_countersign_roles", None)
    if cached is None:
        cached = set(user.role_assignments.values_list("role", flat=True))
        user._countersign_roles = cached
    return cached


def has_role(user: User, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def is_read_only(user: User) -> bool:
    """Auditors read everything and change nothing (unless they also hold a working role)."""
    roles = roles_of(user)
    return Role.AUDITOR in roles and not (roles - {Role.AUDITOR})


def _active(on: date | None) -> Q:
    on = on or today()
    return Q(starts_on__lte=on, ends_on__gte=on)


def _filter_kind(delegations: Iterable[Delegation], kind: str | None) -> list[Delegation]:
    # `kinds == []` means every kind. A person has few delegations, so the kind test runs in
    # Python rather than through JSON operators that differ between PostgreSQL and SQLite.
    return [d for d in delegations if d.covers_kind(kind)]


_preloaded = TxScope()


def preload_delegations(*, deputies=(), principals=(), on: date | None = None) -> None:
    """Read today's delegations of these deputies and of these principals in one query, kept
    for the rest of the transaction: principals_for / deputies_of then ask no more for them."""
    on = on or today()
    deputies = {getattr(u, "pk", u) for u in deputies}
    principals = {getattr(u, "pk", u) for u in principals}
    # Plain values first: most days nobody delegates, and then this is all it costs (a
    # statement compiled once per number of people: every decision asks it).
    found = compiled.rows(("delegations", *compiled.shape(deputies, principals)), _delegations,
                          deputies=sorted(deputies), principals=sorted(principals), on=on)
    rows = [Delegation(id=pk, principal_id=p, deputy_id=d, kinds=kinds)
            for pk, p, d, kinds in found]
    if rows:
        people = User.objects.in_bulk({r.principal_id for r in rows} | {r.deputy_id for r in rows})
        for r in rows:
            r.principal, r.deputy = people[r.principal_id], people[r.deputy_id]
    _preloaded.open()[on] = (deputies, principals, rows)


def _delegations(deputies: list[int], principals: list[int], on: date) -> QuerySet:
    return (Delegation.objects.filter(Q(deputy_id__in=deputies) | Q(principal_id__in=principals),
                                      starts_on__lte=on, ends_on__gte=on)
            .order_by().values_list("id", "principal_id", "deputy_id", "kinds"))


def _kept(on: date | None, side: str, user: User | int) -> list[Delegation] | None:
    user_id = getattr(user, "pk", user)
    values = _preloaded.get()
    kept = values.get(on or today()) if values else None
    if kept is None:
        return None
    deputies, principals, rows = kept
    if side == "deputy":
        return [d for d in rows if d.deputy_id == user_id] if user_id in deputies else None
    return [d for d in rows if d.principal_id == user_id] if user_id in principals else None


def principals_for(deputy: User, *, kind: str | None = None, on: date | None = None) -> list[User]:
    """The people this deputy acts for on that day (today by default)."""
    rows: Iterable[Delegation] | None = _kept(on, "deputy", deputy)
    if rows is None:
        rows = Delegation.objects.filter(_active(on), deputy=deputy).select_related("principal")
    return [d.principal for d in _filter_kind(rows, kind)]


def delegated_kinds(deputy: User, *, on: date | None = None) -> dict[int, frozenset | None]:
    """{principal id: the process kinds this deputy handles for them today, None = all}."""
    result: dict[int, frozenset | None] = {}
    for principal_id, kinds in Delegation.objects.filter(_active(on), deputy=deputy).values_list(
        "principal_id", "kinds"
    ):
        so_far = result.get(principal_id, frozenset())
        if not kinds or so_far is None:
            result[principal_id] = None
        else:
            result[principal_id] = so_far | frozenset(kinds)
    return result


def deputies_of(principal: User | int, *, kind: str | None = None,
                on: date | None = None) -> list[User]:
    """Who acts for this person (a user or their id) on that day."""
    rows: Iterable[Delegation] | None = _kept(on, "principal", principal)
    if rows is None:
        rows = Delegation.objects.filter(_active(on), principal_id=getattr(principal, "pk",
                                                                           principal)).select_related(
            "deputy")
    return [d.deputy for d in _filter_kind(rows, kind)]


def acts_for(deputy: User, principal: User, *, kind: str | None = None, on=None) -> bool:
    if deputy.pk == principal.pk:
        return True
    return any(p.pk == principal.pk for p in principals_for(deputy, kind=kind, on=on))


def deputies_by_principal(principal_ids: Iterable[int], *, kind: str | None = None,
                          on: date | None = None) -> dict[int, list[User]]:
    """{principal id: [deputies acting for them that day]} for many people in one query (the
    route shows a future approver's deputy beside them)."""
    found: dict[int, list[User]] = {}
    rows = (Delegation.objects.filter(_active(on), principal_id__in=set(principal_ids))
            .select_related("deputy").order_by("deputy_id"))
    for d in _filter_kind(rows, kind):
        found.setdefault(d.principal_id, []).append(d.deputy)
    return found
