"""The meeting minutes' action items: on approval each row of the action-item table becomes a
task in its owner's inbox due on the row's date (18:00 Asia/Shanghai), which the owner marks
done with a note; shown with its status on the minutes' page; audited; cancelled with the
minutes."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from core import engine
from core.audit.models import AuditEvent
from core.exceptions import ApprovalError, InvalidInputError
from workflows.forms import services
from workflows.forms.models import ActionItem, ActionItemState, Submission

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


def minutes(shipped, personas, rows, who="south_rep1"):
    return services.submission_submit(
        actor=personas[who], template_id=shipped["minutes"].pk,
        values={"topic": "华南区周例会", "held_on": "2026-12-07", "kind": ["weekly"],
                "minutes": "回顾上周拜访。",
                "actions": [{"item": text, "owner": personas[owner].pk, "due": due}
                            for text, owner, due in rows]})


def approve_minutes(obj, personas):
    req = engine.request_for("form", obj.pk)
    item = engine.open_items(req).first()
    engine.task_approve(task_id=item.pk, actor=personas["south_mgr"], comment="ok")


def task_of(item):
    return engine.open_items(engine.request_for("form_action", item.pk)).first()


def test_each_row_becomes_a_task_of_its_owner_due_on_its_date(shipped, personas, client):
    obj = minutes(shipped, personas, [("整理回款清单", "east_rep1", "2026-12-11"),
                                      ("拜访重点客户", "south_rep2", "2026-12-18")])
    assert not ActionItem.objects.exists()  # nothing before the approval
    approve_minutes(obj, personas)
    items = list(ActionItem.objects.filter(submission=obj).order_by("row"))
    assert [(i.owner.username, i.due.isoformat(), i.description, i.state) for i in items] == [
        ("east_rep1", "2026-12-11", "整理回款清单", ActionItemState.OPEN),
        ("south_rep2", "2026-12-18", "拜访重点客户", ActionItemState.OPEN)]
    first = task_of(items[0])
    assert first.assignee_id == personas["east_rep1"].pk
    assert first.due == datetime(2026, 12, 11, 18, 0, tzinfo=SHANGHAI)
    assert first.remind_at == datetime(2026, 12, 11, 9, 0, tzinfo=SHANGHAI)
    req = engine.request_for("form_action", items[0].pk)
    assert req.submitter_id == personas["south_rep1"].pk
    assert req.number == f"{obj.number}-1"
    assert AuditEvent.objects.filter(event="form_action.opened",
                                     subject_id=items[0].pk).exists()
    # in the owner's inbox; its page offers "Mark done", not a return or a rejection
    client.force_login(personas["east_rep1"])
    inbox = client.get("/inbox/").content.decode()
    assert "整理回款清单" in inbox
    # its row opens the task (a note is needed), never a one-click approve or return
    assert f"/inbox/tasks/{first.pk}/approve/" not in inbox
    assert f"/inbox/tasks/{first.pk}/#return" not in inbox
    assert f'href="/inbox/tasks/{first.pk}/">' in inbox
    page = client.get(f"/inbox/tasks/{first.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Mark done" in page
    assert f"/inbox/tasks/{first.pk}/return/" not in page
    assert f"/inbox/tasks/{first.pk}/reject/" not in page
    rows = client.get("/api/tasks/").json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    actions = next(r for r in rows if r["id"] == first.pk)["available_actions"]
    assert "approve" in actions and not {"reject", "return"} & set(actions)


def test_the_owner_marks_it_done_with_a_note_shown_on_the_minutes_page(shipped, personas,
                                                                       client):
    obj = minutes(shipped, personas, [("整理回款清单", "east_rep1", "2026-12-11")])
    approve_minutes(obj, personas)
    item = ActionItem.objects.get(submission=obj)
    task = task_of(item)
    with pytest.raises(InvalidInputError) as exc:
        engine.task_approve(task_id=task.pk, actor=personas["east_rep1"], comment=" ")
    assert "comment" in exc.value.fields
    with pytest.raises(ApprovalError):
        engine.task_return(task_id=task.pk, actor=personas["east_rep1"], reason="?")
    with pytest.raises(ApprovalError):  # nobody else does it for them
        engine.task_approve(task_id=task.pk, actor=personas["east_rep2"], comment="done")
    engine.task_approve(task_id=task.pk, actor=personas["east_rep1"], comment="清单已发财务")
    item = ActionItem.objects.get(pk=item.pk)
    assert (item.state, item.note) == (ActionItemState.DONE, "清单已发财务")
    assert item.done_at is not None
    assert AuditEvent.objects.filter(event="form_action.done", subject_id=item.pk).exists()
    # the owner reads the minutes (they were not copied on them), with the item's status
    client.force_login(personas["east_rep1"])
    page = client.get(f"/forms/requests/{obj.pk}/").content.decode()
    assert 'data-testid="action-item"' in page and "清单已发财务" in page
    assert "Done" in page or "已完成" in page


def test_an_item_past_its_date_is_overdue_on_the_page(shipped, personas, client):
    obj = minutes(shipped, personas, [("补交报表", "east_rep1", "2026-01-05")])
    approve_minutes(obj, personas)
    client.force_login(personas["south_rep1"])
    page = client.get(f"/forms/requests/{obj.pk}/").content.decode()
    assert 'class="overdue"' in page


def test_an_item_the_submitter_owns_is_filed_by_the_approver(shipped, personas):
    obj = minutes(shipped, personas, [("整理回款清单", "south_rep1", "2026-12-11")])
    approve_minutes(obj, personas)
    item = ActionItem.objects.get(submission=obj)
    assert engine.request_for("form_action", item.pk).submitter_id == personas["south_mgr"].pk
    engine.task_approve(task_id=task_of(item).pk, actor=personas["south_rep1"], comment="好")
    assert ActionItem.objects.get(pk=item.pk).state == ActionItemState.DONE


def test_calling_the_minutes_off_cancels_their_open_items(shipped, personas):
    obj = minutes(shipped, personas, [("甲", "east_rep1", "2026-12-11"),
                                      ("乙", "east_rep2", "2026-12-11")])
    approve_minutes(obj, personas)
    first, second = ActionItem.objects.filter(submission=obj).order_by("row")
    engine.task_approve(task_id=task_of(first).pk, actor=personas["east_rep1"], comment="好")
    services.submission_cancel(actor=personas["south_rep1"], submission_id=obj.pk,
                               reason="会议取消")
    assert Submission.objects.get(pk=obj.pk).state == "cancelled"
    assert ActionItem.objects.get(pk=first.pk).state == ActionItemState.DONE
    assert ActionItem.objects.get(pk=second.pk).state == ActionItemState.CANCELLED
    assert task_of(second) is None


@pytest.mark.parametrize("setting, message", [
    ({"table": "minutes", "owner": "owner", "due": "due", "description": "item"},
     "action_items.table"),
    ({"table": "actions", "owner": "item", "due": "due", "description": "item"},
     "action_items.owner"),
    ({"table": "actions", "owner": "owner", "due": "owner", "description": "item"},
     "action_items.due"),
])
def test_the_editor_checks_the_action_item_setting(shipped, personas, setting, message):
    t = services.template_edit_start(actor=personas["admin"], template_id=shipped["minutes"].pk)
    with pytest.raises(InvalidInputError) as exc:
        services.template_save_draft(actor=personas["admin"], template_id=t.pk,
                                     definition={**t.draft, "action_items": setting})
    assert any(message in str(m) for m in exc.value.fields["definition"])


def test_an_action_item_is_never_marked_done_in_bulk(shipped, personas, client):
    """Marking it done takes a note: no checkbox offers it, and a bulk approval naming it
    leaves it open and says why."""
    from django.contrib.messages import get_messages

    obj = minutes(shipped, personas, [("整理回款清单", "east_rep1", "2026-12-11")])
    approve_minutes(obj, personas)
    task = task_of(ActionItem.objects.get(submission=obj))
    client.force_login(personas["east_rep1"])
    assert f'name="ids" value="{task.pk}"' not in client.get("/inbox/").content.decode()

    response = client.post("/inbox/bulk-approve/", {"ids": [task.pk], "reviewed": "1"},
                           HTTP_ACCEPT_LANGUAGE="en")

    task.refresh_from_db()
    assert task.is_open
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"{task.request.number} left for its own page: marking it done takes a note of what "
        "was done"]
