"""Demo approvals driven at random (issue 9, properties): submit, approve, reject, return,
withdraw, resubmit, reassign, claim, delegate and escalate by random demo personas, against the
reference model in reference.py; the invariants are checked after every step.

Issue 19: from 100,000.00 the demo matrix of this test asks 2 of the regional managers (three
of them for a submitter outside the regions: n of m) and then every legal holder (会签), so
votes, quorums reached or made unreachable, and co-signers added alongside mix with the rest."""

from decimal import Decimal

import pytest
from hypothesis import note
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule, run_state_machine_as_test

from core.audit.models import AuditEvent
from core.authority.models import AuthorityBand, AuthorityMatrix
from core.exceptions import (
    AuthorityLimitError,
    InvalidInputError,
    MatrixConfigurationError,
    PermissionDeniedError,
    ReadOnlyRoleError,
)
from core.inbox import services as inbox
from core.inbox.models import Request, WorkItem
from workflows.demo.models import DemoRequest
from workflows.demo.services import demo_submit

from .conftest import TIMEOUT, machine_settings
from .reference import Obj, ProcessMachine, build, refused

# Under 10,000.00 the line manager alone; from 10,000.00 the sales GM too; from 100,000.00
# two of the regional managers, then all of legal (QUORUMS, set up by _quorum_band).
AMOUNTS = [Decimal("800.00"), Decimal("9999.99"), Decimal("10000.00"), Decimal("56000.00"),
           Decimal("120000.00")]
QUORUM_FROM = Decimal("100000.00")
QUORUMS = {"regional_manager": 2, "legal": "all"}
# Outside the regions: all three regional managers may sign, so 2 of them is n of m (n < m).
UNREGIONED = ["gm", "finance", "finance_clerk", "marketing", "ceo"]
STATUS = {"submitted": "in_review", "returned": "returned", "approved": "approved",
          "rejected": "rejected", "withdrawn": "withdrawn"}


class DemoMachine(ProcessMachine):
    kind = "demo"
    model = DemoRequest
    request_status = STATUS
    quorums = QUORUMS

    def submit_one(self, data):
        who = data.draw(st.one_of(st.sampled_from(self.org.everyone),
                                  st.sampled_from(UNREGIONED)), label="submitter")
        amount = data.draw(st.sampled_from(AMOUNTS), label="amount")
        exc, chain = None, None
        if self.org.read_only(who):
            exc = ReadOnlyRoleError
        else:
            try:
                chain = self.chain_for(who, amount)
            except MatrixConfigurationError:
                exc = MatrixConfigurationError
        note(f"submit demo {amount} by {who}: expect {exc.__name__ if exc else 'success'}")
        call = lambda: demo_submit(actor=self.user(who), title="客户拜访交通费",  # noqa: E731
                                   amount=amount)
        if exc is not None:
            refused(exc, call)
            return
        created = call()
        obj = Obj(pk=created.pk, submitter=who, amount=amount, state="submitted",
                  region=self.org.region[who], chain=chain,
                  req_pk=Request.objects.get(kind="demo", object_id=created.pk).pk)
        self.objects[obj.pk] = obj
        self.expect(obj, "submitted", "draft", "submitted")
        self.open_chain_step(obj, 0)

    @initialize(data=st.data())
    def first_request(self, data):
        self.submit_one(data)

    @precondition(lambda self: len(self.objects) < 4)
    @rule(data=st.data())
    def submit(self, data):
        self.submit_one(data)

    def decided(self, obj, task, decision, to_step):
        if decision == "approved":
            if task.index + 1 < len(obj.chain):
                self.expect(obj, "step_approved")
                self.open_chain_step(obj, task.index + 1)
            else:
                self.move(obj, "approved", "approved")
        elif decision == "rejected":
            self.move(obj, "rejected", "rejected")
        elif to_step is None:
            self.move(obj, "returned", "returned")
            self.open_revision(obj)
        else:
            self.expect(obj, "returned")
            self.open_chain_step(obj, to_step)

    def withdrawn(self, obj):
        self.move(obj, "withdrawn", "withdrawn")

    def resubmit_refusal(self, obj):
        try:
            obj.extra["next_chain"] = self.chain_for(obj.submitter, obj.amount)
        except MatrixConfigurationError:
            return MatrixConfigurationError
        return None

    def resubmitted(self, obj):
        obj.chain = obj.extra.pop("next_chain")
        self.move(obj, "resubmitted", "submitted")
        self.open_chain_step(obj, 0)


@pytest.mark.django_db
@pytest.mark.timeout(TIMEOUT)
def test_invariants_hold_when_random_personas_drive_demo_approvals(personas):
    _quorum_band()
    run_state_machine_as_test(build(DemoMachine, personas), settings=machine_settings())


def _quorum_band():
    """The demo matrix's top band ends at 100,000.00; above it, the n-of-m steps."""
    matrix = AuthorityMatrix.objects.get(kind="demo")
    top = AuthorityBand.objects.get(matrix=matrix, max_amount__isnull=True)
    top.max_amount = QUORUM_FROM
    top.save()
    AuthorityBand.objects.create(matrix=matrix, min_amount=QUORUM_FROM, max_amount=None,
                                 steps=list(QUORUMS), quorums=QUORUMS)


# --- found by the machine: kept as plain reproductions ------------------------------------------


@pytest.mark.django_db
def test_authority_limit_when_a_step_is_reassigned_to_someone_without_its_authority(personas):
    obj = demo_submit(actor=personas["east_rep1"], title="样品快递费", amount=Decimal("800.00"))
    item = WorkItem.objects.get(request__kind="demo", request__object_id=obj.pk, status="open")
    assert (item.step_code, item.assignee) == ("line_manager", personas["east_mgr"])

    events = AuditEvent.objects.count()
    with pytest.raises(AuthorityLimitError) as info:
        inbox.task_reassign(task_id=item.pk, actor=personas["gm"],
                            assignee=personas["east_rep2"], reason="东区经理休假")
    assert "assignee" in info.value.fields
    item.refresh_from_db()
    assert item.assignee == personas["east_mgr"] and AuditEvent.objects.count() == events
    with pytest.raises(PermissionDeniedError):
        inbox.task_approve(task_id=item.pk, actor=personas["east_rep2"])

    # Someone above the line manager (or any manager) holds the authority: accepted.
    inbox.task_reassign(task_id=item.pk, actor=personas["gm"], assignee=personas["south_mgr"],
                        reason="东区经理休假")
    item.refresh_from_db()
    assert item.assignee == personas["south_mgr"]


@pytest.mark.django_db
def test_revision_waits_on_someone_who_can_resubmit_when_a_manager_reassigns_it(personas):
    obj = demo_submit(actor=personas["east_rep1"], title="样品快递费", amount=Decimal("800.00"))
    req = Request.objects.get(kind="demo", object_id=obj.pk)
    first = WorkItem.objects.get(request=req, status="open")
    inbox.task_return(task_id=first.pk, actor=personas["east_mgr"], reason="请补充快递单号")
    revision = WorkItem.objects.get(request=req, status="open")
    assert revision.is_revision

    with pytest.raises(InvalidInputError):
        inbox.task_reassign(task_id=revision.pk, actor=personas["east_mgr"],
                            assignee=personas["east_rep2"], reason="赵磊休假")

    (waiting_on,) = Request.objects.get(pk=req.pk).waiting_on
    inbox.request_resubmit(request_id=req.pk, actor=waiting_on)  # letting them act, another


@pytest.mark.django_db
def test_ceo_may_take_a_gm_step_the_gm_lost_by_deciding_the_escalated_step_before(personas):
    """Found by the machine (2026-12-07): north_mgr's step escalated to the GM, who approved it;
    the GM's own step then went to the administrators (one person, one step). The step's
    authority still lay with the GM, so the CEO above them may be given it."""
    from datetime import timedelta

    from django.utils import timezone

    from core.inbox import timers

    obj = demo_submit(actor=personas["north_rep1"], title="北区客户答谢会",
                      amount=Decimal("56000.00"))
    req = Request.objects.get(kind="demo", object_id=obj.pk)
    timers.sweep(now=timezone.now() + timedelta(days=30))
    first = WorkItem.objects.get(request=req, status="open")
    assert (first.step_code, first.assignee) == ("line_manager", personas["gm"])
    inbox.task_approve(task_id=first.pk, actor=personas["gm"])
    gm_step = WorkItem.objects.get(request=req, status="open")
    assert gm_step.step_code == "sales_gm" and gm_step.assignee == personas["admin"]

    inbox.task_reassign(task_id=gm_step.pk, actor=personas["admin"], assignee=personas["ceo"],
                        reason="休假")

    gm_step.refresh_from_db()
    assert gm_step.assignee == personas["ceo"]
    with pytest.raises(AuthorityLimitError):  # but not anyone: a rep holds no such authority
        inbox.task_reassign(task_id=gm_step.pk, actor=personas["admin"],
                            assignee=personas["east_rep2"], reason="休假")
