from enum import StrEnum


class InvoiceTypeEnum(StrEnum):
    DIGITAL = "digital"
    OTHER = "other"
    VAT_ORDINARY = "vat_ordinary"
    VAT_SPECIAL = "vat_special"

    def __str__(self) -> str:
        return str(self.value)
