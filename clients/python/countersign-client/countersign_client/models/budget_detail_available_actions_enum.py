from enum import StrEnum


class BudgetDetailAvailableActionsEnum(StrEnum):
    ADJUST = "adjust"
    EDIT = "edit"
    RESUBMIT = "resubmit"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
