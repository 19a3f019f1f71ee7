from enum import StrEnum


class InteractionKindEnum(StrEnum):
    CALL = "call"
    COMPLAINT = "complaint"
    NOTE = "note"
    VISIT = "visit"

    def __str__(self) -> str:
        return str(self.value)
