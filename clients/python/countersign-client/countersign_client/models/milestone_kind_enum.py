from enum import StrEnum


class MilestoneKindEnum(StrEnum):
    COLLECTION = "collection"
    DELIVERY = "delivery"
    INVOICE = "invoice"

    def __str__(self) -> str:
        return str(self.value)
