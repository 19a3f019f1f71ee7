"""Marketing campaign (policy 5(三)): the authority chain for kind `campaign` (marketing's head
and the sales GM, the CEO from the matrix's amount); approved after the last step, when its
budget lines are reserved. Its evaluation (kind `campaign_eval`) goes to the sales GM; the
owner's task of filling it in (kind `campaign_eval_task`) is one step, the owner's."""


from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from core.inbox import engine
from core.inbox.flows import ApprovalSteps, chain_routes, follow_up_task_created
from core.inbox.nodes import RoutedView


class CampaignFlow(ApprovalSteps, flow.Flow):
    process_title = _("Marketing campaign")


class EvaluationFlow(ApprovalSteps, flow.Flow):
    process_title = _("Campaign evaluation")



class EvaluationTaskFlow(ApprovalSteps, flow.Flow):
    process_title = _("Fill in the evaluation")

    approve = chain_routes(
        RoutedView(engine.task_view).Annotation(title=_("Fill in the evaluation"))
        .Assign(engine.chain_assignee).onCreate(follow_up_task_created),
        this.after_approvals,
    )
