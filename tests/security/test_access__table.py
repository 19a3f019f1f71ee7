"""The table of who may see which object (world.VISIBLE, written from the selectors) still says
what the selectors say: if a selector changes, the matrix's table must change with it."""

import pytest
from django.http import Http404

from core.inbox.selectors import visible_requests
from core.org.models import User
from workflows.campaigns.selectors import visible_campaigns
from workflows.contracts.selectors import visible_contracts, visible_customers
from workflows.expenses.selectors import budgets_for, visible_claim
from workflows.forms.selectors import submission_for
from workflows.plans.selectors import visible_plans
from workflows.risks.selectors import visible_risks

from .world import PERSONAS, REQUEST_VISIBLE, VISIBLE

pytestmark = pytest.mark.django_db


def _sees(user, key: str, obj) -> bool:
    kind = key.rsplit("_", 1)[0]
    if kind == "claim":
        return visible_claim(user, obj.pk) is not None
    if kind == "budget":
        qs = budgets_for(user)
        return qs is not None and qs.filter(pk=obj.pk).exists()
    if kind == "form":
        try:
            submission_for(user, obj.pk)
        except Http404:
            return False
        return True
    selector = {"customer": visible_customers, "contract": visible_contracts,
                "plan": visible_plans, "risk": visible_risks,
                "campaign": visible_campaigns}[kind]
    return selector(user).filter(pk=obj.pk).exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_selectors_agree_with_the_table_when_each_persona_reads_each_object(world, persona):
    user = User.objects.get(username=persona)
    seen = {key for key, obj in world.objects.items() if _sees(user, key, obj)}
    assert seen == {key for key, who in VISIBLE.items() if persona in who}


@pytest.mark.parametrize("persona", PERSONAS)
def test_request_selector_agrees_with_the_table_when_each_persona_reads_each_request(
        world, persona):
    user = User.objects.get(username=persona)
    visible = set(visible_requests(user).values_list("pk", flat=True))
    seen = {key for key, req in world.requests.items() if req.pk in visible}
    assert seen == {key for key, who in REQUEST_VISIBLE.items() if persona in who}


def test_each_object_is_seen_by_someone_and_hidden_from_someone_when_reading_the_table():
    # A table where everyone sees everything (or no one sees anything) tests nothing.
    for key, who in VISIBLE.items():
        assert who and set(PERSONAS) - who, key
