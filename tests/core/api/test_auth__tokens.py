"""API tokens (issue 17, hole 7): a new token per exchange, only its digest stored, ended by
logging out, listed and revoked by their owner alone."""

import pytest
from django.test import Client

from core.org.demo import DEMO_PASSWORD
from core.org.models import ApiToken

pytestmark = pytest.mark.django_db


def _token(client, username="east_rep1", name=None) -> dict:
    body = {"username": username, "password": DEMO_PASSWORD}
    if name is not None:
        body["name"] = name
    response = client.post("/api/auth/token/", body, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def _auth(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {token}"}


def test_each_exchange_gives_a_new_token_when_asked_twice(client, personas):
    first, second = _token(client), _token(client)

    assert first["token"] != second["token"]
    assert client.get("/api/tasks/", **_auth(first["token"])).status_code == 200
    assert client.get("/api/tasks/", **_auth(second["token"])).status_code == 200
    stored = ApiToken.objects.filter(user=personas["east_rep1"])
    assert stored.count() == 2
    assert not stored.filter(digest__in=[first["token"], second["token"]]).exists()


def test_token_stops_working_when_its_holder_logs_out(client, personas):
    token = _token(client)["token"]
    other = _token(client)["token"]

    response = client.post("/api/auth/logout/", **_auth(token))

    assert response.status_code == 204
    assert client.get("/api/tasks/", **_auth(token)).status_code == 401
    assert client.get("/api/tasks/", **_auth(other)).status_code == 200  # only that one ended


def test_user_lists_own_tokens_only_without_secrets(client, personas):
    mine = _token(client, name="nightly export")
    _token(client, username="east_mgr")

    response = client.get("/api/auth/tokens/", **_auth(mine["token"]))

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["id"] for r in rows] == [mine["id"]]
    row = rows[0]
    assert set(row) == {"id", "name", "created", "expiry", "last_used", "current"}
    assert row["name"] == "nightly export" and row["current"] is True
    assert row["last_used"] is not None and row["expiry"] is not None
    assert mine["token"] not in response.content.decode()


def test_user_revokes_a_token_and_not_someone_elses(client, personas):
    mine, spare = _token(client), _token(client)
    theirs = _token(client, username="east_mgr")

    refused = client.delete(f"/api/auth/tokens/{theirs['id']}/", **_auth(mine["token"]))
    revoked = client.delete(f"/api/auth/tokens/{spare['id']}/", **_auth(mine["token"]))

    assert refused.status_code == 404
    assert refused.json()["code"] == "not_found"
    assert client.get("/api/tasks/", **_auth(theirs["token"])).status_code == 200
    assert revoked.status_code == 204
    assert client.get("/api/tasks/", **_auth(spare["token"])).status_code == 401
    assert client.get("/api/tasks/", **_auth(mine["token"])).status_code == 200


def test_tokens_listed_from_a_browser_session_and_revoked_with_csrf_only(personas):
    client = Client(enforce_csrf_checks=True)
    token = _token(client)
    client.force_login(personas["east_rep1"])

    listed = client.get("/api/auth/tokens/")
    assert [r["id"] for r in listed.json()["results"]] == [token["id"]]
    assert listed.json()["results"][0]["current"] is False
    assert client.delete(f"/api/auth/tokens/{token['id']}/").status_code == 403  # CSRF
