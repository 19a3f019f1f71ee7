from enum import StrEnum


class RequestStatusEnum(StrEnum):
    APPROVED = "approved"
    DONE = "done"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    REJECTED = "rejected"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
