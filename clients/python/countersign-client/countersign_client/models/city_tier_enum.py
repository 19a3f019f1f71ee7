from enum import StrEnum


class CityTierEnum(StrEnum):
    OTHER = "other"
    TIER1 = "tier1"
    TIER2 = "tier2"

    def __str__(self) -> str:
        return str(self.value)
