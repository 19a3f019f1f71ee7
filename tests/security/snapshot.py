"""Every row of the governed models before and after a write, and what changed between the
two: the mass-assignment tests assert that only what the endpoint legitimately changes did, and
that no value sent as an extra field reached any row. Not collected (no test_ prefix)."""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.apps import apps

MODELS = [
    "expenses.ExpenseClaim", "expenses.ExpenseLine", "expenses.Budget",
    "contracts.Customer", "contracts.CreditLimitChange", "contracts.Contract",
    "contracts.Milestone", "contracts.ExecutionProblem", "contracts.Product",
    "contracts.ContractLine", "contracts.Interaction",
    "plans.Plan", "plans.RegionMonth", "plans.PersonMonth", "plans.Actual",
    "risks.Risk", "risks.Assessment", "risks.Measure", "risks.Review",
    "inbox.Request", "inbox.WorkItem", "inbox.Attachment", "org.User",
    "forms.Submission", "forms.ActionItem", "reports.SalesReport",
]

# Values sent as extra fields: none may reach a row.
SENTINEL_TEXT = "HACK-0001"
SENTINEL_MONEY = Decimal("13.37")
SENTINEL_VERSION = 99
SENTINEL_TIME = "2001-02-03T04:05:06+00:00"
USER_FIELDS = {"submitter_id", "owner_id", "author_id", "account_owner_id", "prepared_by_id",
               "decided_by_id", "approved_by_id", "requested_by_id", "raised_by_id",
               "identified_by_id", "uploaded_by_id", "recorded_by_id", "returned_by_id",
               "acting_for_id", "resolved_by_id", "assignee_id", "done_by_id"}


def hostile(*, admin_id: int, budget_id: int | None = None, **legit) -> dict:
    """The extra fields of issue 9 (and their cousins) with values no legitimate write makes;
    the endpoint's own fields in `legit` win."""
    body = {
        "status": "approved", "state": "approved", "approved_by": admin_id,
        "owner": admin_id, "submitter": admin_id, "author": admin_id,
        "account_owner": admin_id, "prepared_by": admin_id, "decided_by": admin_id,
        "identified_by": admin_id, "raised_by": admin_id, "acting_for": admin_id,
        "budget": budget_id, "number": SENTINEL_TEXT, "payment_reference": SENTINEL_TEXT,
        "credit_breach": False, "open_receivables": str(SENTINEL_MONEY),
        "credit_limit": str(SENTINEL_MONEY), "amount": str(SENTINEL_MONEY),
        "value": str(SENTINEL_MONEY), "total": str(SENTINEL_MONEY),
        "approved_total": str(SENTINEL_MONEY), "target": str(SENTINEL_MONEY),
        "version": SENTINEL_VERSION, "transitions": SENTINEL_VERSION,
        "paid_at": SENTINEL_TIME, "signed_at": SENTINEL_TIME,
        "published_at": SENTINEL_TIME, "submitted_at": SENTINEL_TIME,
        "in_force_at": SENTINEL_TIME, "decided_at": SENTINEL_TIME, "done_date": "2001-02-03",
        "level": "low", "score": 1, "id": 999999,
    }
    body.update(legit)
    return {k: v for k, v in body.items() if v is not None}


def snapshot() -> dict[tuple[str, int], dict]:
    rows = {}
    for label in MODELS:
        model = apps.get_model(label)
        pk = model._meta.pk.attname
        for row in model.objects.values():
            rows[(label, row[pk])] = row
    return rows


@dataclass
class Diff:
    created: dict[tuple[str, int], dict] = field(default_factory=dict)
    deleted: list[tuple[str, int]] = field(default_factory=list)
    changed: dict[tuple[str, int], dict[str, tuple]] = field(default_factory=dict)
    admin_id: int | None = None  # a user sent as owner, submitter, ...: no row may name them

    def created_of(self, label: str) -> list[dict]:
        return [row for (lab, _pk), row in self.created.items() if lab == label]

    def unexpected(self, *, changes: dict[str, set[str]] | None = None,
                   creates: set[str] = frozenset()) -> list[str]:
        """What changed that the endpoint has no business changing, and any sentinel value
        found in a row it created or changed."""
        changes = changes or {}
        found = [f"deleted {key}" for key in self.deleted]
        found += [f"created {key}" for key in self.created if key[0] not in creates]
        for key, fields in self.changed.items():
            allowed = changes.get(key[0], set())
            if "state" in allowed:  # a transition counts itself (core.fsm_guard.Governed)
                allowed = {*allowed, "transitions"}
            extra = {f: v for f, v in fields.items() if allowed != "*" and f not in allowed}
            if extra:
                found.append(f"changed {key}: {extra}")
        rows = [(key, row) for key, row in self.created.items()]
        rows += [(key, {f: new for f, (_old, new) in fields.items()})
                 for key, fields in self.changed.items()]
        found += [f"sentinel in {key}: {name}={value!r}" for key, row in rows
                  for name, value in row.items() if _is_sentinel(name, value, self.admin_id)]
        return found


def _is_sentinel(name: str, value, admin_id: int | None) -> bool:
    if isinstance(value, str) and SENTINEL_TEXT in value:
        return True
    if isinstance(value, Decimal) and value == SENTINEL_MONEY:
        return True
    if name in ("version", "transitions") and value == SENTINEL_VERSION:
        return True
    if isinstance(value, datetime) and value.year == 2001:
        return True
    return name in USER_FIELDS and value is not None and value == admin_id


def diff(before: dict, after: dict, admin_id: int | None = None) -> Diff:
    d = Diff(admin_id=admin_id)
    for key, row in after.items():
        old = before.get(key)
        if old is None:
            d.created[key] = row
            continue
        fields = {f: (old[f], v) for f, v in row.items() if old.get(f) != v}
        if fields:
            d.changed[key] = fields
    d.deleted = [key for key in before if key not in after]
    return d


def watch(call):
    """(response, Diff) of a call."""
    from core.org.models import User

    before = snapshot()
    response = call()
    admin_id = User.objects.filter(username="admin").values_list("pk", flat=True).first()
    return response, diff(before, snapshot(), admin_id)
