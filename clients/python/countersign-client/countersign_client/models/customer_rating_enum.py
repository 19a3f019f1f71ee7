from enum import StrEnum


class CustomerRatingEnum(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"

    def __str__(self) -> str:
        return str(self.value)
