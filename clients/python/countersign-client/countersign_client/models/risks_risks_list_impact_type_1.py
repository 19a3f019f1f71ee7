from enum import StrEnum


class RisksRisksListImpactType1(StrEnum):
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)
