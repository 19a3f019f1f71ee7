"""Channel names as the audit trail and the pages say them (no model imports: core.inbox's
audit sentences read these)."""

from django.utils.translation import gettext_lazy as _

VIA_LINK = {
    "email": _("via e-mail link"),
    "feishu": _("via Feishu link"),
    "dingtalk": _("via DingTalk link"),
    "wecom": _("via WeCom link"),
}


def via_link(channel: str) -> str:
    label = VIA_LINK.get(channel or "")
    return str(label) if label is not None else ""
