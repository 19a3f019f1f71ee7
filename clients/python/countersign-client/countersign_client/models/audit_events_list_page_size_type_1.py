from enum import StrEnum


class AuditEventsListPageSizeType1(StrEnum):
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)
