"""Issue 9, access control: every URL pattern (walked from the resolver) and every API operation
(read from the OpenAPI schema) × the personas × objects they may and may not see, with GET.
Anonymous: 302 to the login page (pages) or 401 (API); no 2xx outside the table of
world.VISIBLE; objects not visible are 404 (or 405 on a write-only URL), never 403; no page or
API answer shows a row of an object the persona may not see."""

import json
import logging
import re
import time
from collections import Counter, defaultdict

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client

from core.audit.models import AuditEvent
from core.inbox.models import Attachment, Request, WorkItem
from core.org.models import User

from .routes import SKIPPED, VARIANTS, family, page_allowed, skipped_reason, targets, walk
from .snapshot import snapshot
from .world import MARKED, PERSONAS, REQUEST_VISIBLE, VISIBLE, marker

pytestmark = pytest.mark.django_db

# Matrix cells that are known problems, each shown by its own xfail test (see the reasons).
KNOWN: dict[tuple[str, str, str], str] = {}

# API lists and the world objects their rows are: (route name, id field, object keys).
API_LISTS = {
    "expenses-api:claims": ("claim_e", "claim_s"),
    "expenses-api:budgets": ("budget",),
    "contracts-api:customers": ("customer_e", "customer_s"),
    "contracts-api:contracts": ("contract_e", "contract_s"),
    "plans-api:plans": ("plan_pub", "plan_draft"),
    "risks-api:risks": ("risk_e", "risk_s"),
    "campaigns-api:campaigns": ("campaign_e",),
}


def _clients() -> dict[str | None, Client]:
    clients = {None: Client()}
    for name in PERSONAS:
        client = Client()
        client.force_login(User.objects.get(username=name))
        clients[name] = client
    return clients


def _text(response) -> str:
    if getattr(response, "streaming", False):
        if response.get("Content-Disposition", "").startswith(("attachment", "inline")):
            return ""  # a file, downloaded or shown in a page (its bytes are the upload's)
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    ctype = response.get("Content-Type", "")
    if not any(t in ctype for t in ("text/", "json", "csv")):
        return ""
    return response.content.decode("utf-8", "replace")


def _hidden_markers(persona: str) -> dict[str, str]:
    return {marker(k): k for k, who in VISIBLE.items() if persona not in who}


def _list_ids(response) -> set[int]:
    data = json.loads(response.content)
    rows = data["results"] if isinstance(data, dict) else data
    return {row["id"] for row in rows}


def _bucket(status: int) -> str:
    if 200 <= status < 300:
        return "2xx"
    if 300 <= status < 400:
        return "3xx"
    return str(status) if status in (400, 401, 403, 404, 405) else ("5xx" if status >= 500
                                                                  else "other")


def run_matrix(world):
    """Every (URL, persona) cell: the response's bucket and any violation."""
    clients = _clients()
    login_url = resolve_url(settings.LOGIN_URL)
    counts: dict[str, Counter] = defaultdict(Counter)
    violations: list[tuple[tuple[str, str, str], str]] = []
    urls = set()
    seen: set[str] = set()  # markers shown to someone allowed: the leak check can see them
    for route in walk():
        if skipped_reason(route):
            continue
        fam = family(route)
        cells = ([(t.label, t.visible, route.url(t.values)) for t in targets(world, fam, route)]
                 if fam else
                 [("-", page_allowed(route), route.url({}) + q)
                  for q in ["", *VARIANTS.get(route.name, [])]])
        for label, allowed, url in cells:
            urls.add(url)
            for persona, client in clients.items():
                response = client.get(url)
                status = response.status_code
                who = persona or "anonymous"
                counts[who][_bucket(status)] += 1
                key = (route.name, label, who)

                def bad(why, key=key, url=url, status=status):
                    violations.append((key, f"{url} {status}: {why}"))

                if persona is None:
                    if route.is_api and status != 401:
                        bad("anonymous API call must be 401")
                    if not route.is_api and not (
                            status == 302 and response["Location"].startswith(login_url)):
                        bad("anonymous page must redirect to the login page")
                    continue
                if status >= 500:
                    bad("server error")
                    continue
                may = persona in allowed
                if not may and 200 <= status < 300:
                    bad("2xx for someone the table does not allow")
                elif not may and fam and status not in (404, 405):
                    bad("an object not visible must be 404 (never 403)")
                elif not may and not fam and status not in (
                        (403, 404, 405) if route.is_api else (404, 405)):
                    bad("a page the persona may not open must be 404 (the API: 403 or 404)")
                elif may and status == 403:
                    bad("403 for a page the persona may open")
                if 200 <= status < 300:
                    text = _text(response)
                    seen.update(m for m in map(marker, VISIBLE) if m in text)
                    leaked = [k for m, k in _hidden_markers(persona).items() if m in text]
                    if leaked:
                        bad(f"shows rows the persona may not see: {leaked}")
                    if route.name in API_LISTS and not fam:
                        keys = API_LISTS[route.name]
                        shown = _list_ids(response)
                        foreign = [k for k in keys if world.pk(k) in shown
                                   and persona not in VISIBLE[k]]
                        if foreign:
                            bad(f"lists foreign rows {foreign}")
    unseen = [k for k in MARKED if marker(k) not in seen]
    if unseen:
        violations.append((("-", "-", "-"), f"markers never shown, the leak check is blind: "
                                             f"{unseen}"))
    return counts, violations, urls


def test_every_route_with_parameters_has_objects_when_walking_the_resolver(world):
    unmapped = [r.route for r in walk() if not skipped_reason(r) and family(r) == ""]
    assert unmapped == [], (
        "declare these routes in their ProcessSpec.access (or routes.CORE_FAMILIES)")
    for route in walk():
        fam = family(route)
        if skipped_reason(route) or not fam:
            continue
        for target in targets(world, fam, route):
            route.url(target.values)  # every parameter has a value


def test_every_schema_operation_is_a_route_of_the_matrix_when_reading_the_schema(world, login):
    response = login("admin").get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    routes = [r for r in walk() if not skipped_reason(r)]
    patterns = [re.compile("^" + re.sub(r"<[^>]+>", "[^/]+", "/" + r.route) + "$")
                for r in routes]
    operations, missing = 0, []
    for path, ops in schema["paths"].items():
        sample = re.sub(r"\{[^}]+\}", "1", path)
        for method in ops:
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            operations += 1
            if path.startswith(("/api/auth/", "/api/schema/")):
                continue
            if not any(p.match(sample) for p in patterns):
                missing.append(f"{method.upper()} {path}")
    assert operations > 60
    assert missing == []


def test_table_of_requests_is_within_the_objects_when_reading_the_table():
    # Whoever sees a request (its tasks, its attachments) sees its object.
    for key, who in REQUEST_VISIBLE.items():
        assert who <= VISIBLE[key], key


def test_no_unauthorized_2xx_and_foreign_objects_404_when_every_url_meets_every_persona(
        world, figure, caplog):
    caplog.set_level(logging.ERROR, logger="django.request")
    started = time.monotonic()
    before, events = snapshot(), AuditEvent.objects.count()
    counts, violations, urls = run_matrix(world)
    elapsed = time.monotonic() - started
    after = snapshot()
    # GET changes nothing (logging in stamps last_login).
    moved = [k for k, row in before.items()
             if {f for f, v in row.items() if after.get(k, {}).get(f) != v} - {"last_login"}]
    assert (moved, set(after) - set(before), AuditEvent.objects.count()) == ([], set(), events)
    routes = [r for r in walk() if not skipped_reason(r)]
    total = sum(sum(c.values()) for c in counts.values())
    figure("routes checked", len(routes), f"({len(SKIPPED)} prefixes skipped)")
    figure("urls x personas", f"{len(urls)} x {len(counts)} = {total} GETs in {elapsed:.1f} s")
    for who, c in counts.items():
        figure(f"{who:>10}", "  ".join(f"{b}={c[b]}" for b in
                                       ("2xx", "3xx", "400", "401", "403", "404", "405", "5xx",
                                        "other")))
    found = [f"{k} {why}" for k, why in violations if k not in KNOWN]
    figure("violations", len(found), f"(+{sum(1 for k, _w in violations if k in KNOWN)} known)")
    assert not found, "\n".join(found)


def test_writes_to_objects_not_visible_are_404_and_change_nothing_when_posted(world, caplog,
                                                                              figure):
    """The GET matrix meets write-only URLs with 405; here every write verb reaches them, as
    each persona that may not see the object: 404 (405 for a verb the URL does not take)."""
    caplog.set_level(logging.ERROR, logger="django.request")
    clients = _clients()
    events = AuditEvent.objects.count()
    rows = {m: m.objects.count() for m in (Request, WorkItem, Attachment)}
    found, calls = [], 0
    for route in walk():
        fam = family(route)
        if skipped_reason(route) or not fam:
            continue
        verbs = ("post", "patch", "put", "delete") if route.is_api else ("post",)
        for target in targets(world, fam, route):
            url = route.url(target.values)
            for persona in PERSONAS:
                if persona in target.visible:
                    continue
                for verb in verbs:
                    calls += 1
                    response = getattr(clients[persona], verb)(
                        url, {"comment": "x", "reason": "x"},
                        **({"content_type": "application/json"} if route.is_api else {}))
                    if response.status_code not in (404, 405):
                        found.append(f"{verb.upper()} {url} as {persona}: "
                                     f"{response.status_code} ({target.label})")
    figure("writes to objects not visible (POST/PATCH/PUT/DELETE)", calls,
           f"calls, {len(found)} not 404/405")
    assert calls > 500
    assert not found, "\n".join(found)
    assert AuditEvent.objects.count() == events
    assert {m: m.objects.count() for m in rows} == rows
