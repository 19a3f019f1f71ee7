from viewflow.workflow import flow

from core.inbox.flows import ApprovalSteps


class ThrowawayFlow(ApprovalSteps, flow.Flow):
    process_title = "Throwaway"
