"""Content-Security-Policy (issue 17, hole 7): every page carries one that allows scripts from
this site only, and no template holds an inline script or event handler for it to block."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I)


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


def test_pages_carry_a_policy_without_inline_script_when_served(client, personas):
    login = client.get("/accounts/login/")
    client.force_login(personas["east_mgr"])
    for response in (login, client.get("/inbox/"), client.get("/requests/")):
        policy = _policy(response)
        assert policy["script-src"] == "script-src 'self'"
        assert "'unsafe-inline'" not in policy["style-src"]
        assert policy["frame-ancestors"] == "frame-ancestors 'none'"
        assert policy["object-src"] == "object-src 'none'"


def test_style_blocks_carry_the_policys_nonce_when_rendered(client, personas):
    client.force_login(personas["finance"])
    response = client.get("/contracts/statistics/")
    nonce = re.search(r"'nonce-([^']+)'", _policy(response)["style-src"]).group(1)
    assert f'<style nonce="{nonce}">'.encode() in response.content


def test_no_template_holds_inline_script_or_event_handler():
    found = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {m.group(0)}" for m in INLINE_SCRIPT.finditer(text)]
        found += [f"{path.name}: {m.group(0)}" for m in HANDLER.finditer(text)]
    assert found == []


def test_inbox_rows_hold_no_inline_handler_when_rendered(client, personas):
    from decimal import Decimal

    from workflows.demo.services import demo_submit

    demo_submit(actor=personas["east_rep1"], title="拜访", amount=Decimal("800.00"))
    client.force_login(personas["east_mgr"])
    content = client.get("/inbox/").content.decode()
    assert "data-select-all" in content
    assert not HANDLER.search(content)
    assert not INLINE_SCRIPT.search(content)
