"""Expense claim (policy 7): the authority chain by total and category (plus the sales GM when
over budget or over standard), then finance's voucher review, then payment by a Celery job.
Any step may reject or return; a return to the submitter waits for a revision."""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from core.inbox import engine, locks

from .services.claims import FINANCE_STEP


class ExpenseFlow(flow.Flow):
    process_title = _("Expense claim")
    lock_impl = locks.row_lock

    start = flow.StartHandle(engine.start_process).Next(this.approve)
    approve = (
        flow.View(engine.task_view).Annotation(title=_("Approve"))
        .Assign(engine.chain_assignee).onCreate(engine.chain_task_created).Next(this.route)
    )
    route = (
        flow.Switch()
        .Case(this.approve, engine.next_chain_step)
        .Case(this.revise, engine.returned_to_submitter)
        .Case(this.rejected, engine.was_rejected)
        .Default(this.finance_review)
    )
    finance_review = (
        flow.View(engine.task_view).Annotation(title=_("Voucher review"))
        .onCreate(this.finance_task_created).Next(this.after_finance)
    )
    after_finance = (
        flow.Switch()
        .Case(this.approve, engine.next_chain_step)
        .Case(this.revise, engine.returned_to_submitter)
        .Case(this.rejected, engine.was_rejected)
        .Default(this.pay)
    )
    revise = (
        flow.View(engine.task_view).Annotation(title=_("Revise"))
        .Assign(engine.submitter_of).onCreate(engine.revision_task_created).Next(this.route)
    )
    pay = flow.Handle().Annotation(title=_("Pay")).Next(this.paid)
    paid = flow.End()
    rejected = flow.End()

    def finance_task_created(self, activation):
        engine.role_task_created(activation, step_code=FINANCE_STEP,
                                 step_label=_("Finance voucher review"), role="finance")


class BudgetFlow(flow.Flow):
    """Budget (policy 7.1): prepared by finance, approved along the authority matrix for kind
    `budget` (sales GM, then CEO); in force on the last approval."""

    process_title = _("Expense budget")
    lock_impl = locks.row_lock

    start = flow.StartHandle(engine.start_process).Next(this.approve)
    approve = (
        flow.View(engine.task_view).Annotation(title=_("Approve"))
        .Assign(engine.chain_assignee).onCreate(engine.chain_task_created).Next(this.route)
    )
    route = (
        flow.Switch()
        .Case(this.approve, engine.next_chain_step)
        .Case(this.revise, engine.returned_to_submitter)
        .Case(this.rejected, engine.was_rejected)
        .Default(this.in_force)
    )
    revise = (
        flow.View(engine.task_view).Annotation(title=_("Revise"))
        .Assign(engine.submitter_of).onCreate(engine.revision_task_created).Next(this.route)
    )
    in_force = flow.End()
    rejected = flow.End()
