from enum import StrEnum


class ContractsCustomersListValueClass(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    VALUE_3 = ""

    def __str__(self) -> str:
        return str(self.value)
