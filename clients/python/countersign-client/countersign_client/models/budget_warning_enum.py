from enum import StrEnum


class BudgetWarningEnum(StrEnum):
    VALUE_0 = "80"
    VALUE_1 = "100"

    def __str__(self) -> str:
        return str(self.value)
