"""Issue 18, found walking the approver's desk in a browser: the flow diagram drew every node
as a black box (its <style> had no CSP nonce), list dates broke inside the date
(2026-12-<break>05), the inbox offered "Approve selected" with nothing to select, and the task
page showed two boxes both called "Copy to (抄送)"."""

import re

import pytest

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, personas):
    def as_user(username):
        client.force_login(personas[username])
        return client

    return as_user


def test_flow_diagram_style_carries_the_pages_csp_nonce(login, submit):
    req = submit()

    response = login("east_rep1").get(f"/requests/{req.pk}/")

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    svg = response.content.decode().split('class="svgwrap"', 1)[1]
    assert f'<style nonce="{nonce}"' in svg
    assert "<style>" not in svg and '<style type="text/css">' not in svg


def test_list_dates_never_break_inside_the_date(login, submit):
    req = submit()
    item = open_item(req)
    from django.utils import timezone

    day = timezone.localtime(item.created).strftime("%Y-%m-%d")

    inbox = login("east_mgr").get("/inbox/").content.decode()
    mine = login("east_rep1").get("/requests/").content.decode()

    for html in (inbox, mine):
        assert f'<span class="nw">{day}</span> <span class="nw">' in html


def test_no_bulk_approve_when_the_inbox_is_empty(login, submit):
    assert 'id="bulk"' not in login("east_mgr").get("/inbox/").content.decode()

    submit()

    assert 'id="bulk"' in login("east_mgr").get("/inbox/").content.decode()


def test_copy_while_deciding_and_copy_alone_have_different_names(login, submit):
    item = open_item(submit())

    html = login("east_mgr").get(f"/inbox/tasks/{item.pk}/").content.decode()

    assert html.count("<summary>Copy to (抄送)</summary>") == 3  # approve, reject, return
    assert html.count("<summary>Copy without deciding (抄送)</summary>") == 1
