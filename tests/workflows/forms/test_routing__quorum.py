"""n-of-m on a template's step: mode "quorum" with quorum n opens one task per person at once;
n approvals decide; the editor refuses n > m and n on a one-person step; the preview says it."""

import pytest

from core import engine
from core.exceptions import InvalidInputError
from core.inbox.models import WorkItemStatus
from workflows.forms import services
from workflows.forms.models import Submission, SubmissionState

pytestmark = pytest.mark.django_db

HEADCOUNT = {"position": "华东区销售代表", "level": "staff", "headcount": 2,
             "requirements": "三年经验"}


def with_steps(shipped, personas, steps):
    t = shipped["headcount"]
    draft = services.template_edit_start(actor=personas["admin"], template_id=t.pk).draft
    draft["steps"] = steps
    services.template_save_draft(actor=personas["admin"], template_id=t.pk, definition=draft)
    services.template_publish(actor=personas["admin"], template_id=t.pk, note="n-of-m")
    return t


def panel(personas, n, **extra):
    return {"key": "panel", "type": "people", "mode": "quorum", "quorum": n,
            "people": [personas[u].pk for u in ("legal", "legal2", "finance")],
            "label": {"zh": "评审小组", "en": "Review panel"}, **extra}


def test_two_of_three_panel_decides_with_two_approvals(shipped, personas):
    t = with_steps(shipped, personas, [panel(personas, 2)])
    preview = services.route_preview(template=t, submitter=personas["east_rep1"],
                                     raw=HEADCOUNT)
    assert [(s.get("quorum"), len(s["candidates"])) for s in preview] == [(2, 3)]

    sub = services.submission_submit(actor=personas["east_rep1"], template_id=t.pk,
                                     values=HEADCOUNT)
    req = engine.request_for("form", sub.pk)
    items = {i.assignee.username: i for i in engine.open_items(req)}
    assert set(items) == {"legal", "legal2", "finance"}

    engine.task_approve(task_id=items["legal"].pk, actor=personas["legal"])
    assert Submission.objects.get(pk=sub.pk).state != SubmissionState.APPROVED
    engine.task_approve(task_id=items["finance"].pk, actor=personas["finance"])

    req.refresh_from_db()
    assert req.status == engine.RequestStatus.APPROVED
    assert Submission.objects.get(pk=sub.pk).state == SubmissionState.APPROVED
    items["legal2"].refresh_from_db()
    assert items["legal2"].status == WorkItemStatus.CANCELLED


def test_two_rejections_of_three_reject_the_request(shipped, personas):
    t = with_steps(shipped, personas, [panel(personas, 2)])
    sub = services.submission_submit(actor=personas["east_rep1"], template_id=t.pk,
                                     values=HEADCOUNT)
    req = engine.request_for("form", sub.pk)
    items = {i.assignee.username: i for i in engine.open_items(req)}
    engine.task_reject(task_id=items["legal"].pk, actor=personas["legal"], reason="不需要")
    engine.task_reject(task_id=items["legal2"].pk, actor=personas["legal2"], reason="同上")
    req.refresh_from_db()
    assert req.status == engine.RequestStatus.REJECTED


@pytest.mark.parametrize(("step", "says"), [
    (lambda p: panel(p, 4), "4 must approve but only 3 can sign"),
    (lambda p: panel(p, 0), "how many must approve"),
    (lambda p: panel(p, "2"), "how many must approve"),
    (lambda p: {"key": "m", "type": "line_manager", "levels": 1, "mode": "quorum",
                "quorum": 2, "label": {"en": "Manager"}}, "resolves to one person"),
])
def test_the_editor_refuses_a_quorum_that_cannot_be_met(shipped, personas, step, says):
    t = shipped["headcount"]
    draft = services.template_edit_start(actor=personas["admin"], template_id=t.pk).draft
    draft["steps"] = [step(personas)]
    with pytest.raises(InvalidInputError) as exc:
        services.template_save_draft(actor=personas["admin"], template_id=t.pk,
                                     definition=draft)
    assert any(says in e for e in exc.value.fields["definition"]), exc.value.fields
