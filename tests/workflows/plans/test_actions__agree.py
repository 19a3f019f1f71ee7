"""One permission source: what a user may do with a plan is selectors.plan_actions, and the plan
page (its buttons), the API (`available_actions`) and the services all agree with it, persona by
persona, in each stage of the sign-off."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from core.exceptions import ApprovalError, PermissionDeniedError, ReadOnlyRoleError
from workflows.plans import selectors
from workflows.plans.selectors import actions as may
from workflows.plans.services.common import ensure_may

pytestmark = pytest.mark.django_db

PERSONAS = ["gm", "ceo", "east_mgr", "finance", "auditor", "east_rep1"]
# The page's buttons and the action each stands for.
BUTTONS = {may.EDIT: "can_edit", may.SUBMIT: "can_submit", may.SEND_TO_CEO: "can_send",
           may.WITHDRAW: "can_withdraw", may.REVISE: "can_revise"}
# Withdrawal is the engine's (an open request of one's own); a revision also needs none under
# way, which the service checks after its lock: these are covered by the last test.
SERVICE_CHECKED = (may.EDIT, may.SUBMIT, may.SEND_TO_CEO)


def _service_allows(user, plan, action) -> bool:
    try:
        ensure_may(plan, user, action)
    except (PermissionDeniedError, ReadOnlyRoleError):
        return False
    return plan.state in may.ACTION_STATES.get(action, (plan.state,))


def _agree(personas, plan) -> dict[str, frozenset]:
    seen = {}
    for name in PERSONAS:
        user = personas[name]
        actions = selectors.plan_actions(user, plan)
        seen[name] = actions
        api = APIClient()
        api.force_authenticate(user)
        response = api.get(f"/api/plans/plans/{plan.pk}/")
        page = Client(headers={"accept-language": "en"})
        page.force_login(user)
        html = page.get(f"/plans/{plan.pk}/")
        if response.status_code == 404:
            assert html.status_code == 404, name
            continue
        assert response.json()["available_actions"] == selectors.ordered(actions), name
        for action, flag in BUTTONS.items():
            assert html.context[flag] is (action in actions), (name, action)
            if action in SERVICE_CHECKED:
                assert _service_allows(user, plan, action) is (action in actions), (name, action)
        task = html.context["task"]
        assert (task is not None) is bool(actions & {may.CONFIRM, may.SIGN_OFF}), name
    return seen


def test_doors_agree_on_a_draft(personas, draft):
    seen = _agree(personas, draft())
    assert {may.EDIT, may.SUBMIT} <= seen["gm"]
    assert not seen["gm"] & {may.SEND_TO_CEO, may.REVISE, may.WITHDRAW}
    assert seen["auditor"] == frozenset()


def test_doors_agree_while_the_regions_confirm(personas, submitted):
    seen = _agree(personas, submitted())
    assert {may.CONFIRM, may.PUSH_BACK} <= seen["east_mgr"]
    assert may.WITHDRAW in seen["gm"] and may.EDIT not in seen["gm"]
    assert not seen["ceo"] & {may.CONFIRM, may.SIGN_OFF}


def test_doors_agree_on_a_confirmed_plan(personas, confirmed):
    seen = _agree(personas, confirmed())
    assert may.SEND_TO_CEO in seen["gm"]
    assert may.SEND_TO_CEO not in seen["east_mgr"]


def test_doors_agree_on_a_published_plan(personas, published):
    plan = published()
    seen = _agree(personas, plan)
    assert may.REVISE in seen["gm"]
    assert {may.RECORD_ACTUAL, may.IMPORT_ACTUALS} <= seen["finance"]
    assert not seen["finance"] & {may.EDIT, may.REVISE, may.SUBMIT}
    page = Client(headers={"accept-language": "en"})
    page.force_login(personas["finance"])
    assert page.get(f"/plans/{plan.pk}/actuals/").context["can_record"] is True


def test_the_service_refuses_what_the_actions_leave_out(personas, published):
    plan = published()
    from workflows.plans import services

    with pytest.raises(ApprovalError):
        services.plan_revise(plan_id=plan.pk, actor=personas["east_mgr"], reason="x")
    assert may.REVISE not in selectors.plan_actions(personas["east_mgr"], plan)
    assert may.REVISE in selectors.plan_actions(personas["gm"], plan)
    revision = services.plan_revise(plan_id=plan.pk, actor=personas["gm"], reason="x")
    assert may.REVISE not in selectors.plan_actions(personas["gm"], plan)  # one under way
    assert may.WITHDRAW not in selectors.plan_actions(personas["gm"], revision)  # a draft
