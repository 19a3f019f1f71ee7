from enum import StrEnum


class RequestsListStatus(StrEnum):
    APPROVED = "approved"
    DONE = "done"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    REJECTED = "rejected"
    RETURNED = "returned"
    VALUE_7 = ""
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
