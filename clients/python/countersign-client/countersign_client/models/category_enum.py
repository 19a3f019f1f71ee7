from enum import StrEnum


class CategoryEnum(StrEnum):
    ENTERTAINMENT = "entertainment"
    MARKETING = "marketing"
    OTHER = "other"
    PERSONNEL = "personnel"
    TRAVEL = "travel"

    def __str__(self) -> str:
        return str(self.value)
