from enum import StrEnum


class TaskAvailableActionsEnum(StrEnum):
    ADD_SIGNER = "add_signer"
    APPROVE = "approve"
    CLAIM = "claim"
    COPY = "copy"
    REASSIGN = "reassign"
    REJECT = "reject"
    RELEASE = "release"
    RESUBMIT = "resubmit"
    RETURN = "return"
    TRANSFER = "transfer"
    URGE = "urge"

    def __str__(self) -> str:
        return str(self.value)
