"""Templates end to end through the services: submit, route, decide; a new version never
changes a running request; disabling stops new submissions only; changes are audited."""

import pytest
from django.core.exceptions import ValidationError

from core import engine
from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError, PermissionDeniedError, SegregationOfDutiesError
from workflows.forms import services
from workflows.forms.models import Submission, SubmissionState, TemplateVersion

pytestmark = pytest.mark.django_db

HEADCOUNT = {"position": "华东区销售代表", "level": "staff", "headcount": 2,
             "requirements": "三年经验"}


def _req(obj):
    return engine.request_for("form", obj.pk)


def _decide(req, actor):
    item = engine.open_items(req).first()
    engine.task_approve(task_id=item.pk, actor=actor, comment="ok")
    req.refresh_from_db()
    return req


def test_headcount_runs_gm_then_ceo_when_above_three(shipped, personas):
    t = shipped["headcount"]
    small = services.submission_submit(actor=personas["east_mgr"], template_id=t.pk,
                                       values=HEADCOUNT)
    big = services.submission_submit(actor=personas["east_mgr"], template_id=t.pk,
                                     values={**HEADCOUNT, "headcount": 5, "reason": "扩张"})
    assert [s["code"] for s in _req(small).chain] == ["sales_gm"]
    assert [s["code"] for s in _req(big).chain] == ["sales_gm", "ceo"]
    req = _decide(_req(big), personas["gm"])
    assert req.status == engine.RequestStatus.IN_REVIEW
    req = _decide(req, personas["ceo"])
    big = Submission.objects.get(pk=big.pk)
    assert req.status == engine.RequestStatus.APPROVED and big.state == SubmissionState.APPROVED
    assert big.number.startswith("ZP-")


def test_reason_is_required_above_three_people(shipped, personas):
    with pytest.raises(InvalidInputError) as exc:
        services.submission_submit(actor=personas["east_rep1"],
                                   template_id=shipped["headcount"].pk,
                                   values={**HEADCOUNT, "headcount": 4})
    assert set(exc.value.fields) == {"reason"}


def test_a_new_version_does_not_change_a_running_request(shipped, personas):
    t = shipped["headcount"]
    running = services.submission_submit(actor=personas["east_rep1"], template_id=t.pk,
                                         values=HEADCOUNT)
    chain_before = _req(running).chain
    draft = services.template_edit_start(actor=personas["admin"], template_id=t.pk).draft
    draft["steps"].insert(0, {"key": "mgr", "type": "line_manager", "levels": 1,
                              "label": {"zh": "直属上级", "en": "Line manager"}})
    draft["fields"].append({"key": "budget", "type": "money", "label": {"en": "Budget"},
                            "required": True})
    services.template_save_draft(actor=personas["admin"], template_id=t.pk, definition=draft)
    v2 = services.template_publish(actor=personas["admin"], template_id=t.pk, note="v2")
    assert v2.number == 2
    running = Submission.objects.get(pk=running.pk)
    assert running.version.number == 1
    # the running request is returned and resubmitted: still version 1, its routing and form
    req = _req(running)
    item = engine.open_items(req).first()
    engine.task_return(task_id=item.pk, actor=personas["gm"], reason="补充")
    services.submission_revise(actor=personas["east_rep1"], submission_id=running.pk,
                               values={**HEADCOUNT, "headcount": 3})
    req.refresh_from_db()
    assert req.status == engine.RequestStatus.IN_REVIEW
    assert [s["code"] for s in req.chain] == [s["code"] for s in chain_before] == ["sales_gm"]
    # a new request gets version 2: the manager first, and the new field is required
    with pytest.raises(InvalidInputError) as exc:
        services.submission_submit(actor=personas["east_rep1"], template_id=t.pk,
                                   values=HEADCOUNT)
    assert "budget" in exc.value.fields
    new = services.submission_submit(actor=personas["east_rep1"], template_id=t.pk,
                                     values={**HEADCOUNT, "budget": "100.00"})
    assert new.version_id == v2.pk
    assert [s["code"] for s in _req(new).chain] == ["line_manager", "sales_gm"]


def test_a_published_version_cannot_be_changed(shipped):
    version = TemplateVersion.objects.first()
    version.definition = {}
    with pytest.raises(ValidationError):
        version.save()


def test_disabling_stops_new_submissions_only(shipped, personas):
    t = shipped["headcount"]
    running = services.submission_submit(actor=personas["east_rep1"], template_id=t.pk,
                                         values=HEADCOUNT)
    services.template_set_enabled(actor=personas["admin"], template_id=t.pk, enabled=False)
    with pytest.raises(PermissionDeniedError):
        services.submission_submit(actor=personas["east_rep1"], template_id=t.pk,
                                   values=HEADCOUNT)
    req = _decide(_req(running), personas["gm"])
    assert req.status == engine.RequestStatus.APPROVED
    events = set(AuditEvent.objects.filter(subject_kind="forms.formtemplate",
                                           subject_id=str(t.pk)).values_list("event", flat=True))
    assert {"config.created", "config.changed", "form_template.published",
            "form_template.draft_saved"} <= events


def test_only_managers_change_templates(shipped, personas):
    with pytest.raises(PermissionDeniedError):
        services.template_edit_start(actor=personas["east_rep1"],
                                     template_id=shipped["headcount"].pk)
    t = shipped["minutes"]
    t.owner = personas["gm"]
    t.save()
    services.template_edit_start(actor=personas["gm"], template_id=t.pk)  # the process owner


def test_the_submitter_never_decides_and_is_never_routed_to(shipped, personas):
    # the GM submits a headcount request whose first step is the GM role: one level up
    obj = services.submission_submit(actor=personas["gm"], template_id=shipped["headcount"].pk,
                                     values={**HEADCOUNT, "level": "manager"})
    req = _req(obj)
    assert all(personas["gm"].pk not in s["candidates"] for s in req.chain)
    assert req.chain[0]["candidates"] == [personas["ceo"].pk]
    assert len(req.chain) == 1  # the CEO step is the same single person: decided once
    item = engine.open_items(req).first()
    with pytest.raises(SegregationOfDutiesError):
        engine.task_approve(task_id=item.pk, actor=personas["gm"], comment="")


def test_training_routes_by_the_matrix_bands_and_copies_finance(shipped, personas, personnel):
    personnel("100000.00")
    t = shipped["training"]
    values = {"content": "产品培训", "dates": {"from": "2026-12-14", "to": "2026-12-15"},
              "trainer": personas["marketing"].pk, "budget": "8000",
              "attendees": [{"name": "赵磊", "cost": "3000"}, {"name": "孙丽", "cost": "5000"}]}
    obj = services.submission_submit(actor=personas["east_rep1"], template_id=t.pk,
                                     values=values)
    assert [s["code"] for s in _req(obj).chain] == ["line_manager", "sales_gm"]
    assert obj.amount == 8000
    cheap = services.submission_submit(actor=personas["east_rep1"], template_id=t.pk,
                                       values={**values, "budget": "800"})
    assert [s["code"] for s in _req(cheap).chain] == ["line_manager"]
    req = _decide(_req(cheap), personas["east_mgr"])
    assert req.status == engine.RequestStatus.APPROVED
    from core.inbox.models import OutboxMessage

    cc = [m for m in OutboxMessage.objects.all()
          if str(m.kwargs.get("dedupe_key", "")).startswith(f"form-cc:{req.pk}:")]
    assert {m.kwargs["recipient_id"] for m in cc} == {personas["finance"].pk,
                                                     personas["finance_clerk"].pk}


def test_amount_bands_with_a_gap_are_refused_on_save(shipped, personas):
    from core.authority.models import AuthorityBand

    band = AuthorityBand.objects.get(matrix__kind="form", matrix__category="training",
                                     min_amount=5000)
    band.min_amount = 6000
    band.save()
    t = services.template_edit_start(actor=personas["admin"], template_id=shipped["training"].pk)
    with pytest.raises(InvalidInputError) as exc:
        services.template_save_draft(actor=personas["admin"], template_id=t.pk,
                                     definition=t.draft)
    assert any("Gap" in str(m) or "5,000.00" in str(m) for m in exc.value.fields["definition"])
