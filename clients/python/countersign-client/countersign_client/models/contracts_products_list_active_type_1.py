from enum import StrEnum


class ContractsProductsListActiveType1(StrEnum):
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)
