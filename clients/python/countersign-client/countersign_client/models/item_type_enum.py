from enum import StrEnum


class ItemTypeEnum(StrEnum):
    ENTERTAINMENT = "entertainment"
    HOTEL = "hotel"
    MEALS = "meals"
    OTHER = "other"
    TRANSPORT = "transport"

    def __str__(self) -> str:
        return str(self.value)
