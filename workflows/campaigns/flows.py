"""Marketing campaign (policy 5(三)): the authority chain for kind `campaign` (marketing's head
and the sales GM, the CEO from the matrix's amount); approved after the last step, when its
budget lines are reserved. Its evaluation (kind `campaign_eval`) goes to the sales GM."""

from django.utils.translation import gettext_lazy as _
from viewflow.workflow import flow

from core.inbox.flows import ApprovalSteps


class CampaignFlow(ApprovalSteps, flow.Flow):
    process_title = _("Marketing campaign")


class EvaluationFlow(ApprovalSteps, flow.Flow):
    process_title = _("Campaign evaluation")
