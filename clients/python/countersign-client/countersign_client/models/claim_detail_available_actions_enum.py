from enum import StrEnum


class ClaimDetailAvailableActionsEnum(StrEnum):
    EDIT = "edit"
    REDUCE = "reduce"
    RESUBMIT = "resubmit"
    RETRY_PAYMENT = "retry_payment"
    SUBMIT = "submit"
    UPLOAD = "upload"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
