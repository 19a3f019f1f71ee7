from enum import StrEnum


class SpreadEnum(StrEnum):
    EVEN = "even"
    LAST_YEAR = "last_year"

    def __str__(self) -> str:
        return str(self.value)
