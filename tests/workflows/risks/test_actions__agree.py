"""One permission source: what a user may do with a risk is selectors.risk_actions, and the
risk's page and the API's `available_actions` show exactly that, persona by persona."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from workflows.risks import selectors

from .conftest import HIGH, MEDIUM

pytestmark = pytest.mark.django_db

FLAGS = {"assess": "can_assess", "add_measure": "can_add_measure", "submit": "can_submit",
         "close": "can_close", "withdraw": "can_withdraw", "resubmit": "can_resubmit"}


def _shown(user, risk) -> tuple[frozenset, list, set]:
    actions = selectors.risk_actions(user, risk)
    api = APIClient()
    api.force_authenticate(user)
    listed = api.get(f"/api/risks/risks/{risk.pk}/").json()["available_actions"]
    page = Client(headers={"accept-language": "en"})
    page.force_login(user)
    context = page.get(f"/risks/{risk.pk}/").context
    flagged = {action for action, flag in FLAGS.items() if context[flag]}
    return actions, listed, flagged


@pytest.mark.parametrize(("username", "expected"), [
    ("east_rep1", {"assess", "add_measure", "submit"}),  # the owner
    ("east_mgr", {"assess", "add_measure"}),             # the region's manager
    ("gm", {"assess", "add_measure"}),
    ("auditor", set()),
])
def test_page_and_api_show_the_selector_actions_for_an_assessed_risk(personas, make_risk,
                                                                     username, expected):
    risk = make_risk(MEDIUM)

    actions, listed, flagged = _shown(personas[username], risk)

    assert actions == frozenset(expected)
    assert listed == selectors.ordered(actions)
    assert flagged == set(actions)


@pytest.mark.parametrize(("username", "expected"), [
    ("east_rep1", {"assess", "withdraw"}),  # the submitter of the waiting plan
    ("gm", {"assess"}),  # may re-assess; approves the plan through its task
    ("auditor", set()),
])
def test_page_and_api_show_the_selector_actions_while_the_plan_waits(personas, with_plan,
                                                                     username, expected):
    risk = with_plan(HIGH)

    actions, listed, flagged = _shown(personas[username], risk)

    assert actions == frozenset(expected)
    assert listed == selectors.ordered(actions)
    assert flagged == set(actions)
