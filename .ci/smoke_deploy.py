"""Smoke test against a running production deployment (called by .ci/deploy_check).

Talks HTTP to gunicorn as a reverse proxy would (Host, X-Forwarded-Proto: https,
X-Forwarded-For) and reads the database as the application's role for what HTTP does not show.
Exits non-zero at the first failed check, naming it. Standard library plus psycopg2.

    python .ci/smoke_deploy.py --base http://127.0.0.1:PORT --host countersign.test \\
        --dsn postgres://app@127.0.0.1/db
"""

import argparse
import http.client
import json
import re
import sys
import time
from datetime import date
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import psycopg2

PASSWORD = "countersign-demo"
CLIENT_IP = "198.51.100.77"  # what the proxy says the client is


class Failed(Exception):
    pass


def check(condition, what: str):
    if not condition:
        raise Failed(what)
    print(f"  ok  {what}")


class Client:
    """One browser or API client behind the proxy: cookies kept by hand (they are Secure, and
    the hop from the proxy is plain HTTP), no redirects followed."""

    def __init__(self, base: str, host: str, forwarded_for: str = CLIENT_IP):
        parts = urlsplit(base)
        self.netloc, self.host, self.forwarded_for = parts.netloc, host, forwarded_for
        self.cookies: dict[str, str] = {}
        self.token = None

    def request(self, method: str, path: str, body=None, *, form: bool = False, headers=None):
        conn = http.client.HTTPConnection(self.netloc, timeout=30)
        sent = {"Host": self.host, "X-Forwarded-Proto": "https",
                "X-Forwarded-For": self.forwarded_for, "Accept": "application/json, text/html"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.token:
            sent["Authorization"] = f"Token {self.token}"
        data = None
        if isinstance(body, bytes):
            data = body  # a multipart body made by upload(); its Content-Type is in headers
        elif body is not None and form:
            data = urlencode(body)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body)
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        payload = response.read()
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        conn.close()
        return response.status, dict(response.getheaders()), payload

    def upload(self, path: str, fields: dict, file_name: str, content: bytes, content_type: str):
        """POST multipart/form-data: `fields` plus one file under "file"; answers (status, json)."""
        boundary = f"smoke{time.monotonic_ns()}"
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                 .encode() for k, v in fields.items()]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                     f'filename="{file_name}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                     + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        status, _h, payload = self.request(
            "POST", path, b"".join(parts),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        try:
            return status, json.loads(payload or b"null")
        except ValueError:
            return status, payload[:300]

    def json(self, method: str, path: str, body=None):
        status, _headers, payload = self.request(method, path, body)
        try:
            return status, json.loads(payload or b"null")
        except ValueError:
            return status, payload[:300]


def pages(base: str, host: str) -> None:
    print("pages and static files")
    web = Client(base, host)
    status, _h, body = web.request("GET", "/accounts/login/")
    html = body.decode()
    check(status == 200, "login page answers 200")
    hashed = re.findall(r'/static/([\w/.-]+\.[0-9a-f]{12}\.(?:css|js|svg))', html)
    check(any(h.startswith("css/countersign.") for h in hashed),
          f"login page links hashed static files ({len(hashed)} found)")
    status, headers, _b = web.request("GET", f"/static/{hashed[0]}")
    check(status == 200 and "max-age=315360000" in headers.get("Cache-Control", ""),
          f"{hashed[0]} served by whitenoise, cached forever")
    status, headers, _b = web.request("GET", "/api/docs/")
    check(status == 302 and "/accounts/login/" in headers.get("Location", ""),
          "API docs page sends an anonymous visitor to the login page")
    status, _h, _b = web.request("GET", "/no-such-page/")
    check(status == 404, "an unknown page answers 404 (not 500)")
    status, health = web.json("GET", "/healthz")
    check(status == 200 and health == {"database": "ok", "broker": "ok"}, f"/healthz {health}")

    # A browser login through the form (CSRF over "HTTPS": the Referer must match the host).
    token = web.cookies.get("csrftoken")
    check(token, "login page sets the CSRF cookie")
    status, headers, _b = web.request(
        "POST", "/accounts/login/",
        {"username": "east_rep1", "password": PASSWORD, "csrfmiddlewaretoken": token},
        form=True, headers={"Referer": f"https://{host}/accounts/login/",
                            "Origin": f"https://{host}"})
    check(status == 302 and "sessionid" in web.cookies, "form login as east_rep1 (302, session)")
    status, _h, _b = web.request("GET", "/")
    check(status == 200, "home page as east_rep1 answers 200")
    status, headers, _b = web.request("GET", "/api/docs/")
    check(status == 200 and "script-src" in headers.get("Content-Security-Policy", ""),
          "API docs page answers 200 after login, under the Content-Security-Policy")


def api_client(base: str, host: str, username: str) -> Client:
    client = Client(base, host)
    status, body = client.json("POST", "/api/auth/token/",
                               {"username": username, "password": PASSWORD})
    check(status == 200 and "token" in body, f"API token for {username}")
    client.token = body["token"]
    return client


def task_for(client: Client, scope: str, claim_id: int, wait: float = 20) -> dict:
    deadline = time.monotonic() + wait
    while True:
        status, body = client.json("GET", f"/api/tasks/?scope={scope}&page_size=200")
        if status != 200:
            raise Failed(f"GET /api/tasks/?scope={scope}: {status} {body}")
        tasks = [t for t in body["results"]
                 if t["process"] == "expense" and t["request"]["id"] == claim_id]
        if tasks:
            return tasks[0]
        if time.monotonic() > deadline:
            raise Failed(f"no {scope} task for claim {claim_id}")
        time.sleep(0.5)


def claim_lifecycle(base: str, host: str, dsn: str) -> int:
    print("an expense claim through the API, paid by the Celery worker")
    rep, mgr, fin = (api_client(base, host, u) for u in ("east_rep1", "east_mgr", "finance"))
    day = date.today().replace(day=1).isoformat()
    status, claim = rep.json("POST", "/api/expenses/claims/", {
        "category": "travel", "title": "部署检查 杭州客户拜访", "purpose": "deploy check",
        "expense_date": day, "lines": [
            {"date": day, "item_type": "transport", "description": "高铁 上海-杭州",
             "amount": "500.00"}]})
    check(status == 201, f"claim created ({status} {claim if status != 201 else claim['id']})")
    claim_id = claim["id"]
    # The receipt the line needs (the demo's voucher requirements): a fully digital invoice
    # bought by the company (COMPANY_NAME / COMPANY_CREDIT_CODE, their defaults here).
    line_id = claim["lines"][0]["id"]
    number = f"2631{time.time_ns() % 10**16:016d}"
    status, body = rep.upload(
        f"/api/expenses/claims/{claim_id}/receipts/",
        {"line": line_id, "kind": "invoice", "invoice_type": "digital",
         "invoice_number": number, "invoice_date": day, "invoice_amount": "500.00",
         "seller_name": "上海铁路", "seller_code": "91440300MA5FAB2C1Y",
         "buyer_name": "示例销售有限公司", "buyer_code": "91310115MA1K4C30XK"},
        "发票.pdf", b"%PDF-1.4\n% deploy check " + number.encode() + b"\n%%EOF\n",
        "application/pdf")
    check(status == 201, f"invoice uploaded for the line ({status} "
          f"{body if status != 201 else body['id']})")
    status, body = rep.json("POST", f"/api/expenses/claims/{claim_id}/submit/")
    check(status == 200 and body["state"] == "submitted", f"claim submitted ({status})")

    task = task_for(mgr, "inbox", claim_id)
    status, body = mgr.json("POST", f"/api/tasks/{task['id']}/approve/", {"comment": "同意"})
    check(status == 200, f"east_mgr approves step {task['step']} ({status})")
    queued = task_for(fin, "queue", claim_id)
    status, _b = fin.json("POST", f"/api/tasks/{queued['id']}/claim/")
    check(status == 200, "finance claims the voucher review")
    status, body = fin.json("POST", f"/api/tasks/{queued['id']}/approve/", {"comment": "凭证无误"})
    check(status == 200, f"finance approves the voucher ({status})")

    deadline = time.monotonic() + 60
    while True:  # the payment job runs on the Celery worker
        status, body = rep.json("GET", f"/api/expenses/claims/{claim_id}/")
        if body.get("state") == "paid" or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    check(body.get("state") == "paid" and body.get("payment_reference"),
          f"claim paid by the worker ({body.get('state')}, {body.get('payment_reference')})")

    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT current_user")
        role = cur.fetchone()[0]
        deadline = time.monotonic() + 30
        while True:
            cur.execute("SELECT count(*) FROM inbox_notification n JOIN org_user u "
                        "ON u.id = n.recipient_id WHERE u.username = 'east_mgr' "
                        "AND n.kind = 'assigned' AND n.request_id IN (SELECT id FROM "
                        "inbox_request WHERE kind = 'expense' AND object_id = %s)", [claim_id])
            delivered = cur.fetchone()[0]
            conn.commit()
            if delivered or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    check(delivered == 1, f"east_mgr's notification delivered by the worker (read as {role})")

    auditor = api_client(base, host, "auditor")
    status, body = auditor.json(
        "GET", f"/api/audit/events/?subject_kind=expense&subject_id={claim_id}&page_size=200")
    check(status == 200, "auditor reads the claim's audit events")
    ips = {e["event"]: e["ip"] for e in body["results"]}
    check(ips.get("expense.submitted") == CLIENT_IP,
          f"audit IP is the client's from X-Forwarded-For via the trusted proxy "
          f"({ips.get('expense.submitted')})")
    check("expense.paid" in ips, "the payment is in the audit trail")
    return claim_id


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--host", required=True)
    parser.add_argument("--dsn", required=True, help="the application role's connection")
    args = parser.parse_args()
    started = time.monotonic()
    try:
        pages(args.base, args.host)
        claim_lifecycle(args.base, args.host, args.dsn)
    except Failed as failure:
        print(f"SMOKE FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"smoke test passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
