from enum import StrEnum


class PlansPlansListState(StrEnum):
    CONFIRMED = "confirmed"
    CONFIRMING = "confirming"
    DRAFT = "draft"
    IN_SIGN_OFF = "in_sign_off"
    PUBLISHED = "published"
    RETURNED = "returned"
    SUPERSEDED = "superseded"
    VALUE_8 = ""
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
