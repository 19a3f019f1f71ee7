from enum import StrEnum


class ExpensesBudgetsListCategory(StrEnum):
    ENTERTAINMENT = "entertainment"
    MARKETING = "marketing"
    OTHER = "other"
    PERSONNEL = "personnel"
    TRAVEL = "travel"
    VALUE_5 = ""

    def __str__(self) -> str:
        return str(self.value)
