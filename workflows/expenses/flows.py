"""Expense claim (policy 7): the authority chain by total and category (plus the sales GM when
over budget or over standard), then finance's voucher review, then payment by a Celery job.
Any step may reject or return; a return to the submitter waits for a revision.

Budget (policy 7.1): prepared by finance, approved along the chain for kind `budget` (sales GM,
then CEO); in force on the last approval."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from viewflow import this
from viewflow.workflow import flow

from core.inbox import engine
from core.inbox.flows import ApprovalSteps, chain_routes
from core.inbox.nodes import RoutedView
from core.org.models import Role

from .steps import FINANCE_STEP, STEPS


class ExpenseFlow(ApprovalSteps, flow.Flow):
    process_title = _("Expense claim")

    # after the chain: finance's voucher review (a queue for finance)
    after_approvals = chain_routes(
        RoutedView(engine.task_view).Annotation(title=_("Voucher review"))
        .onCreate(this.finance_task_created),
        this.pay,
    )
    pay = flow.Handle().Annotation(title=_("Pay")).Next(this.paid)
    paid = flow.End().Annotation(title=pgettext_lazy("flow diagram", "Paid"))

    def finance_task_created(self, activation):
        engine.role_task_created(activation, step_code=FINANCE_STEP,
                                 step_label=STEPS[FINANCE_STEP], role=Role.FINANCE)


class BudgetFlow(ApprovalSteps, flow.Flow):
    process_title = _("Expense budget")
