from enum import StrEnum


class SignerPositionEnum(StrEnum):
    AFTER = "after"
    ALONGSIDE = "alongside"
    BEFORE = "before"

    def __str__(self) -> str:
        return str(self.value)
