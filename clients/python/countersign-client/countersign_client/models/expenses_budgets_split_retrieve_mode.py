from enum import StrEnum


class ExpensesBudgetsSplitRetrieveMode(StrEnum):
    EVEN = "even"
    LAST_YEAR = "last_year"
    VALUE_2 = ""

    def __str__(self) -> str:
        return str(self.value)
