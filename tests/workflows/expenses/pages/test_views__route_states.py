"""The claim's route as its pages draw it when it leaves the straight path (issue 18): a return
to an earlier step makes the later steps come again; a return to the submitter puts their
revision right after the step that returned it, with the reason; a resubmission that comes
straight back to the returner keeps the approvals that stand."""

import re

import pytest

from core.inbox import services as inbox
from core.inbox.models import Request

from .helpers import open_item

pytestmark = pytest.mark.django_db


def stops(html: str) -> list[tuple[str, str, str]]:
    """[(step code, state, text)] for the route's stops, in order."""
    block = re.search(r'<ol class="route">(.*?)</ol>', html, re.S)
    assert block, "no route on the page"
    marks = list(re.finditer(r'<li class="stop[^"]*" data-step="([^"]+)" data-state="([^"]*)"',
                             block.group(1)))
    out = []
    for n, mark in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(block.group(1))
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block.group(1)[mark.end():end]))
        out.append((mark.group(1), mark.group(2), text.strip()))
    return out


def request_page(client_for, claim) -> list[tuple[str, str, str]]:
    req = Request.objects.get(kind="expense", object_id=claim.pk)
    return stops(client_for("east_rep1").get(f"/requests/{req.pk}/").content.decode())


def test_later_steps_to_come_again_when_finance_returns_to_the_line_manager(
        client_for, make_claim, travel_budget, personas):
    claim = make_claim("east_rep1", stage="finance")
    inbox.task_return(task_id=open_item("expense", claim.pk).pk, actor=personas["finance"],
                      to_step=0, reason="请经理确认金额")

    route = request_page(client_for, claim)

    assert [(code, state) for code, state, _t in route] == [
        ("line_manager", "current"), ("finance_review", "upcoming"), ("payment", "upcoming")]
    assert str(personas["finance"]) in route[1][2]  # who will be asked: finance's people


def test_revision_follows_the_step_that_returned_it_with_the_reason(client_for, make_claim,
                                                                   travel_budget, personas):
    claim = make_claim("east_rep1", stage="submitted")
    inbox.task_return(task_id=open_item("expense", claim.pk).pk, actor=personas["east_mgr"],
                      reason="缺少酒店发票")

    route = request_page(client_for, claim)

    assert [(code, state) for code, state, _t in route][:2] == [
        ("line_manager", "returned"), ("revise", "current")]
    assert "缺少酒店发票" in route[0][2] and str(personas["east_mgr"]) in route[0][2]
    assert str(personas["east_rep1"]) in route[1][2]
    assert route[2][:2] == ("finance_review", "upcoming")


def test_approvals_stand_when_the_resubmission_comes_straight_back(client_for, make_claim,
                                                                   travel_budget, personas):
    claim = make_claim("east_rep1", stage="finance")
    inbox.task_return(task_id=open_item("expense", claim.pk).pk, actor=personas["finance"],
                      reason="缺发票", resubmit_to="returner")
    req = Request.objects.get(kind="expense", object_id=claim.pk)
    inbox.request_resubmit(request_id=req.pk, actor=personas["east_rep1"])

    route = request_page(client_for, claim)

    assert [(code, state) for code, state, _t in route] == [
        ("line_manager", "done"), ("finance_review", "current"), ("payment", "upcoming")]
    assert str(personas["finance"]) in route[1][2]
