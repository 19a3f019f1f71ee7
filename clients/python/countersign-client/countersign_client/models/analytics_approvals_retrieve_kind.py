from enum import StrEnum


class AnalyticsApprovalsRetrieveKind(StrEnum):
    BUDGET = "budget"
    CAMPAIGN = "campaign"
    CAMPAIGN_EVAL = "campaign_eval"
    CONTRACT = "contract"
    DEMO = "demo"
    EXPENSE = "expense"
    FORM = "form"
    PLAN = "plan"
    RISK = "risk"
    VALUE_9 = ""

    def __str__(self) -> str:
        return str(self.value)
