"""Fake Feishu, DingTalk and WeCom robot servers on 127.0.0.1, started by the tests.

Each checks the signature the way the platform documents it — written out here again, apart
from the application's code, so that a mistake in one is not repeated in the other — records
what it was sent and answers as the platform would: HTTP 200 with its own code, 0 for success.
`fail_next(n)` makes the next n requests answer HTTP 500 (the platform down).
"""

import base64
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class FakePlatform:
    def __init__(self, platform: str, secret: str):
        self.platform = platform
        self.secret = secret
        self.received: list[dict] = []  # accepted messages (the body without signing fields)
        self.refused: list[dict] = []
        self.requests = 0
        self._fail = 0
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server API
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                status, answer = fake.handle(self.path, raw)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        if self.platform == "wecom":
            return f"http://{host}:{port}/cgi-bin/webhook/send"
        if self.platform == "dingtalk":
            return f"http://{host}:{port}/robot/send?access_token=fake-token"
        return f"http://{host}:{port}/open-apis/bot/v2/hook/fake-hook"

    def fail_next(self, n: int) -> None:
        self._fail = n

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def handle(self, path: str, raw: bytes) -> tuple[int, dict]:
        with self._lock:
            self.requests += 1
            if self._fail > 0:
                self._fail -= 1
                return 500, {"error": "internal"}
        body = json.loads(raw or b"{}")
        query = parse_qs(urlsplit(path).query)
        ok, reason = getattr(self, f"_check_{self.platform}")(body, query)
        if not ok:
            self.refused.append({"reason": reason, "body": body})
            if self.platform == "feishu":
                return 200, {"code": 19021, "msg": reason}
            return 200, {"errcode": 310000 if self.platform == "dingtalk" else 93000,
                         "errmsg": reason}
        self.received.append(body)
        if self.platform == "feishu":
            return 200, {"code": 0, "msg": "success", "data": {}}
        return 200, {"errcode": 0, "errmsg": "ok"}

    # Feishu: body has timestamp (s) and sign; sign = base64(hmac_sha256(key=ts+"\n"+secret,
    # msg=empty)); the timestamp must be within an hour of now.
    def _check_feishu(self, body: dict, query) -> tuple[bool, str]:
        ts, sign = body.pop("timestamp", None), body.pop("sign", None)
        if ts is None or sign is None:
            return False, "sign missing"
        if abs(time.time() - int(ts)) > 3600:
            return False, "timestamp is not within one hour from current time"
        expected = base64.b64encode(hmac.new(f"{ts}\n{self.secret}".encode(),
                                             digestmod=hashlib.sha256).digest()).decode()
        return (sign == expected, "sign match fail")

    # DingTalk: query has timestamp (ms) and sign (URL-encoded); sign =
    # base64(hmac_sha256(key=secret, msg=ts+"\n"+secret)); within an hour of now.
    def _check_dingtalk(self, body: dict, query) -> tuple[bool, str]:
        if query.get("access_token") != ["fake-token"]:
            return False, "token is not exist"
        ts, sign = query.get("timestamp", [None])[0], query.get("sign", [None])[0]
        if ts is None or sign is None:
            return False, "sign not match"
        if abs(time.time() * 1000 - int(ts)) > 3600 * 1000:
            return False, "timestamp out of range"
        expected = base64.b64encode(hmac.new(self.secret.encode("utf-8"),
                                             f"{ts}\n{self.secret}".encode(),
                                             digestmod=hashlib.sha256).digest()).decode()
        return (sign == expected, "sign not match")  # parse_qs already URL-decoded it

    # WeCom: the robot key is the `key` query parameter.
    def _check_wecom(self, body: dict, query) -> tuple[bool, str]:
        return (query.get("key") == [self.secret], "invalid webhook url")
