from enum import StrEnum


class RiskTypeEnum(StrEnum):
    COMPETITION = "competition"
    CREDIT = "credit"
    LEGAL = "legal"
    MARKET = "market"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
