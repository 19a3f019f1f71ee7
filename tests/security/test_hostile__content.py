"""Issue 9, hostile content: this module's world puts `<script>`, an attribute breakout and a
`javascript:` URL into every free text (titles, customer names, purposes, terms, strategies,
risk and measure descriptions, approval comments, limit reasons, problem descriptions, uploaded
file names); the tests add reasons (a return, a withdrawal) and comments. Every page that shows
them renders them escaped, the API returns them as plain strings, and no redirect target taken
from a form leaves the site."""

import json
import logging
import re

import pytest
from django.utils.http import url_has_allowed_host_and_scheme

from core.inbox import services as inbox
from core.inbox.attachments import safe_name
from core.org.models import User

from .routes import VARIANTS, family, skipped_reason, targets, walk
from .world import fresh, open_items

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
WORLD_TEXT = f"{SCRIPT} {BREAKOUT} {JS_URL}"  # read by the `world` fixture (conftest.py)

RAW = (SCRIPT, "<img src=x onerror=alert(1)>", "<script>")
ESCAPED = ("&lt;script&gt;alert(1)&lt;/script&gt;",
           "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
JS_IN_URL = re.compile(r"""(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:""",
                       re.IGNORECASE)
# Who crawls: the owners (their edit forms), an approver (task forms) and the administrator
# (every page).
CRAWLERS = ("admin", "east_rep1", "south_rep1", "east_mgr")


def _add_reasons(world) -> None:
    """A returned claim, a returned risk plan, a withdrawn claim, a comment, a resolution: each
    with the hostile text."""
    u, text = world.users, world.text
    (item,) = open_items("expense", world.objects["claim_e"])
    inbox.task_return(task_id=item.pk, actor=u["east_mgr"], reason=f"请补发票 {text}")
    (item,) = open_items("risk", world.objects["risk_s"])
    inbox.task_return(task_id=item.pk, actor=u["south_mgr"], reason=f"请量化 {text}")
    req = world.requests["claim_s"]
    inbox.request_comment(request_id=req.pk, actor=u["south_rep1"], comment=f"补充 {text}")
    inbox.request_withdraw(request_id=req.pk, actor=u["south_rep1"], reason=f"撤回 {text}")
    from workflows.contracts.services import problem_resolve

    problem_resolve(problem_id=world.extra["problem_e"].pk, actor=u["east_rep1"],
                    resolution=f"已补发 {text}")


def _urls(world):
    for route in walk():
        if skipped_reason(route):
            continue
        fam = family(route)
        if fam:
            for target in targets(world, fam, route):
                yield route.url(target.values)
        else:
            base = route.url({})
            yield base
            yield from (base + q for q in VARIANTS.get(route.name, []))
            # What a filter form echoes back.
            yield base + "?" + "&".join(f"{k}={JS_URL}%3Cscript%3E" for k in
                                        ("q", "submitter", "customer", "step", "event"))


def test_hostile_text_renders_escaped_when_every_page_shows_it(world, caplog, figure):
    caplog.set_level(logging.ERROR, logger="django.request")
    _add_reasons(world)
    found, pages, shown = [], 0, set()
    for username in CRAWLERS:
        from django.test import Client

        client = Client()
        client.force_login(User.objects.get(username=username))
        for url in _urls(world):
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            pages += 1
            html = response.content.decode()
            raw = [r for r in RAW if r in html]
            if raw or JS_IN_URL.search(html):
                found.append(f"{url} as {username}: raw {raw} "
                             f"{JS_IN_URL.findall(html)}")
            shown |= {e for e in ESCAPED if e in html}
    figure("pages with hostile text crawled", pages, f"HTML pages, {len(found)} unescaped")
    assert pages > 150
    assert found == []
    assert shown == set(ESCAPED)  # the text is on the pages, escaped


def _detail(api, url: str) -> dict:
    response = api("admin").get(url)
    assert response.status_code == 200, url
    return json.loads(response.content)


def test_hostile_text_comes_back_as_plain_strings_when_read_through_the_api(world, api):
    o, text = world.objects, world.text
    claim = _detail(api, f"/api/expenses/claims/{o['claim_e'].pk}/")
    contract = _detail(api, f"/api/contracts/contracts/{o['contract_e'].pk}/")
    customer = _detail(api, f"/api/contracts/customers/{o['customer_e'].pk}/")
    plan = _detail(api, f"/api/plans/plans/{o['plan_pub'].pk}/")
    risk = _detail(api, f"/api/risks/risks/{o['risk_e'].pk}/")
    assert claim["title"] == fresh(o["claim_e"]).title
    assert claim["title"].endswith(text) and claim["purpose"].endswith(text)
    assert contract["title"].endswith(text) and contract["delivery_terms"].endswith(text)
    assert customer["name"].endswith(text)
    assert plan["title"].endswith(text) and plan["strategy"].endswith(text)
    assert risk["title"].endswith(text) and risk["description"].endswith(text)
    assert any(e["comment"].endswith(text) for e in contract["history"])
    files = _detail(api, f"/api/expenses/claims/{o['claim_e'].pk}/attachments/")["results"]
    assert [f["name"] for f in files] == [safe_name(f"SMCLAIMEX{text}.pdf")]
    assert "<" not in files[0]["name"] and '"' not in files[0]["name"]


# --- redirect targets taken from a form -------------------------------------------------------

OFFSITE = ["/\\evil.example/", "/\t/evil.example/", "//evil.example/",
           "https://evil.example/", JS_URL]


def _offsite(location: str) -> bool:
    # notifications_read() and attachment_upload() only ask for a leading "/" (not "//"):
    # they are safe because Django's redirect percent-encodes "\" and control characters
    # (iri_to_uri), so "/\evil.example/" leaves as "/%5Cevil.example/", a path on this site.
    return not url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"})


def test_audit_verify_stays_on_the_site_when_next_points_elsewhere(world, login):
    client = login("auditor")
    bad = [n for n in OFFSITE
           if _offsite(client.post("/audit/verify/", {"next": n})["Location"])]
    assert bad == []


def test_marking_notifications_read_stays_on_the_site_when_next_points_elsewhere(world,
                                                                                 login):
    client = login("east_rep1")
    bad = [n for n in OFFSITE
           if _offsite(client.post("/notifications/read/", {"next": n})["Location"])]
    assert bad == []


def test_attachment_upload_stays_on_the_site_when_next_points_elsewhere(world, login):
    client = login("east_rep1")
    req = world.requests["claim_e"]
    bad = [n for n in OFFSITE
           if _offsite(client.post(f"/requests/{req.pk}/attachments/", {"next": n})["Location"])]
    assert bad == []


def test_login_stays_on_the_site_when_next_points_elsewhere(world, client):
    bad = []
    for target in OFFSITE:
        response = client.post(f"/accounts/login/?next={target}", {
            "username": "east_rep1", "password": "countersign-demo", "next": target})
        if response.status_code != 302 or _offsite(response["Location"]):
            bad.append(target)
        client.logout()
    assert bad == []
