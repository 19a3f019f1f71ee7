from enum import StrEnum


class RequestsListKind(StrEnum):
    BUDGET = "budget"
    CONTRACT = "contract"
    DEMO = "demo"
    EXPENSE = "expense"
    PLAN = "plan"
    RISK = "risk"
    VALUE_6 = ""

    def __str__(self) -> str:
        return str(self.value)
