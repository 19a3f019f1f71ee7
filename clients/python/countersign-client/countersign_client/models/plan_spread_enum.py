from enum import StrEnum


class PlanSpreadEnum(StrEnum):
    EVEN = "even"
    LAST_YEAR = "last_year"

    def __str__(self) -> str:
        return str(self.value)
