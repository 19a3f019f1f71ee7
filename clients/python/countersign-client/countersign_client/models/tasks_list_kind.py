from enum import StrEnum


class TasksListKind(StrEnum):
    BUDGET = "budget"
    CONTRACT = "contract"
    DEMO = "demo"
    EXPENSE = "expense"
    FORM = "form"
    PLAN = "plan"
    RISK = "risk"
    VALUE_7 = ""

    def __str__(self) -> str:
        return str(self.value)
