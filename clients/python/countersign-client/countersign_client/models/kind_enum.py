from enum import StrEnum


class KindEnum(StrEnum):
    COLLECTION = "collection"
    DELIVERY = "delivery"
    INVOICE = "invoice"

    def __str__(self) -> str:
        return str(self.value)
