from enum import StrEnum


class TravelClassEnum(StrEnum):
    BUSINESS = "business"
    ECONOMY = "economy"
    FIRST = "first"
    PREMIUM = "premium"

    def __str__(self) -> str:
        return str(self.value)
