"""Demo approval: the authority chain for kind `demo` (line manager, then the sales GM above
10,000), each step may approve, reject or return; a return to the submitter waits for a
revision and re-enters the chain from its first step."""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from core.inbox import engine, locks


class DemoApprovalFlow(flow.Flow):
    process_title = _("Demo approval")
    lock_impl = locks.row_lock

    start = flow.StartHandle(engine.start_process).Next(this.approve)
    approve = (
        flow.View(engine.task_view)
        .Annotation(title=_("Approve"))
        .Assign(engine.chain_assignee)
        .onCreate(engine.chain_task_created)
        .Next(this.route)
    )
    route = (
        flow.Switch()
        .Case(this.approve, engine.next_chain_step)
        .Case(this.revise, engine.returned_to_submitter)
        .Case(this.rejected, engine.was_rejected)
        .Default(this.approved)
    )
    revise = (
        flow.View(engine.task_view)
        .Annotation(title=_("Revise"))
        .Assign(engine.submitter_of)
        .onCreate(engine.revision_task_created)
        .Next(this.route)
    )
    approved = flow.End()
    rejected = flow.End()
