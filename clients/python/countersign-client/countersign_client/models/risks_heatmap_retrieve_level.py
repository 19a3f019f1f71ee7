from enum import StrEnum


class RisksHeatmapRetrieveLevel(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    LOW = "low"
    MEDIUM = "medium"
    VALUE_4 = ""

    def __str__(self) -> str:
        return str(self.value)
