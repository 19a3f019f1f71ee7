from enum import StrEnum


class ContractsContractsListState(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    REJECTED = "rejected"
    RETURNED = "returned"
    SIGNED = "signed"
    SUPERSEDED = "superseded"
    VALUE_7 = ""
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
