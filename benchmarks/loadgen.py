"""A small closed-loop HTTP load generator (no think time), standard library only.

Each virtual user is a thread with its own session: it logs in through the login form (CSRF
cookie and token, like a browser), then until the deadline sends either an inbox view or, with
probability `mix`, an approval: a form POST from its own pool of open tasks.
"""

import http.client
import random
import threading
import time
import urllib.parse
from dataclasses import dataclass, field


class Session:
    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.cookies: dict[str, str] = {}
        self.conn = None

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, bytes]:
        body = urllib.parse.urlencode(form) if form is not None else None
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = None
            raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        if response.will_close:  # gunicorn's sync workers close after each response
            self.conn.close()
            self.conn = None
        return response.status, data

    def login(self, username: str, password: str) -> None:
        self.request("GET", "/accounts/login/")
        status, _ = self.request("POST", "/accounts/login/", {
            "username": username, "password": password,
            "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login of {username} failed: HTTP {status}")


@dataclass
class VirtualUser:
    username: str
    password: str
    inbox: str  # path of the inbox page
    approvals: list[tuple[str, dict]]  # (path, extra form fields), used once each
    samples: list = field(default_factory=list)  # (kind, ok, ms, status)
    exhausted: int = 0


def _loop(user: VirtualUser, session: Session, deadline: float, mix: float, seed: int):
    rng = random.Random(seed)
    while time.perf_counter() < deadline:
        approve = rng.random() < mix
        if approve and not user.approvals:
            user.exhausted += 1
            approve = False
        if approve:
            path, extra = user.approvals.pop(0)
            kind, method, expect = "approve", "POST", 302
            form = {"csrfmiddlewaretoken": session.cookies.get("csrftoken", ""), **extra}
        else:
            kind, method, expect, path, form = "inbox", "GET", 200, user.inbox, None
        start = time.perf_counter()
        try:
            status, _ = session.request(method, path, form)
        except Exception:  # a refused or reset connection is an error, not a crash
            status = 0
        user.samples.append((kind, status == expect, (time.perf_counter() - start) * 1000,
                             status))


def run(users: list[VirtualUser], *, host: str, port: int, seconds: float,
        mix: float) -> float:
    """Log everyone in, then load for `seconds`; returns the measured wall time."""
    sessions = []
    for user in users:
        session = Session(host, port)
        session.login(user.username, user.password)
        sessions.append(session)
    start = time.perf_counter()
    deadline = start + seconds
    threads = [threading.Thread(target=_loop, args=(u, s, deadline, mix, i))
               for i, (u, s) in enumerate(zip(users, sessions, strict=True))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start
