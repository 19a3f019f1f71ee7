from enum import StrEnum


class RiskDetailAvailableActionsEnum(StrEnum):
    ADD_MEASURE = "add_measure"
    ASSESS = "assess"
    CLOSE = "close"
    RESUBMIT = "resubmit"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
