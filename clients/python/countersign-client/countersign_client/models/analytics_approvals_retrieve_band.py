from enum import StrEnum


class AnalyticsApprovalsRetrieveBand(StrEnum):
    GTE_1M = "gte_1m"
    LT_10K = "lt_10k"
    VALUE_1 = "10k_100k"
    VALUE_2 = "100k_1m"
    VALUE_4 = ""

    def __str__(self) -> str:
        return str(self.value)
