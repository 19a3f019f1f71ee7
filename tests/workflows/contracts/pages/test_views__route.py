"""Everyone sees the whole route (issue 18): a contract's request page draws every stop as a
timeline — the regional review done (who, when, comment), legal and finance side by side with
their own status, marked as both required (会签), and the sign-off still to come with the
people the authority matrix will ask, their deputy beside them when one acts for them today."""

import re
from datetime import timedelta

import pytest

from core.inbox import services as inbox
from core.org.models import Delegation
from core.org.selectors import today

from ..conftest import item, request_of

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def stops(html: str) -> dict[str, tuple[str, str]]:
    """{step code: (state, the stop's text)} for every stop and branch of the route."""
    block = re.search(r'<ol class="route">(.*?)</ol>', html, re.S)
    assert block, "no route on the page"
    found = {}
    marks = list(re.finditer(r'<(li|div) class="(?:stop|branch)[^"]*" data-step="([^"]+)" '
                             r'data-state="([^"]*)"', block.group(1)))
    for n, mark in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(block.group(1))
        found[mark.group(2)] = (mark.group(3), _text(block.group(1)[mark.end():end]))
    return found


def test_branches_side_by_side_when_legal_approved_and_finance_pending(client_for, personas,
                                                                        in_parallel):
    contract = in_parallel()
    inbox.task_approve(task_id=item(contract, "legal_review").pk, actor=personas["legal"],
                       comment="条款无异议")
    req = request_of(contract)

    html = client_for("east_rep1").get(f"/requests/{req.pk}/").content.decode()
    route = stops(html)

    state, text = route["regional_review"]
    assert state == "done" and str(personas["east_mgr"]) in text and "ok" in text
    # the group: both reviews, both required, under way while finance decides
    assert route["legal_review+credit_review"][0] == "current"
    assert "all must approve (会签)" in route["legal_review+credit_review"][1]
    state, text = route["legal_review"]
    assert state == "done" and str(personas["legal"]) in text and "条款无异议" in text
    state, text = route["credit_review"]
    assert state == "current"
    assert str(personas["finance"]) in text and str(personas["finance_clerk"]) in text
    assert "any one of them (或签)" in text and "due" in text
    # after the reviews: the sign-off, from the authority matrix
    state, text = route["sales_gm"]
    assert state == "upcoming" and f"Will be asked: {personas['gm']}" in text
    assert html.index('data-step="regional_review"') < html.index('data-step="legal_review"') \
        < html.index('data-step="sales_gm"')


def test_every_future_approver_listed_when_the_contract_waits_on_its_regional_review(
        client_for, personas, submitted):
    contract = submitted("1500000.00")  # from 1,000,000.00 the CEO signs off
    req = request_of(contract)

    route = stops(client_for("east_rep1").get(f"/requests/{req.pk}/").content.decode())

    assert route["regional_review"][0] == "current"
    assert str(personas["east_mgr"]) in route["regional_review"][1]
    for code in ("legal_review", "credit_review"):
        assert route[code][0] == "upcoming"
    assert str(personas["legal"]) in route["legal_review"][1]
    assert str(personas["legal2"]) in route["legal_review"][1]
    assert route["ceo"][0] == "upcoming" and str(personas["ceo"]) in route["ceo"][1]
    assert "sales_gm" not in route
    assert str(personas["east_rep1"]) not in route["regional_review"][1]


def test_deputy_named_beside_a_future_approver_who_delegated(client_for, personas, submitted):
    Delegation.objects.create(principal=personas["gm"], deputy=personas["ceo"],
                              starts_on=today() - timedelta(days=1),
                              ends_on=today() + timedelta(days=3))
    contract = submitted()
    req = request_of(contract)

    route = stops(client_for("east_rep1").get(f"/requests/{req.pk}/").content.decode())

    assert f"Deputy today: {personas['gm']} → {personas['ceo']}" in route["sales_gm"][1]


def test_preview_from_the_matrix_when_the_contract_is_a_draft(client_for, personas, draft):
    contract = draft("500000.00")

    html = client_for("east_rep1").get(f"/contracts/{contract.pk}/").content.decode()
    route = stops(html)

    assert "Route preview" in html
    assert list(route) == ["regional_review", "legal_review+credit_review",
                                        "legal_review", "credit_review", "sales_gm"]
    assert all(state == "upcoming" for state, _t in route.values())
    assert str(personas["gm"]) in route["sales_gm"][1]


def test_contract_page_shows_the_route_when_in_review(client_for, personas, in_parallel):
    contract = in_parallel()

    route = stops(client_for("legal").get(f"/contracts/{contract.pk}/").content.decode())

    assert route["regional_review"][0] == "done"
    assert route["legal_review"][0] == route["credit_review"][0] == "current"


def test_no_route_when_the_contract_page_is_seen_by_who_may_not_see_its_request(
        client_for, in_parallel):
    contract = in_parallel()

    response = client_for("south_rep1").get(f"/contracts/{contract.pk}/")

    assert response.status_code == 404 or '<ol class="route">' not in response.content.decode()
