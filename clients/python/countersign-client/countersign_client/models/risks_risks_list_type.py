from enum import StrEnum


class RisksRisksListType(StrEnum):
    COMPETITION = "competition"
    CREDIT = "credit"
    LEGAL = "legal"
    MARKET = "market"
    OTHER = "other"
    VALUE_5 = ""

    def __str__(self) -> str:
        return str(self.value)
