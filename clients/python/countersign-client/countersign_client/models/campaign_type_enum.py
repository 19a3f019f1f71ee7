from enum import StrEnum


class CampaignTypeEnum(StrEnum):
    CUSTOMER_EVENT = "customer_event"
    LAUNCH = "launch"
    ONLINE = "online"
    TRADE_SHOW = "trade_show"

    def __str__(self) -> str:
        return str(self.value)
