"""Every write of the template process: templates (draft, publish, disable) and the requests
made with them (submit, revise), and the engine's callbacks. A request follows the version it
was submitted under: its chain is resolved from that version's routing, on submit and again
on resubmit, and a newer version never reaches it."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import compiled, engine
from core.audit import services as audit
from core.exceptions import (
    InvalidInputError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    StateConflictError,
)
from core.numbers import next_number
from core.org import selectors as org
from core.org.models import Department, Region, Role, User

from . import action_items, budget, routing, rules
from .models import FormTemplate, Submission, SubmissionState, TemplateVersion
from .steps import KIND

# --- who may do what ------------------------------------------------------------------------


def may_manage(user, template: FormTemplate | None = None) -> bool:
    """Administrators manage every template; a template's process owner manages it."""
    if not user.is_authenticated or org.is_read_only(user):
        return False
    if org.has_role(user, Role.ADMINISTRATOR):
        return True
    return template is not None and template.owner_id == user.pk


def manages_any(user) -> bool:
    return may_manage(user) or (user.is_authenticated and _owns_a_template(user))


def _templates_of(owner_id: int):
    return FormTemplate.objects.filter(owner_id=owner_id).order_by().values_list("pk")[:1]


def _owns_a_template(user) -> bool:
    """Whether the user owns a form template; the menu asks on every page (`manages_any`), so
    the statement is compiled once (core.compiled)."""
    return bool(compiled.rows(("owns_a_template",), _templates_of, owner_id=user.pk))


def may_submit(user, template: FormTemplate) -> bool:
    if not user.is_authenticated or not template.enabled or org.is_read_only(user):
        return False
    if template.submit_roles and not (org.roles_of(user) & set(template.submit_roles)):
        return False
    if template.submit_departments and user.department_id not in template.submit_departments:
        return False
    return not (template.submit_regions and user.region_id not in template.submit_regions)


def known_ids(definition: dict, values: dict | None = None) -> dict[str, set[int]]:
    """The person, department and region ids a submission's values may name."""
    types = {f.get("type") for f in definition.get("fields", [])} | {
        c.get("type") for f in definition.get("fields", []) for c in f.get("columns", []) or []}
    known: dict[str, set[int]] = {}
    if rules.PERSON in types:
        known[rules.PERSON] = set(User.objects.filter(is_active=True).values_list("pk",
                                                                                 flat=True))
    if rules.DEPARTMENT in types:
        known[rules.DEPARTMENT] = set(Department.objects.values_list("pk", flat=True))
    if rules.REGION in types:
        known[rules.REGION] = set(Region.objects.values_list("pk", flat=True))
    return known


def check_definition(definition, *, category: str) -> list[str]:
    if not isinstance(definition, dict):
        return [_("The definition is a JSON object with fields and steps.")]
    errors = rules.check_fields(definition.get("fields"))
    if errors:
        return errors
    errors = routing.check_steps(definition, category=category)
    fields = rules.field_map(definition)
    for name, types in (("amount_field", rules.NUMERIC), ("title_field", None)):
        key = definition.get(name)
        if key and (key not in fields or (types and fields[key].get("type") not in types)):
            errors.append(_("%(name)s names no suitable field.") % {"name": name})
    return errors + budget.check(definition) + action_items.check(definition)


# --- templates ------------------------------------------------------------------------------


def _locked_template(template_id: int) -> FormTemplate:
    return FormTemplate.objects.select_for_update().get(pk=template_id)


@transaction.atomic
def template_create(*, actor: User, code: str, name_zh: str, name_en: str,
                    number_prefix: str, category: str = "", definition: dict | None = None,
                    owner: User | None = None) -> FormTemplate:
    if not may_manage(actor):
        raise PermissionDeniedError(_("Only administrators create approval templates."))
    if FormTemplate.objects.filter(code=code).exists():
        raise InvalidInputError(fields={"code": [_("A template with this code exists.")]})
    template = FormTemplate(code=code, name_zh=name_zh, name_en=name_en, category=category,
                            number_prefix=number_prefix, owner=owner)
    template.full_clean()
    template.save()  # audited as configuration (core.audit.config)
    if definition is not None:
        template_save_draft(actor=actor, template_id=template.pk, definition=definition)
        template.refresh_from_db()
    return template


@transaction.atomic
def template_save_draft(*, actor: User, template_id: int, definition) -> FormTemplate:
    """Keep the draft of the next version; it is checked here so that what is saved can be
    published (errors under "definition")."""
    template = _locked_template(template_id)
    if not may_manage(actor, template):
        raise PermissionDeniedError()
    errors = check_definition(definition, category=template.code)
    if errors:
        raise InvalidInputError(_("The template cannot be saved as it stands."),
                                fields={"definition": errors})
    current = template.current()
    template.draft = definition
    template.draft_updated = timezone.now()
    template.save(update_fields=["draft", "draft_updated"])
    audit.record(actor=actor, subject=template, event="form_template.draft_saved",
                 data={"diff": rules.diff(current.definition if current else {}, definition)})
    return template


@transaction.atomic
def template_publish(*, actor: User, template_id: int, note: str = "") -> TemplateVersion:
    template = _locked_template(template_id)
    if not may_manage(actor, template):
        raise PermissionDeniedError()
    if template.draft is None:
        raise StateConflictError(_("There is no draft to publish."))
    errors = check_definition(template.draft, category=template.code)
    if errors:
        raise InvalidInputError(fields={"definition": errors})
    current = template.current()
    version = TemplateVersion.objects.create(
        template=template, number=(current.number + 1) if current else 1,
        definition=template.draft, published_by=actor, note=note[:200])
    template.draft = None
    template.draft_updated = None
    template.save(update_fields=["draft", "draft_updated"])
    audit.record(actor=actor, subject=template, event="form_template.published",
                 comment=note, data={"version": version.number,
                                     "diff": rules.diff(current.definition if current else {},
                                                        version.definition)})
    return version


@transaction.atomic
def template_set_enabled(*, actor: User, template_id: int, enabled: bool) -> FormTemplate:
    """Disabling stops new submissions only: running requests go on (audited as configuration
    by the row's signals)."""
    template = _locked_template(template_id)
    if not may_manage(actor, template):
        raise PermissionDeniedError()
    template.enabled = enabled
    template.save(update_fields=["enabled"])
    return template


@transaction.atomic
def template_set_audience(*, actor: User, template_id: int, roles: list[str],
                          department_ids: list[int], region_ids: list[int],
                          owner_id: int | None = None, keep_owner: bool = True) -> FormTemplate:
    """Who may submit (empty lists: everyone) and, for administrators, the process owner;
    audited as configuration by the row's signals."""
    template = _locked_template(template_id)
    if not may_manage(actor, template):
        raise PermissionDeniedError()
    errors = {}
    if set(roles) - set(Role.values):
        errors["roles"] = [_("Choose from the list.")]
    if set(department_ids) - set(Department.objects.values_list("pk", flat=True)):
        errors["departments"] = [_("Choose from the list.")]
    if set(region_ids) - set(Region.objects.values_list("pk", flat=True)):
        errors["regions"] = [_("Choose from the list.")]
    if not keep_owner and owner_id is not None and not User.objects.filter(
            pk=owner_id, is_active=True).exists():
        errors["owner"] = [_("Choose from the list.")]
    if errors:
        raise InvalidInputError(fields=errors)
    template.submit_roles = sorted(set(roles))
    template.submit_departments = sorted(set(department_ids))
    template.submit_regions = sorted(set(region_ids))
    fields = ["submit_roles", "submit_departments", "submit_regions"]
    if not keep_owner:
        if not may_manage(actor):  # only administrators name the process owner
            raise PermissionDeniedError()
        template.owner_id = owner_id
        fields.append("owner")
    template.save(update_fields=fields)
    return template


def template_edit_start(*, actor: User, template_id: int) -> FormTemplate:
    """Editing a published template starts the draft of its next version from the current."""
    with transaction.atomic():
        template = _locked_template(template_id)
        if not may_manage(actor, template):
            raise PermissionDeniedError()
        if template.draft is None:
            current = template.current()
            template.draft = current.definition if current else {"fields": [], "steps": []}
            template.draft_updated = timezone.now()
            template.save(update_fields=["draft", "draft_updated"])
        return template


# --- requests -------------------------------------------------------------------------------


def _title(template: FormTemplate, definition: dict, values: dict, actor: User) -> str:
    key = definition.get("title_field")
    if key and values.get(key) not in (None, ""):
        return f"{template.name}: {values[key]}"[:200]
    return f"{template.name} · {actor}"[:200]


def _amount(definition: dict, values: dict) -> Decimal | None:
    key = definition.get("amount_field")
    number = rules._number(values.get(key)) if key else None
    return number.quantize(Decimal("0.01")) if number is not None else None


def validate_values(version: TemplateVersion, raw: dict, *, obj: Submission | None = None,
                    actor: User | None = None) -> dict:
    values, errors = rules.validate(version.definition, raw,
                                    known=known_ids(version.definition))
    errors.update(link_files(version.definition, values, obj=obj, actor=actor))
    if errors:
        raise InvalidInputError(fields=errors)
    return values


def link_files(definition: dict, values: dict, *, obj: Submission | None,
               actor: User | None) -> dict[str, list[str]]:
    """The files an attachment field names by id must be uploads to this request by its
    submitter (never someone else's, never another request's): each gets its stored name.
    Returns errors by field key; fills the names in place."""
    errors: dict[str, list[str]] = {}
    req = engine.request_for(KIND, obj.pk) if obj is not None and obj.pk else None
    for f in definition.get("fields", []):
        items = values.get(f["key"]) if f.get("type") == rules.ATTACHMENT else None
        refs = [v for v in items or [] if isinstance(v, dict)]
        if not refs:
            continue
        found = {a.pk: a for a in engine.Attachment.objects.filter(
            request=req, pk__in=[v["id"] for v in refs], uploaded_by=actor)} if (
            req is not None and actor is not None) else {}
        if any(v["id"] not in found for v in refs):
            errors[f["key"]] = [_("Name only files you uploaded to this request.")]
            continue
        for v in refs:
            v["name"] = found[v["id"]].original_name
    return errors


def route_preview(*, template: FormTemplate, submitter: User, raw: dict) -> list[dict]:
    """The chain these values would get (values as valid as they are: the rest blank)."""
    version = template.current()
    if version is None:
        return []
    values, _errors = rules.validate(version.definition, raw,
                                     known=known_ids(version.definition))
    steps = routing.chain(version.definition, values, submitter, category=template.code)
    # over the budget left now, under a rule that adds an approval: the step it adds (a rule
    # that refuses says so when the request is submitted)
    if budget.setting(version.definition):
        try:
            over = budget.over_at_submit(version.definition, values, submitter)
        except budget.OverBudgetError:
            over = False
        if over:
            steps = _over_budget_step(steps, values, submitter, category=template.code)
    return steps


def editor_route_preview(*, definition: dict, values: dict, submitter: User,
                         category: str) -> list[dict]:
    """The template editor's route preview of a definition for an example submitter and
    values: the chain, and for a template with a budget the step its category's over-budget
    rule adds — as it stands when these values are over what remains now, else marked
    conditional ("only if over the budget left"); under a rule that refuses, a line saying a
    request over the budget is refused."""
    steps = routing.chain(definition, values, submitter, category=category)
    spec = budget.setting(definition)
    if spec is None:
        return steps
    try:
        over = budget.over_at_submit(definition, values, submitter)
    except budget.OverBudgetError as exc:  # over now, and the rule refuses (or no budget)
        return [*steps, {"key": "over_budget", "code": "over_budget", "candidates": [],
                         "label": _("Over the budget left"), "refused": str(exc.message)}]
    if not budget.allows_over(spec["category"]):
        return [*steps, {"key": "over_budget", "code": "over_budget", "candidates": [],
                         "label": _("Over the budget left"),
                         "condition": _("only if over the budget left"),
                         "refused": _("the request is refused when it is submitted")}]
    extra = _over_budget_step(list(steps), values, submitter, category=category)[len(steps):]
    if not over:
        extra = [{**step, "condition": _("only if over the budget left")} for step in extra]
    return [*steps, *extra]


@transaction.atomic
def submission_submit(*, actor: User, template_id: int, values: dict,
                      draft: bool = False, cc=()) -> Submission:
    """A request with the template's current version: validated, numbered, routed (or kept
    as a draft, which shows in "my requests")."""
    if org.is_read_only(actor):
        raise ReadOnlyRoleError()
    template = FormTemplate.objects.select_for_update().get(pk=template_id)
    if not may_submit(actor, template):
        raise PermissionDeniedError(_("You may not submit this template, or it is disabled."))
    version = template.current()
    if version is None:
        raise StateConflictError(_("This template has no published version yet."))
    if draft:
        clean = rules.validate(version.definition, values, known=known_ids(version.definition))[0]
        errors = link_files(version.definition, clean, obj=None, actor=actor)
        if errors:
            raise InvalidInputError(fields=errors)
    else:
        clean = validate_values(version, values, obj=None, actor=actor)
    obj = Submission.objects.create(
        version=version, template=template, submitter=actor, values=clean,
        title=_title(template, version.definition, clean, actor),
        amount=_amount(version.definition, clean))
    obj.number = next_number(template.number_prefix or "FORM")
    if draft:
        obj.save(update_fields=["number"])
        engine.open_draft(kind=KIND, obj=obj, submitter=actor, title=obj.title,
                          amount=obj.amount, number=obj.number, category=template.code)
        audit.record(actor=actor, subject=obj, event="form.drafted",
                     data={"template": template.code, "version": version.number})
        return obj
    return _send(obj, actor, cc)


def _send(obj: Submission, actor: User, cc=()) -> Submission:
    obj.over_budget = budget.over_at_submit(obj.version.definition, obj.values, actor)
    obj.submit()
    obj.save()
    engine.submit(kind=KIND, obj=obj, submitter=actor, title=obj.title, amount=obj.amount,
                  number=obj.number, category=obj.template.code, cc=cc)
    audit.record(actor=actor, subject=obj, event="form.submitted",
                 from_state=SubmissionState.DRAFT, to_state=SubmissionState.SUBMITTED,
                 data={"template": obj.template.code, "version": obj.version.number})
    return obj


@transaction.atomic
def submission_send_draft(*, actor: User, submission_id: int, values: dict,
                          cc=()) -> Submission:
    obj = Submission.objects.select_for_update().select_related("version", "template").get(
        pk=submission_id)
    if obj.submitter_id != actor.pk:
        raise PermissionDeniedError()
    if obj.state != SubmissionState.DRAFT:
        raise StateConflictError()
    obj.values = validate_values(obj.version, values, obj=obj, actor=actor)
    obj.title = _title(obj.template, obj.version.definition, obj.values, actor)
    obj.amount = _amount(obj.version.definition, obj.values)
    return _send(obj, actor, cc)


@transaction.atomic
def submission_revise(*, actor: User, submission_id: int, values: dict,
                      comment: str = "") -> Submission:
    """The submitter's revision of a returned request, under the version it was made with,
    then resubmitted (its chain is resolved again from the new values)."""
    obj = Submission.objects.select_for_update().select_related("version", "template").get(
        pk=submission_id)
    if obj.submitter_id != actor.pk:
        raise PermissionDeniedError(_("Only the submitter can revise a request."))
    if obj.state != SubmissionState.RETURNED:
        raise StateConflictError(_("Only a request returned for revision can be revised."))
    before = obj.values
    obj.values = validate_values(obj.version, values, obj=obj, actor=actor)
    obj.title = _title(obj.template, obj.version.definition, obj.values, actor)
    obj.amount = _amount(obj.version.definition, obj.values)
    obj.save(update_fields=["values", "title", "amount"])
    audit.record(actor=actor, subject=obj, event="form.revised",
                 changes=audit.diff(before, obj.values))
    req = engine.request_for(KIND, obj.pk)
    engine.request_resubmit(request_id=req.pk, actor=actor, comment=comment)
    return obj


# --- the engine's callbacks -----------------------------------------------------------------


def chain_of(request) -> list[dict]:
    obj = Submission.objects.select_related("version", "template", "submitter").get(
        pk=request.object_id)
    steps = routing.chain(obj.version.definition, obj.values, obj.submitter,
                          category=obj.template.code, region_id=request.region_id)
    return _over_budget_step(steps, obj.values, obj.submitter, category=obj.template.code,
                             region_id=request.region_id) if obj.over_budget else steps


def _over_budget_step(steps: list[dict], values: dict, submitter: User, *, category: str,
                      region_id=None) -> list[dict]:
    """The category's over-budget rule adds the sales GM's approval, last (decided once when
    the last step is already theirs alone)."""
    extra = routing.chain({"steps": [OVER_BUDGET_STEP]}, values, submitter, category=category,
                          region_id=region_id)
    for step in extra:
        if not (steps and len(step["candidates"]) == 1
                and steps[-1]["candidates"] == step["candidates"]):
            steps.append({**step, "key": "over_budget"})
    return steps


OVER_BUDGET_STEP = {"key": "over_budget", "type": "role", "role": budget.OVER_BUDGET_ROLE,
                    "mode": "any", "label": {"zh": "超预算审批（销售总经理）",
                                             "en": "Over budget: sales GM"}}


def _locked(request) -> Submission:
    return Submission.objects.select_for_update().get(pk=request.object_id)


def on_decision(request, item, decision, decider, comment) -> engine.Transition | None:
    obj = _locked(request)
    before = obj.state
    if decision == engine.Decision.APPROVED and request.step_index >= len(request.chain):
        obj = Submission.objects.select_related("version", "template", "submitter").get(
            pk=obj.pk)
        # may refuse (over budget, with the figures): nothing of the approval stays and the
        # task stays open
        held = budget.hold(obj, allow_over=obj.over_budget)
        obj.approve()
        obj.save(update_fields=["state"])
        if held is not None:
            audit.record(actor=decider.actor, subject=obj, event="form.reserved",
                         amount=held.amount,
                         data={"hold": held.ref, "category": held.category,
                               "over_budget": held.over_budget})
        action_items.open_for(obj, approver=decider.actor)
    elif decision == engine.Decision.REJECTED:
        obj.reject()
        obj.save(update_fields=["state"])
        budget.release(obj.pk)
    elif decision == engine.Decision.RETURNED and request.return_to_step is None:
        obj.return_for_revision()
        obj.save(update_fields=["state"])
    else:
        return None
    if obj.state in (SubmissionState.APPROVED, SubmissionState.REJECTED):
        _copy(obj, request)
    return engine.Transition(from_state=before, to_state=obj.state)


def _copy(obj: Submission, request) -> None:
    """The CC rules: the people copied hear the outcome (on commit, through the outbox)."""
    obj = Submission.objects.select_related("version", "submitter").get(pk=obj.pk)
    people = routing.cc_people(obj.version.definition, obj.values, obj.submitter,
                               request.region_id)
    if people:
        engine.notify(people, kind="decided", request=request, key=f"form-cc:{request.pk}",
                      message=gettext_noop("Copied to you: %(title)s was %(state)s"),
                      params={"title": obj.title, "state": obj.state},
                      target=("forms:detail", {"submission_id": obj.pk}))


def on_withdraw(request, actor, reason) -> engine.Transition:
    obj = _locked(request)
    before = obj.state
    obj.withdraw()
    obj.save(update_fields=["state"])
    budget.release(obj.pk)
    return engine.Transition(from_state=before, to_state=obj.state)


def on_resubmit(request, actor) -> engine.Transition:
    obj = _locked(request)
    before = obj.state
    obj.over_budget = budget.over_at_submit(obj.version.definition, obj.values, obj.submitter)
    obj.resubmit()
    obj.save(update_fields=["state", "over_budget"])
    request.title, request.amount = obj.title, obj.amount
    return engine.Transition(from_state=before, to_state=obj.state)


def may_cancel(user, obj: Submission) -> bool:
    return (obj.state == SubmissionState.APPROVED and not org.is_read_only(user)
            and (obj.submitter_id == user.pk or may_manage(user, obj.template)))


@transaction.atomic
def submission_cancel(*, actor: User, submission_id: int, reason: str) -> Submission:
    """The submitter (or the template's manager) calls off an approved request: the budget it
    holds is released and its open action items are cancelled."""
    if not (reason or "").strip():
        raise InvalidInputError(_("Say why the request is called off."),
                                fields={"reason": [_("A reason is required.")]})
    obj = Submission.objects.select_for_update().select_related("template").get(
        pk=submission_id)
    if obj.submitter_id != actor.pk and not may_manage(actor, obj.template):
        raise PermissionDeniedError(_("Only the submitter or the template's manager cancels "
                                      "an approved request."))
    if obj.state != SubmissionState.APPROVED or org.is_read_only(actor):
        raise StateConflictError(_("Only an approved request can be called off."))
    before = obj.state
    obj.cancel()
    obj.save(update_fields=["state"])
    released = budget.release(obj.pk)
    cancelled = action_items.cancel_for(obj, actor=actor)
    audit.record(actor=actor, subject=obj, event="form.cancelled", from_state=before,
                 to_state=obj.state, comment=reason.strip()[:500], amount=released,
                 data={"released": str(released), "action_items": cancelled})
    return obj


@transaction.atomic
def submission_attach(*, actor: User, submission_id: int, field: str, upload):
    """A file uploaded for an attachment field (the API): stored on the request with the
    upload rules of every process (type by content, size, count, generated storage names,
    audited) and linked to the field in the request's values, while the request is the
    submitter's to change (a draft, or returned for revision). A refused file is a 400 by
    the field "file"."""
    obj = Submission.objects.select_related("version").get(pk=submission_id)
    if obj.submitter_id != actor.pk:
        raise PermissionDeniedError(_("Only the submitter adds files to their request."))
    if obj.state not in (SubmissionState.DRAFT, SubmissionState.RETURNED):
        raise StateConflictError(_("Files are added while the request is a draft or returned "
                                   "for revision."))
    spec = rules.field_map(obj.version.definition).get(field)
    if spec is None or spec.get("type") != rules.ATTACHMENT:
        raise InvalidInputError(fields={"field": [_("Choose an attachment field of the "
                                                     "form.")]})
    req = engine.request_for(KIND, obj.pk)
    try:
        # locks the request row first (the order of every decision), then the submission
        att = engine.attachment_add(request_id=req.pk, actor=actor, upload=upload)
    except (engine.UploadTypeError, engine.UploadTooLargeError) as exc:
        raise InvalidInputError(exc.message, fields=exc.fields) from None
    obj = Submission.objects.select_for_update().get(pk=submission_id)
    if obj.state not in (SubmissionState.DRAFT, SubmissionState.RETURNED):
        raise StateConflictError()
    values = dict(obj.values)
    values[field] = [*(values.get(field) or []), {"id": att.pk, "name": att.original_name}]
    obj.values = values
    obj.save(update_fields=["values"])
    return att
