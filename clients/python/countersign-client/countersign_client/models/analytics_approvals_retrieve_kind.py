from enum import StrEnum


class AnalyticsApprovalsRetrieveKind(StrEnum):
    BUDGET = "budget"
    CAMPAIGN = "campaign"
    CAMPAIGN_EVAL = "campaign_eval"
    CAMPAIGN_EVAL_TASK = "campaign_eval_task"
    CONTRACT = "contract"
    DEMO = "demo"
    EXPENSE = "expense"
    FORM = "form"
    FORM_ACTION = "form_action"
    PLAN = "plan"
    RISK = "risk"
    VALUE_11 = ""

    def __str__(self) -> str:
        return str(self.value)
