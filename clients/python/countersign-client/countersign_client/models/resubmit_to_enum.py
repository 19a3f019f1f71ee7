from enum import StrEnum


class ResubmitToEnum(StrEnum):
    RESTART = "restart"
    RETURNER = "returner"

    def __str__(self) -> str:
        return str(self.value)
