"""Issue 9: CSRF is enforced on every form and every session-authenticated API write; no state
changes on GET: every write URL answers GET with 405, and every other URL, fetched by the
people who could act on it, changes no row, writes no audit event and sends no notification."""

import logging

import pytest
from django.middleware.csrf import get_token
from django.test import Client

from core.audit.models import AuditEvent
from core.inbox.models import Notification, OutboxMessage
from core.org.models import User

from .routes import family, skipped_reason, targets, walk
from .snapshot import snapshot

pytestmark = pytest.mark.django_db

# The people who hold or may take the world's open tasks, besides the matrix's personas (the
# matrix checks that its own 2,800 GETs change nothing).
ACTORS = ("east_mgr", "south_mgr", "gm", "ceo")


def allowed_methods(view) -> set[str] | None:
    """The methods a page view's require_http_methods (require_POST, require_GET) allows."""
    seen = view
    while seen is not None:
        for cell in getattr(seen, "__closure__", None) or ():
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            if isinstance(value, list | tuple) and value and all(
                    isinstance(x, str) and x.isupper() for x in value):
                return set(value)
        seen = getattr(seen, "__wrapped__", None)
    return None


def _urls(world):
    """(route, url) for every route of the matrix, each object family with its first target."""
    for route in walk():
        if skipped_reason(route):
            continue
        fam = family(route)
        for target in (targets(world, fam, route) if fam else [None]):
            yield route, route.url(target.values if target else {})


def _client(username: str, *, csrf: bool) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(User.objects.get(username=username))
    return client


def _counts():
    return (AuditEvent.objects.count(), Notification.objects.count(),
            OutboxMessage.objects.count())


def test_every_write_is_403_without_a_token_when_csrf_is_enforced(world, caplog, figure):
    caplog.set_level(logging.ERROR, logger="django.request")
    client = _client("admin", csrf=True)
    client.get("/")  # a CSRF cookie exists: only the token in the request is missing
    before, counts = snapshot(), _counts()
    found, calls = [], 0
    body = {"comment": "x", "reason": "x"}
    for route, url in _urls(world):
        # A cross-site form can send a form post (multipart or urlencoded), never JSON
        # without a preflight; the API gets both. An API view that does not parse the type
        # sent answers 415 before it reaches the CSRF check: that refuses it too.
        calls += 1
        response = client.post(url, body)
        if response.status_code not in ((403, 415) if route.is_api else (403,)):
            found.append(f"POST (form) {url}: {response.status_code}")
        if not route.is_api:
            continue
        for verb in ("post", "put", "patch", "delete"):
            calls += 1
            response = getattr(client, verb)(url, body, content_type="application/json")
            if response.status_code not in (403, 415):
                found.append(f"{verb.upper()} (json) {url}: {response.status_code}")
    figure("writes without a CSRF token", calls, f"calls, {len(found)} let through")
    assert calls > 300
    assert found == []
    assert (snapshot(), _counts()) == (before, counts)


def test_a_write_with_its_token_passes_the_check_when_csrf_is_enforced(world):
    # The control for the test above: the same client with the token is let through.
    client = _client("east_rep1", csrf=True)
    client.get("/")
    token = client.cookies["csrftoken"].value
    response = client.post("/notifications/read/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    response = client.post("/api/tasks/bulk-approve/", {"ids": []},
                           content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code != 403
    assert get_token  # (Django's own token helper: the cookie above is its)


def test_login_form_is_403_without_a_token_when_csrf_is_enforced(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "east_rep1",
                                                "password": "countersign-demo"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_write_only_pages_answer_get_with_405_when_a_holder_opens_them(world, caplog):
    caplog.set_level(logging.ERROR, logger="django.request")
    client = _client("admin", csrf=False)
    post_only = [(r, url) for r, url in _urls(world)
                 if not r.is_api and allowed_methods(r.view) == {"POST"}]
    assert len(post_only) > 30
    found = [f"GET {url}: {client.get(url).status_code}" for _r, url in post_only]
    assert [f for f in found if not f.endswith(": 405")] == []


def test_write_only_api_operations_answer_get_with_405_when_read_from_the_schema(world, api):
    import json
    import re

    client = api("admin")
    schema = json.loads(client.get("/api/schema/?format=json").content)
    found = []
    for path, ops in schema["paths"].items():
        if "get" in ops or path.startswith("/api/auth/"):
            continue
        url = re.sub(r"\{[^}]+\}", str(world.pk("claim_e")), path)
        status = client.get(url).status_code
        if status != 405:
            found.append(f"GET {url}: {status}")
    assert found == []


def test_no_row_audit_event_or_notification_changes_when_every_url_is_fetched(world, caplog,
                                                                              figure):
    caplog.set_level(logging.ERROR, logger="django.request")
    clients = [_client(name, csrf=False) for name in ACTORS]
    before, counts = snapshot(), _counts()
    gets = 0
    for _route, url in _urls(world):
        for client in clients:
            client.get(url)
            gets += 1
    figure("GETs by the task holders", gets, "(and 2,888 in the matrix): 0 rows changed")
    assert gets > 1000
    assert _counts() == counts
    after = snapshot()
    changed = {k: {f: (v, after[k][f]) for f, v in row.items() if after.get(k, {}).get(f) != v}
               for k, row in before.items() if after.get(k) != row}
    # Logging in (force_login) stamps last_login; nothing else may move.
    assert {k: v for k, v in changed.items() if set(v) != {"last_login"}} == {}
    assert set(after) == set(before)
