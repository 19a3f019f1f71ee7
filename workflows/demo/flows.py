"""Demo approval: the authority chain for kind `demo` (line manager, then the sales GM from
10,000.00); approved after the last step. The smallest process the task engine routes."""

from django.utils.translation import gettext_lazy as _
from viewflow.workflow import flow

from core.inbox.flows import ApprovalSteps


class DemoApprovalFlow(ApprovalSteps, flow.Flow):
    process_title = _("Demo approval")
