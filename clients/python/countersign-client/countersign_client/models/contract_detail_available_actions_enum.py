from enum import StrEnum


class ContractDetailAvailableActionsEnum(StrEnum):
    ADD_MILESTONE = "add_milestone"
    AMEND = "amend"
    ATTACH = "attach"
    EDIT = "edit"
    RAISE_PROBLEM = "raise_problem"
    RESUBMIT = "resubmit"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
