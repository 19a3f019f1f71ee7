from enum import StrEnum


class ExpensesClaimsListState(StrEnum):
    APPROVED = "approved"
    DRAFT = "draft"
    PAID = "paid"
    REJECTED = "rejected"
    RETURNED = "returned"
    SUBMITTED = "submitted"
    VALUE_8 = ""
    VOUCHER_APPROVED = "voucher_approved"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
