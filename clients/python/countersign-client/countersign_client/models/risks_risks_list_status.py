from enum import StrEnum


class RisksRisksListStatus(StrEnum):
    ASSESSED = "assessed"
    CLOSED = "closed"
    CLOSING = "closing"
    IDENTIFIED = "identified"
    MITIGATING = "mitigating"
    MONITORING = "monitoring"
    OPEN = "open"
    PLAN_RETURNED = "plan_returned"
    PLAN_SUBMITTED = "plan_submitted"
    VALUE_9 = ""

    def __str__(self) -> str:
        return str(self.value)
