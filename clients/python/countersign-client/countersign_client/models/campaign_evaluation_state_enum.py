from enum import StrEnum


class CampaignEvaluationStateEnum(StrEnum):
    APPROVED = "approved"
    OPEN = "open"
    RETURNED = "returned"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
