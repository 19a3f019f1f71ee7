from enum import StrEnum


class ContractsCustomersListRating(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    VALUE_4 = ""

    def __str__(self) -> str:
        return str(self.value)
