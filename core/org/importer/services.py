"""Apply an organisation workbook: all of it or nothing, each change audited."""

import hashlib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import services as audit
from core.audit.config import recorded_by_service
from core.exceptions import InvalidInputError, StateConflictError

from ..models import Department, OrgImport, Region, RoleAssignment, User
from . import plan as planning
from . import workbook
from .plan import ImportPlan


class ImportRefused(InvalidInputError):
    """The workbook has errors; `plan.errors` names each one's sheet, row and column."""

    def __init__(self, plan: ImportPlan):
        self.plan = plan
        super().__init__(_("The workbook has %(n)d error(s); nothing was changed.")
                         % {"n": len(plan.errors)},
                         fields={"file": [str(e) for e in plan.errors]})


def org_import_preview(*, data: bytes, actor=None) -> ImportPlan:
    """The dry run: what applying this workbook would change (or its errors). Writes nothing."""
    sheets, errors = workbook.read(data)
    return planning.build(sheets, errors, actor=actor)


def org_import_store(*, data: bytes, actor, file_name: str = "") -> tuple[OrgImport, ImportPlan]:
    """Keep an uploaded workbook (by id, not under its own name) with its preview, so that
    the person who previewed it can apply exactly that file."""
    plan = org_import_preview(data=data, actor=actor)
    # Unapplied uploads of earlier previews are of no further use.
    OrgImport.objects.filter(applied_at__isnull=True,
                             uploaded_at__lt=timezone.now() - timedelta(days=1)).delete()
    row = OrgImport.objects.create(uploaded_by=actor, file_name=file_name[-200:],
                                   sha256=hashlib.sha256(data).hexdigest(), data=data,
                                   plan_digest=plan.digest,
                                   summary={"errors": len(plan.errors), **plan.counts()})
    return row, plan


def _lock_everyone() -> None:
    # Two imports at once would each plan against the other's before-state: the second waits
    # here, then plans again against what the first committed.
    list(User.objects.select_for_update().order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def org_import_apply(*, data: bytes | None = None, actor=None, file_name: str = "",
                     stored_id: int | None = None, expected_digest: str = "") -> ImportPlan:
    """Apply the workbook (bytes, or a stored upload by id): raise ImportRefused with every
    error and change nothing, or make every change with its audit event. Applying the same
    workbook again changes nothing and records nothing."""
    _lock_everyone()
    row = None
    if stored_id is not None:
        row = OrgImport.objects.select_for_update().filter(pk=stored_id).first()
        if row is None or (actor is not None and row.uploaded_by_id != actor.pk):
            raise InvalidInputError(_("This upload is not yours or no longer exists; upload "
                                      "the workbook again."))
        if row.applied_at is not None:
            raise StateConflictError(_("This upload was applied already."))
        data, file_name = bytes(row.data), row.file_name
        expected_digest = expected_digest or row.plan_digest
    if data is None:  # pragma: no cover - one of the two branches above set it
        raise ValueError("org_import_apply needs the upload's bytes or a stored upload")
    plan = org_import_preview(data=data, actor=actor)
    if plan.errors:
        raise ImportRefused(plan)
    if expected_digest and plan.digest != expected_digest:
        raise StateConflictError(_("The organisation changed since the preview; preview the "
                                   "workbook again."))
    if not plan.changes:
        return plan
    with recorded_by_service():  # each change writes its own org.* event, not a config.* too
        _apply(plan, actor)
    if row is None:
        row = OrgImport(uploaded_by=actor, file_name=file_name[-200:],
                        sha256=hashlib.sha256(data).hexdigest(), data=data)
    row.plan_digest, row.summary, row.applied_at = plan.digest, plan.counts(), timezone.now()
    row.save()
    audit.record(actor=actor, subject=row, event="org.imported", data={
        "sha256": row.sha256, "file_name": row.file_name, "counts": plan.counts(),
        "deactivated": [c.key for c in plan.of("person") if c.action == "deactivate"]})
    return plan


def _apply(plan: ImportPlan, actor) -> None:
    for entity, model in (("department", Department), ("region", Region)):
        for change in plan.of(entity):
            obj, _created = model.objects.update_or_create(
                code=change.key, defaults={"name": change.changes["name"][1]})
            audit.record(actor=actor, subject=obj, event=change.event, changes=change.changes)
    departments = dict(Department.objects.values_list("code", "pk"))
    regions = dict(Region.objects.values_list("code", "pk"))
    people = plan.of("person")
    users = {u.username: u for u in User.objects.filter(username__in=[c.key for c in people])}
    for change in people:  # first without managers: a manager may be created further down
        user = users.get(change.key) or User(username=change.key)
        if user.pk is None:
            user.set_unusable_password()  # they sign in once an administrator sets a password
        for name, (_before, after) in change.changes.items():
            if name == "department":
                user.department_id = departments[after]
            elif name == "region":
                user.region_id = regions[after] if after else None
            elif name != "manager":
                setattr(user, name, after)
        user.save()
        users[change.key] = user
    by_name = {u.username: u for u in User.objects.filter(
        username__in=[c.changes["manager"][1] for c in people
                      if c.changes.get("manager", [None, ""])[1]])}
    for change in people:
        user = users[change.key]
        if "manager" in change.changes:
            after = change.changes["manager"][1]
            user.manager = by_name[after] if after else None
            user.save(update_fields=["manager"])
        audit.record(actor=actor, subject=user, event=change.event, changes=change.changes)
    for change in plan.of("roles"):
        user = users.get(change.key) or User.objects.get(username=change.key)
        before, after = (set(v) for v in change.changes["roles"])
        for text in before - after:
            role, _sep, region = text.partition("@")
            rows = RoleAssignment.objects.filter(user=user, role=role)
            rows = rows.filter(region_id=regions[region]) if region else rows.filter(
                region__isnull=True)
            rows.delete()
        RoleAssignment.objects.bulk_create([
            RoleAssignment(user=user, role=role, region_id=regions[region] if region else None)
            for role, _sep, region in (text.partition("@") for text in sorted(after - before))])
        audit.record(actor=actor, subject=user, event=change.event, changes=change.changes)
