"""Real threads on PostgreSQL: the two holders of an any-of template step (或签) approve at
the same instant; the process row lock lets exactly one decide, the other is refused cleanly,
and the next step opens once."""

import pytest

from core import engine
from core.exceptions import ApprovalError
from core.org.models import User
from tests.concurrency import run_together
from workflows.forms import services
from workflows.forms.models import Submission, SubmissionState

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def approve_as(task_id: int, username: str):
    def run():
        actor = User.objects.get(username=username)  # this thread's own connection
        return engine.task_approve(task_id=task_id, actor=actor, comment="同意")
    return run


def test_two_deciders_on_one_template_step(shipped, personas):
    for _round in range(5):
        obj = services.submission_submit(
            actor=personas["east_rep1"], template_id=shipped["research"].pk,
            values={"topic": "竞品", "region": personas["east_rep1"].region_id,
                    "findings": "降价"})
        req = engine.request_for("form", obj.pk)
        item = engine.open_items(req).get()
        assert item.assignee_id is None  # a queue of the two marketing holders

        outcomes = run_together([approve_as(item.pk, "marketing"),
                                 approve_as(item.pk, "marketing2")])

        errors = [o for o in outcomes if isinstance(o, BaseException)]
        assert len(errors) == 1 and isinstance(errors[0], ApprovalError), outcomes
        req.refresh_from_db()
        assert req.step_index == 1
        assert list(engine.open_items(req).values_list("step_code", flat=True)) == ["sales_gm"]
        assert engine.WorkItem.objects.filter(request=req, decision="approved").count() == 1
        assert Submission.objects.get(pk=obj.pk).state == SubmissionState.SUBMITTED
