from enum import StrEnum


class TasksListKind(StrEnum):
    BUDGET = "budget"
    CAMPAIGN = "campaign"
    CAMPAIGN_EVAL = "campaign_eval"
    CONTRACT = "contract"
    DEMO = "demo"
    EXPENSE = "expense"
    FORM = "form"
    FORM_ACTION = "form_action"
    PLAN = "plan"
    RISK = "risk"
    VALUE_10 = ""

    def __str__(self) -> str:
        return str(self.value)
