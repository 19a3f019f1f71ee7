from enum import StrEnum


class ContractsCreditLimitChangesListState(StrEnum):
    APPROVED = "approved"
    PENDING = "pending"
    REJECTED = "rejected"
    VALUE_3 = ""

    def __str__(self) -> str:
        return str(self.value)
