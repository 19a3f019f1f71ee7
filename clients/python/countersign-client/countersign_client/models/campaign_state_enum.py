from enum import StrEnum


class CampaignStateEnum(StrEnum):
    APPROVED = "approved"
    CLOSED = "closed"
    DRAFT = "draft"
    EVALUATING = "evaluating"
    REJECTED = "rejected"
    RETURNED = "returned"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
