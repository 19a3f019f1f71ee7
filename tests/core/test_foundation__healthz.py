import re

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


class _UnreachableDatabase:
    def cursor(self):
        raise OperationalError("could not connect to server: Connection refused")


def test_ok_with_eager_broker_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "eager"}
    assert "no-cache" in response["Cache-Control"]


def test_503_with_database_unreachable_when_cursor_raises(client, monkeypatch):
    monkeypatch.setattr("core.views.connection", _UnreachableDatabase())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "unreachable", "broker": "eager"}


def test_still_200_with_broker_unreachable_when_broker_is_down(client, settings, monkeypatch):
    from config.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(app, "connection_for_write", refuse)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "unreachable"}


def test_405_when_posting(client):
    assert client.post("/healthz").status_code == 405


def test_incoming_request_id_echoed_when_well_formed(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-2026.03:req_42-a")
    assert response["X-Request-ID"] == "lb-2026.03:req_42-a"


def test_request_id_echoed_when_exactly_64_characters(client):
    rid = "a" * 64
    assert client.get("/healthz", HTTP_X_REQUEST_ID=rid)["X-Request-ID"] == rid


@pytest.mark.parametrize("incoming", ["bad id<script>", "a" * 65, "", "naïve-id", "a;b"])
def test_request_id_replaced_when_malformed(client, incoming):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)
    assert response.status_code == 200
    generated = response["X-Request-ID"]
    assert generated != incoming
    assert re.fullmatch(r"[0-9a-f]{32}", generated)


def test_fresh_request_id_generated_when_each_request_has_none(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_request_id_replaced_when_it_ends_with_a_newline(client):
    client.raise_request_exception = False
    response = client.get("/healthz", HTTP_X_REQUEST_ID="abc\n")
    assert response.status_code == 200
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
