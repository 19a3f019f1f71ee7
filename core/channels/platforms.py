"""What each platform's group robot is sent, and how it is signed, as the platforms document it.

- Feishu (Lark) custom bot, signature check on: `timestamp` (seconds) and `sign` in the JSON
  body; sign = base64(HMAC-SHA256(key="{timestamp}\\n{secret}", message=b"")).
  The message is an interactive card with the summary and the links as buttons.
- DingTalk custom robot, "加签": `timestamp` (milliseconds) and `sign` in the query string;
  sign = urlencode(base64(HMAC-SHA256(key=secret, message="{timestamp}\\n{secret}"))).
  The message is an ActionCard with one button per link; `at.atMobiles` @-mentions.
- WeCom group robot: the robot key is the secret, sent as the `key` query parameter; no
  signature. The message is markdown with the links and `<@userid>` to mention.
Every platform answers HTTP 200 with its own code (Feishu `code`, the others `errcode`):
0 is success, anything else a failure to retry.
"""

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass
from urllib.parse import quote_plus, urlencode, urlsplit, urlunsplit

from .models import Channel


@dataclass
class Summary:
    number: str
    title: str
    amount: str
    submitter: str
    step: str
    due: str
    task_url: str
    heading: str
    labels: dict[str, str]  # field and button captions in the recipient's language
    links: dict[str, str]  # action -> signed URL


def feishu_sign(secret: str, timestamp: int) -> str:
    key = f"{timestamp}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    message = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest).decode())


def _lines(s: Summary) -> list[tuple[str, str]]:
    rows = [(s.labels["number"], s.number), (s.labels["amount"], s.amount),
            (s.labels["submitter"], s.submitter), (s.labels["step"], s.step)]
    if s.due:
        rows.append((s.labels["due"], s.due))
    return rows


BUTTON_TYPE = {"approve": "primary", "reject": "danger", "return": "default"}


def feishu_card(s: Summary, mention: str = "") -> dict:
    text = "\n".join(f"**{k}**: {v}" for k, v in _lines(s))
    if mention:
        text = f"<at id={mention}></at> {text}"
    buttons = [{"tag": "button", "type": BUTTON_TYPE.get(action, "default"),
                "text": {"tag": "plain_text", "content": s.labels[action]}, "url": url}
               for action, url in s.links.items()]
    buttons.append({"tag": "button", "type": "default",
                    "text": {"tag": "plain_text", "content": s.labels["open"]},
                    "url": s.task_url})
    return {
        "msg_type": "interactive",
        "card": {
            "config": {"wide_screen_mode": True},
            "header": {"template": "blue",
                       "title": {"tag": "plain_text", "content": s.heading}},
            "elements": [
                {"tag": "div", "text": {"tag": "lark_md", "content": f"**{s.title}**"}},
                {"tag": "div", "text": {"tag": "lark_md", "content": text}},
                {"tag": "action", "layout": "flow", "actions": buttons},
            ],
        },
    }


def dingtalk_card(s: Summary, mention: str = "") -> dict:
    body = "\n\n".join(f"**{k}**: {v}" for k, v in _lines(s))
    text = f"### {s.heading}\n\n**{s.title}**\n\n{body}"
    if mention:
        text += f"\n\n@{mention}"
    btns = [{"title": s.labels[a], "actionURL": url} for a, url in s.links.items()]
    btns.append({"title": s.labels["open"], "actionURL": s.task_url})
    return {
        "msgtype": "actionCard",
        "actionCard": {"title": f"{s.heading}: {s.title}", "text": text,
                       "btnOrientation": "1", "btns": btns},
        "at": {"atMobiles": [mention] if mention else [], "isAtAll": False},
    }


def wecom_markdown(s: Summary, mention: str = "") -> dict:
    body = "\n".join(f"> {k}: {v}" for k, v in _lines(s))
    actions = " · ".join(f"[{s.labels[a]}]({url})" for a, url in s.links.items())
    content = f"### {s.heading}\n**{s.title}**\n{body}\n\n{actions} · [{s.labels['open']}]" \
              f"({s.task_url})"
    if mention:
        content = f"<@{mention}>\n{content}"
    return {"msgtype": "markdown", "markdown": {"content": content}}


def build(platform: str, s: Summary, mention: str = "") -> dict:
    if platform == Channel.FEISHU:
        return feishu_card(s, mention)
    if platform == Channel.DINGTALK:
        return dingtalk_card(s, mention)
    return wecom_markdown(s, mention)


def prepare(platform: str, url: str, secret: str, payload: dict,
            now: float | None = None) -> tuple[str, dict]:
    """(URL, body) to POST, signed as the platform wants. Neither is ever logged."""
    now = time.time() if now is None else now
    body = dict(payload)
    if platform == Channel.FEISHU:
        if secret:
            ts = int(now)
            body = {"timestamp": str(ts), "sign": feishu_sign(secret, ts), **body}
        return url, body
    if platform == Channel.DINGTALK:
        if secret:
            ts_ms = int(now * 1000)
            sep = "&" if "?" in url else "?"
            # the sign is already URL-encoded, as DingTalk's documentation does it
            url = f"{url}{sep}timestamp={ts_ms}&sign={dingtalk_sign(secret, ts_ms)}"
        return url, body
    # WeCom: the key is a query parameter of the webhook URL.
    if secret:
        parts = urlsplit(url)
        query = "&".join(p for p in (parts.query, urlencode({"key": secret})) if p)
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    return url, body


def platform_code(platform: str, answer: dict) -> str:
    if not isinstance(answer, dict):
        return ""
    field = "code" if platform == Channel.FEISHU else "errcode"
    value = answer.get(field, answer.get("StatusCode", ""))
    return str(value)
