"""Action items (the shipped 销售例会纪要): when a request whose template names an action-item
table is approved, each row becomes a task in its owner's inbox (process kind `form_action`),
due on the row's date, which the owner marks done with a note; SLA, reminders, overdue lists,
delegation and the audit chain are the engine's, like any task.

The definition names the table and its columns: `"action_items": {"table": key, "owner":
column, "due": column, "description": column}` (a person, a date and a text column, each
required). The task's request is filed by the request's submitter, or by its last approver
when the owner is the submitter (nobody decides a request they filed, so the owner's task
must not be filed by themselves)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from core import engine
from core.audit import services as audit
from core.exceptions import InvalidInputError, StateConflictError
from core.org.models import User

from . import rules
from .models import ActionItem, ActionItemState, Submission
from .steps import ACTION_KIND, ACTION_STEP, ACTION_STEPS

KEYS = ("table", "owner", "due", "description")


def setting(definition: dict) -> dict | None:
    value = definition.get("action_items") if isinstance(definition, dict) else None
    return value if isinstance(value, dict) else None


def check(definition: dict) -> list[str]:
    """The editor's checks of the action-item setting."""
    if definition.get("action_items") is None:
        return []
    spec = setting(definition)
    if spec is None:
        return [_("action_items is an object with table, owner, due and description.")]
    table = rules.field_map(definition).get(str(spec.get("table", "")))
    if table is None or table.get("type") != rules.TABLE:
        return [_("action_items.table names a table field.")]
    columns = {c.get("key"): c for c in table.get("columns", []) if isinstance(c, dict)}
    errors = []
    for name, kinds in (("owner", (rules.PERSON,)), ("due", (rules.DATE,)),
                        ("description", (rules.TEXT,))):
        col = columns.get(str(spec.get(name, "")))
        if col is None or col.get("type") not in kinds or not col.get("required"):
            errors.append(_("action_items.%(name)s names a required %(type)s column of the "
                            "table.") % {"name": name, "type": kinds[0]})
    unknown = set(spec) - set(KEYS)
    if unknown:
        errors.append(_("action_items: unknown keys %(keys)s.")
                      % {"keys": ", ".join(sorted(unknown))})
    return errors


def rows(definition: dict, values: dict) -> list[dict]:
    """The action items of these values: owner id, due date and description per row."""
    spec = setting(definition)
    if spec is None:
        return []
    out = []
    for i, row in enumerate(values.get(spec["table"]) or []):
        if not isinstance(row, dict):
            continue
        try:
            due = date.fromisoformat(str(row.get(spec["due"])))
            owner = int(row.get(spec["owner"]))
        except (TypeError, ValueError):
            continue
        text = str(row.get(spec["description"]) or "").strip()
        if text:
            out.append({"row": i, "owner_id": owner, "due": due, "description": text[:200]})
    return out


def open_for(obj: Submission, *, approver: User) -> list[ActionItem]:
    """On the request's approval (inside its decision's transaction): one task per row."""
    made = []
    for r in rows(obj.version.definition, obj.values):
        owner = User.objects.filter(pk=r["owner_id"], is_active=True).first()
        if owner is None:
            continue
        item, created = ActionItem.objects.get_or_create(
            submission=obj, row=r["row"],
            defaults={"owner": owner, "due": r["due"], "description": r["description"]})
        if not created:
            continue
        filer = obj.submitter if owner.pk != obj.submitter_id else approver
        engine.submit(kind=ACTION_KIND, obj=item, submitter=filer,
                      title=f"{item.description} · {obj.title}"[:200],
                      number=f"{obj.number}-{r['row'] + 1}")
        audit.record(actor=approver, subject=item, event="form_action.opened",
                     to_state=item.state,
                     data={"submission": obj.pk, "number": obj.number, "owner": owner.pk,
                           "due": item.due.isoformat()})
        made.append(item)
    return made


def cancel_for(obj: Submission, *, actor: User) -> int:
    """The request is cancelled: its open action items go with it."""
    n = 0
    for item in ActionItem.objects.select_for_update().filter(submission=obj,
                                                            state=ActionItemState.OPEN):
        req = engine.request_for(ACTION_KIND, item.pk)
        if req is not None:
            engine.cancel_open_items(req)
            engine.finish_request(req, status=engine.RequestStatus.WITHDRAWN)
        item.cancel()
        item.save(update_fields=["state"])
        audit.record(actor=actor, subject=item, event="form_action.cancelled",
                     from_state=ActionItemState.OPEN, to_state=item.state,
                     data={"submission": obj.pk})
        n += 1
    return n


# --- the engine's callbacks of kind form_action ----------------------------------------------


def detail_url(request) -> str:
    """An action item is shown on its request's page."""
    sub = ActionItem.objects.filter(pk=request.object_id).values_list("submission_id",
                                                                      flat=True).first()
    return f"/forms/requests/{sub}/"


def chain_of(request) -> list[dict]:
    item = ActionItem.objects.get(pk=request.object_id)
    return [{"code": ACTION_STEP, "label": str(ACTION_STEPS[ACTION_STEP]),
             "candidates": [item.owner_id], "note": "", "due": item.due.isoformat()}]


def _locked(request) -> ActionItem:
    return ActionItem.objects.select_for_update().get(pk=request.object_id)


def on_decision(request, work_item, decision, decider, comment) -> engine.Transition | None:
    item = _locked(request)
    if decision != engine.Decision.APPROVED:
        raise StateConflictError(_("An action item is marked done, or stays open."))
    note = (comment or "").strip()
    if not note:
        raise InvalidInputError(_("Say what was done."),
                                fields={"comment": [_("A note is required.")]})
    before = item.state
    item.mark_done()
    item.note = note
    item.save(update_fields=["state", "note", "done_at"])
    return engine.Transition(from_state=before, to_state=item.state, event="form_action.done")


def on_withdraw(request, actor, reason) -> engine.Transition:
    item = _locked(request)
    before = item.state
    item.cancel()
    item.save(update_fields=["state"])
    return engine.Transition(from_state=before, to_state=item.state)


def on_resubmit(request, actor) -> engine.Transition:
    raise StateConflictError(_("An action item is never returned for revision."))

