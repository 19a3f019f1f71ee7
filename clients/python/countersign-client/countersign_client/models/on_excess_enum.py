from enum import StrEnum


class OnExcessEnum(StrEnum):
    EXTRA_APPROVAL = "extra_approval"
    REFUSE = "refuse"

    def __str__(self) -> str:
        return str(self.value)
