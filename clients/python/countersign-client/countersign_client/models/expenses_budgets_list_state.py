from enum import StrEnum


class ExpensesBudgetsListState(StrEnum):
    DRAFT = "draft"
    IN_FORCE = "in_force"
    REJECTED = "rejected"
    RETURNED = "returned"
    SUBMITTED = "submitted"
    SUPERSEDED = "superseded"
    VALUE_7 = ""
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
