"""Single sign-on (issue 20): OpenID Connect against a fake identity provider on 127.0.0.1;
the identity maps to an existing user, never creates one; off when not configured."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest

from core.org.models import User

pytestmark = pytest.mark.django_db
CLIENT_ID, CLIENT_SECRET = "countersign-test", "idp-shared-secret-0123456789abcdef"


class FakeIdP:
    """Token and userinfo endpoints; the id_token is HS256-signed with the client secret."""

    def __init__(self):
        self.nonce = ""
        self.claims = {}
        self.token_requests: list[dict] = []
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def _json(self, data, status=200):
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):  # noqa: N802 - the token endpoint
                form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
                idp.token_requests.append(form)
                if form.get("code") != ["good-code"] or form.get("client_secret") != [
                        CLIENT_SECRET]:
                    return self._json({"error": "invalid_grant"}, 400)
                now = int(time.time())
                id_token = jwt.encode({"iss": idp.url, "aud": CLIENT_ID, "sub": "idp-42",
                                       "iat": now, "exp": now + 300, "nonce": idp.nonce},
                                      CLIENT_SECRET, algorithm="HS256")
                return self._json({"id_token": id_token, "access_token": "at-1",
                                   "token_type": "Bearer", "expires_in": 300})

            def do_GET(self):  # noqa: N802 - the userinfo endpoint
                if self.headers.get("Authorization") != "Bearer at-1":
                    return self._json({"error": "invalid_token"}, 401)
                return self._json({"sub": "idp-42", **idp.claims})

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        host, port = self.server.server_address[:2]
        self.url = f"http://{host}:{port}"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def idp(settings):
    fake = FakeIdP()
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{fake.url}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{fake.url}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{fake.url}/userinfo"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS,
                                        "core.org.oidc.ExistingUserOIDCBackend"]
    yield fake
    fake.stop()


def _login(client, idp, claims):
    start = client.get("/oidc/authenticate/?next=/inbox/")
    assert start.status_code == 302
    query = parse_qs(urlsplit(start["Location"]).query)
    assert start["Location"].startswith(f"{idp.url}/authorize?")
    assert query["client_id"] == [CLIENT_ID]
    idp.nonce = query["nonce"][0]
    idp.claims = claims
    return client.get(f"/oidc/callback/?code=good-code&state={query['state'][0]}")


def test_login_maps_to_the_existing_user_by_username(client, idp, personas):
    answer = _login(client, idp, {"preferred_username": "east_mgr",
                                  "email": "someone-else@example.com"})
    assert answer.status_code == 302 and answer["Location"] == "/inbox/"
    assert int(client.session["_auth_user_id"]) == personas["east_mgr"].pk
    assert idp.token_requests[0]["code_verifier"]  # PKCE


def test_login_maps_by_email_when_the_username_is_unknown(client, idp, personas):
    mgr = personas["east_mgr"]
    answer = _login(client, idp, {"preferred_username": "zhang.wei",
                                  "email": mgr.email.upper()})
    assert answer.status_code == 302
    assert int(client.session["_auth_user_id"]) == mgr.pk


def test_unknown_identity_is_refused_and_no_user_created(client, idp, personas):
    before = User.objects.count()
    answer = _login(client, idp, {"preferred_username": "stranger",
                                  "email": "stranger@example.com"})
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]
    assert "_auth_user_id" not in client.session
    assert User.objects.count() == before


def test_inactive_user_is_refused(client, idp, personas):
    User.objects.filter(pk=personas["east_mgr"].pk).update(is_active=False)
    _login(client, idp, {"preferred_username": "east_mgr"})
    assert "_auth_user_id" not in client.session


def test_forged_state_is_refused(client, idp, personas):
    client.get("/oidc/authenticate/")
    idp.claims = {"preferred_username": "east_mgr"}
    answer = client.get("/oidc/callback/?code=good-code&state=forged")
    assert "_auth_user_id" not in client.session
    assert answer.status_code in (302, 400)


def test_sso_is_off_when_not_configured(client, personas):
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404
    assert "single sign-on" not in client.get("/accounts/login/").content.decode()
    # Password login still works.
    assert client.login(username="east_mgr", password="countersign-demo")


def test_login_page_offers_sso_when_configured(client, idp):
    assert "Log in with single sign-on" in client.get("/accounts/login/").content.decode()
