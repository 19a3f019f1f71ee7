"""The evaluation as a task: when the sweep ends a campaign, "Fill in the evaluation" opens in
the owner's inbox (and nobody else's), due at 18:00 Asia/Shanghai ten working days later; the
engine's sweep reminds and then escalates it like any task; sending the evaluation from its form
completes it and opens the sales GM's review."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from core import engine
from core.audit.models import AuditEvent
from core.exceptions import ApprovalError, StateConflictError
from core.inbox import timers
from core.inbox.models import WorkItemStatus
from workflows.campaigns import services
from workflows.campaigns.models import EvaluationState
from workflows.campaigns.steps import EVAL_KIND, TASK_KIND, TASK_STEP

from .conftest import YEAR, fresh, open_item

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
ENDED = datetime(YEAR, 5, 13, 9, 0, tzinfo=SHANGHAI)  # the Wednesday after the last day (Tue 12)


@pytest.fixture
def ended(make_budget, policies, approved):
    make_budget()
    campaign = approved("marketing2", ("marketing", "30000.00"))
    assert services.sweep(ENDED) == 1
    return fresh(campaign)


def task_rows(client, user):
    client.force_login(user)
    rows = client.get("/api/tasks/").json()
    return rows["results"] if isinstance(rows, dict) else rows


def send(campaign, personas):
    services.evaluation_save(campaign_id=campaign.pk, actor=personas["marketing2"], leads=40,
                             attendees=120, customers_met=30, lessons="提前两周邀约",
                             submit=True)


def test_the_sweep_opens_a_task_in_the_owners_inbox_due_ten_working_days_later(
        ended, personas, client):
    evaluation = ended.evaluation
    # Wed 13 May + 10 working days, over the weekends of 16-17 and 23-24 May: Wed 27 May
    assert evaluation.due == date(YEAR, 5, 27)
    task = open_item(TASK_KIND, evaluation.pk)
    assert (task.assignee_id, task.step_code) == (personas["marketing2"].pk, TASK_STEP)
    assert task.due == datetime(YEAR, 5, 27, 18, 0, tzinfo=SHANGHAI)
    assert task.remind_at == datetime(YEAR, 5, 27, 9, 0, tzinfo=SHANGHAI)
    req = engine.request_for(TASK_KIND, evaluation.pk)
    assert req.submitter_id == personas["gm"].pk  # the campaign's last approver files it
    assert engine.request_for(EVAL_KIND, evaluation.pk) is None  # no draft any more
    assert AuditEvent.objects.filter(event="campaign_eval.opened",
                                     subject_id=evaluation.pk).exists()
    # in the owner's inbox, its page links to the evaluation form and offers no return
    client.force_login(personas["marketing2"])
    assert "华东新品发布会" in client.get("/inbox/").content.decode()
    page = client.get(f"/inbox/tasks/{task.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"/campaigns/{ended.pk}/evaluation/" in page
    assert f"/inbox/tasks/{task.pk}/return/" not in page
    assert f"/inbox/tasks/{task.pk}/reject/" not in page
    mine = next(r for r in task_rows(client, personas["marketing2"]) if r["id"] == task.pk)
    assert not {"reject", "return"} & set(mine["available_actions"])
    # nobody else has it in their inbox, nor may act on it: not the filer, not marketing's
    # head, not the CEO
    for who in ("gm", "marketing", "ceo", "east_mgr"):
        assert task.pk not in [r["id"] for r in task_rows(client, personas[who])], who
        assert f"/inbox/tasks/{task.pk}/" not in client.get("/inbox/").content.decode(), who
        with pytest.raises(ApprovalError):
            engine.task_approve(task_id=task.pk, actor=personas[who], comment="ok")
    # its button does not complete it: the evaluation is sent from its form
    with pytest.raises(StateConflictError):
        engine.task_approve(task_id=task.pk, actor=personas["marketing2"], comment="done")
    assert open_item(TASK_KIND, evaluation.pk).pk == task.pk


def test_sending_the_evaluation_closes_the_task_and_opens_the_gms(ended, personas):
    evaluation = ended.evaluation
    task = open_item(TASK_KIND, evaluation.pk)
    services.evaluation_save(campaign_id=ended.pk, actor=personas["marketing2"], leads=4,
                             attendees=12, customers_met=3)  # saved, not sent
    assert open_item(TASK_KIND, evaluation.pk).pk == task.pk
    send(ended, personas)
    done = type(task).objects.get(pk=task.pk)
    assert (done.status, done.decided_by_id) == (WorkItemStatus.DONE,
                                                 personas["marketing2"].pk)
    assert open_item(TASK_KIND, evaluation.pk) is None
    assert fresh(evaluation).state == EvaluationState.SUBMITTED
    review = open_item(EVAL_KIND, evaluation.pk)
    assert review.assignee_id == personas["gm"].pk
    assert AuditEvent.objects.filter(event="campaign_eval.sent",
                                     subject_id=evaluation.pk).exists()


def test_the_engine_sweep_reminds_then_escalates_it_and_sending_still_closes_it(
        ended, personas):
    evaluation = ended.evaluation
    task = open_item(TASK_KIND, evaluation.pk)
    timers.sweep(now=datetime(YEAR, 5, 26, 18, 0, tzinfo=SHANGHAI))  # the day before
    assert not fresh(task).reminded and fresh(task).escalation_level == 0
    timers.sweep(now=datetime(YEAR, 5, 27, 9, 30, tzinfo=SHANGHAI))
    assert fresh(task).reminded
    timers.sweep(now=datetime(YEAR, 5, 27, 18, 1, tzinfo=SHANGHAI))  # overdue
    late = fresh(task)
    assert late.status == WorkItemStatus.OPEN and late.escalation_level == 1
    assert late.assignee_id == personas["marketing"].pk  # the owner's line manager
    # the owner sends it anyway: the task closes and the GM's review opens
    send(ended, personas)
    assert open_item(TASK_KIND, evaluation.pk) is None
    assert fresh(task).status != WorkItemStatus.OPEN
    assert open_item(EVAL_KIND, evaluation.pk).assignee_id == personas["gm"].pk
