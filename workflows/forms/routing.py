"""A template's routing: its steps resolved for one submitter and one set of values into the
engine's approval chain (`{"code", "label", "candidates", "note"}` per step, plus the step's
key and SLA hours). The route preview and the chain a submission gets are this one function,
so the preview is what happens. Never the submitter or anyone acting for them (policy: nobody
approves their own request): such a step moves one level up their line, then to the
administrators, and says so.

A step: `{"key", "label": {"zh", "en"}, "type": "line_manager" | "role" | "people" |
"field_person" | "matrix", "levels": n, "role": code, "by_region": bool, "people": [ids],
"field": key, "mode": "all" | "any" | "quorum", "quorum": n, "when": condition, "sla_hours": n}`.
Mode "any" (或签) is one task any of them takes; "all" asks each of them in turn; "quorum"
(n-of-m, 会签 when n is all of them) opens one task per person at once and the step is
decided when n approved (core/inbox/quorum.py). "matrix" is the
authority matrix of this process for the template's code as category (amount bands, with the
matrix's own checks for gaps and overlaps), read with the value of `amount_field`.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.authority.models import LINE_MANAGER, STEP_CHOICES, AuthorityMatrix
from core.authority.rules import BandValue, band_errors
from core.authority.services import approval_chain, step_quorum
from core.exceptions import MatrixConfigurationError
from core.org import selectors as org
from core.org.models import Role, User

from . import rules
from .steps import APPROVER_STEP, KIND

STEP_TYPES = ("line_manager", "role", "people", "field_person", "matrix")
MODES = ("all", "any", "quorum")
ONE_PERSON = ("line_manager", "field_person")
CC_TYPES = ("role", "people", "field_person")


def _manager_levels_up(user: User, levels: int) -> User | None:
    person: User | None = user
    for _level in range(max(1, levels)):
        person = org.manager_of(person) if person is not None else None
    return person


def _climb(people: list[User], excluded: set[int]) -> list[User]:
    """One level up from people who may not act, repeated until someone may."""
    seen: set[int] = set()
    frontier = people
    while frontier:
        above = []
        for person in frontier:
            boss = org.manager_of(person)
            if boss is None or boss.pk in seen:
                continue
            seen.add(boss.pk)
            above.append(boss)
        allowed = [b for b in above if b.pk not in excluded and b.is_active]
        if allowed:
            return allowed
        frontier = above
    return []


def _resolve(step: dict, values: dict, submitter: User, region_id) -> list[User]:
    kind = step.get("type")
    if kind == "line_manager":
        boss = _manager_levels_up(submitter, int(step.get("levels") or 1))
        return [boss] if boss is not None else []
    if kind == "role":
        return list(org.holders_of(step.get("role", ""),
                                   region_id if step.get("by_region") else None))
    if kind == "people":
        ids = [int(pk) for pk in step.get("people", []) if str(pk).isdigit()]
        return list(User.objects.filter(pk__in=ids, is_active=True).order_by("pk"))
    if kind == "field_person":
        pk = values.get(step.get("field", ""))
        return list(User.objects.filter(pk=pk, is_active=True)) if pk else []
    return []


def _code(step: dict) -> str:
    if step.get("type") == "line_manager" and int(step.get("levels") or 1) == 1:
        return LINE_MANAGER
    if step.get("type") == "role":
        return str(step.get("role"))
    return APPROVER_STEP


def chain(definition: dict, values: dict, submitter: User, *, category: str,
          region_id: int | None = None) -> list[dict]:
    """The approval chain of these values for this submitter (the route preview too)."""
    region_id = region_id or submitter.region_id
    excluded = {submitter.pk} | {d.pk for d in org.deputies_of(submitter, kind=KIND)}
    out: list[dict] = []

    def add(code: str, label: str, people: list[User], note: str, step: dict,
            quorum: int | None = None) -> None:
        ids = sorted({u.pk for u in people})
        if out and len(ids) == 1 and out[-1]["candidates"] == ids:
            return  # the same single person twice in a row decides once
        out.append({"code": code, "label": label, "candidates": ids, "note": note,
                    "key": step.get("key", ""), "sla_hours": step.get("sla_hours"),
                    **({"quorum": quorum} if quorum else {})})

    steps = [s for s in definition.get("steps", []) if rules.holds(s.get("when"), values)]
    if not steps:
        # Every step's condition is off for these values: a request is never approved by
        # nobody, so the line manager approves it (and the preview says so).
        steps = [{"key": "fallback", "type": "line_manager", "levels": 1,
                  "label": {"zh": "直属上级", "en": "Line manager"}}]
    for step in steps:
        label = rules.text(step.get("label")) or str(step.get("type"))
        if step.get("type") == "matrix":
            amount = rules._number(values.get(definition.get("amount_field", ""))) or Decimal(0)
            for s in approval_chain(KIND, amount, submitter, category=category,
                                    region=region_id):
                add(s.code, s.label, list(s.candidates), s.note, step, s.quorum)
            continue
        resolved = _resolve(step, values, submitter, region_id)
        allowed = [u for u in resolved if u.pk not in excluded]
        note = ""
        if resolved and not allowed:
            allowed = _climb(resolved, excluded)
            note = gettext_noop("Resolved to the submitter or their deputy; moved one level up.")
        if not allowed:
            allowed = [u for u in org.holders_of(Role.ADMINISTRATOR) if u.pk not in excluded]
            note = gettext_noop("Nobody else may approve this step; routed to the "
                                "administrators.")
            if not allowed:
                raise MatrixConfigurationError(
                    _("Nobody may approve step %(step)s of this request.") % {"step": label})
        code = _code(step)
        if step.get("mode") == "quorum" and len(allowed) > 1:
            n, note = step_quorum(step.get("quorum"), len(allowed), note)
            add(code, label, allowed, note, step, n)
        elif step.get("mode") == "all" and len(allowed) > 1:
            for n, person in enumerate(allowed, 1):
                add(code, f"{label} ({n}/{len(allowed)})", [person], note, step)
        else:
            add(code, label, allowed, note, step)
    return out


def cc_people(definition: dict, values: dict, submitter: User, region_id=None) -> list[int]:
    """Who is copied on the request's outcome (CC rules whose condition holds)."""
    ids: set[int] = set()
    for rule in definition.get("cc", []):
        if rules.holds(rule.get("when"), values):
            ids |= {u.pk for u in _resolve(rule, values, submitter,
                                           region_id or submitter.region_id)}
    ids.discard(submitter.pk)
    return sorted(ids)


def check_steps(definition: dict, *, category: str) -> list[str]:
    """The routing's checks on save: known step types, a step that can resolve to somebody,
    a person field that is required, bands of the matrix that cover every amount."""
    errors: list[str] = []
    fields = rules.field_map(definition)
    steps = definition.get("steps")
    if not isinstance(steps, list) or not steps:
        return [_("A template needs at least one approval step.")]
    keys = set()
    for i, step in enumerate(steps, 1):
        where = _("Step %(n)s") % {"n": i}
        if not isinstance(step, dict):
            errors.append(_("%(where)s is not an object.") % {"where": where})
            continue
        kind = step.get("type")
        if step.get("key") in keys:
            errors.append(_("%(where)s: the key is used twice.") % {"where": where})
        keys.add(step.get("key"))
        if kind not in STEP_TYPES:
            errors.append(_("%(where)s: unknown step type %(type)s.") % {"where": where,
                                                                        "type": kind})
            continue
        if step.get("mode", "any") not in MODES:
            errors.append(_("%(where)s: the mode is \"all\", \"any\" or \"quorum\".")
                          % {"where": where})
        elif step.get("mode") == "quorum":
            errors += _quorum_errors(step, where)
        sla = step.get("sla_hours")
        if sla is not None and (rules._number(sla) is None or rules._number(sla) <= 0):
            errors.append(_("%(where)s: the SLA is a positive number of hours.")
                          % {"where": where})
        if kind == "role":
            if step.get("role") not in Role.values:
                errors.append(_("%(where)s: unknown role %(role)s.") % {"where": where,
                                                                       "role": step.get("role")})
            elif not org.holders_of(step["role"]).exists():
                errors.append(_("%(where)s: nobody holds the role %(role)s.")
                              % {"where": where, "role": step["role"]})
        if kind == "people":
            ids = [int(p) for p in step.get("people", []) if str(p).isdigit()]
            if not User.objects.filter(pk__in=ids, is_active=True).exists():
                errors.append(_("%(where)s: name at least one active person.")
                              % {"where": where})
        if kind == "field_person":
            f = fields.get(step.get("field", ""))
            if f is None or f.get("type") != rules.PERSON:
                errors.append(_("%(where)s: choose a person field of the form.")
                              % {"where": where})
            elif not f.get("required") or f.get("visible_when"):
                errors.append(_("%(where)s: the person field must be required and always "
                                "shown, or the step could resolve to nobody.")
                              % {"where": where})
        if kind == "matrix":
            f = fields.get(definition.get("amount_field", ""))
            if f is None or f.get("type") not in rules.NUMERIC:
                errors.append(_("%(where)s: an amount band step needs the template's amount "
                                "field (a money or number field).") % {"where": where})
            else:
                errors += _matrix_errors(category, where)
        errors += _cond_errors(step.get("when"), fields, where)
    for j, rule in enumerate(definition.get("cc", []) or [], 1):
        if not isinstance(rule, dict) or rule.get("type") not in CC_TYPES:
            errors.append(_("CC rule %(n)s: the type is role, people or field_person.")
                          % {"n": j})
    return errors


def _quorum_errors(step: dict, where: str) -> list[str]:
    """n-of-m: n a whole number from 1, on a step that resolves to several people, and no more
    than the people it names or who hold its role today (n ≤ m)."""
    n = step.get("quorum")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        return [_("%(where)s: say how many must approve (a whole number from 1).")
                % {"where": where}]
    kind = step.get("type")
    if kind in ONE_PERSON or kind == "matrix":
        return [_("%(where)s: this step resolves to one person (or to the matrix's own "
                  "steps): it cannot need several signers.") % {"where": where}]
    if kind == "people":
        m = User.objects.filter(pk__in=[int(p) for p in step.get("people", [])
                                        if str(p).isdigit()], is_active=True).count()
    else:
        m = org.holders_of(str(step.get("role", ""))).count() if step.get("role") in \
            Role.values else 0
    if m and n > m:
        return [_("%(where)s: %(n)d must approve but only %(m)d can sign.")
                % {"where": where, "n": n, "m": m}]
    return []


def _matrix_errors(category: str, where: str) -> list[str]:
    """The matrix's own checks (coverage from 0, no gap, no overlap, known steps) on the
    template's bands: every scope of kind `form` with the template's code as category."""
    matrices = list(AuthorityMatrix.objects.filter(kind=KIND, category=category)
                    .prefetch_related("bands"))
    if not matrices:
        return [_("%(where)s: the authority matrix has no bands for this template "
                  "(category %(code)s).") % {"where": where, "code": category}]
    valid = {code for code, _label in STEP_CHOICES}
    errors = []
    for matrix in matrices:
        bands = [BandValue(label=_("band %(n)s") % {"n": i}, min_amount=b.min_amount,
                           max_amount=b.max_amount, steps=tuple(b.steps))
                 for i, b in enumerate(sorted(matrix.bands.all(),
                                              key=lambda b: b.min_amount), 1)]
        errors += [f"{where}: {e}" for e in band_errors(bands, valid)]
    return errors


def _cond_errors(cond, fields, where) -> list[str]:
    errors: list[str] = []
    rules._check_cond(cond, fields, where, errors)
    return errors
