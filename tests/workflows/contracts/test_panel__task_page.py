"""Issue 18: the contract's reviewers decide from the task page: its terms and credit check are
there, and a credit breach is a warning that keeps it out of bulk approval."""

import pytest

from core.inbox import panels
from core.inbox.models import Request

from .conftest import item

pytestmark = pytest.mark.django_db


def test_task_page_shows_terms_and_credit_check_when_the_regional_manager_opens_it(
        client, personas, submitted):
    contract = submitted("500000.00", terms=60)
    client.force_login(personas["east_mgr"])

    response = client.get(f"/inbox/tasks/{item(contract, 'regional_review').pk}/",
                          headers={"accept-language": "en"})

    html = response.content.decode()
    assert 'data-testid="credit-check"' in html
    assert "Within credit" in html
    assert "60 days" in html
    assert response.context["warnings"] == []


def test_credit_breach_is_a_warning_on_the_task_page_and_for_bulk(client, personas, submitted):
    contract = submitted("4000000.00")  # over the customer's 3,000,000 limit
    req = Request.objects.get(kind="contract", object_id=contract.pk)
    client.force_login(personas["east_mgr"])

    response = client.get(f"/inbox/tasks/{item(contract, 'regional_review').pk}/",
                          headers={"accept-language": "en"})

    assert response.context["warnings"] == ["credit breach"]
    assert "Credit breach" in response.content.decode()
    assert panels.warnings_for([req]) == {req.pk: ["credit breach"]}


def test_bulk_approve_names_the_breach_first_and_approves_only_the_rest(client, personas,
                                                                       submitted):
    from core.inbox.models import WorkItem

    breach = item(submitted("4000000.00"), "regional_review")
    clean = item(submitted("500000.00"), "regional_review")
    client.force_login(personas["east_mgr"])

    review = client.post("/inbox/bulk-approve/", {"ids": [breach.pk, clean.pk]},
                         headers={"accept-language": "en"})

    # nothing is approved yet: the page names the breach, to be opened on its own
    assert review.status_code == 200
    html = review.content.decode()
    warned = html.split('data-testid="bulk-warned"', 1)[1].split("</section>", 1)[0]
    assert f'href="/inbox/tasks/{breach.pk}/"' in warned and "credit breach" in warned
    confirm = html.split('data-testid="bulk-clean"', 1)[1]
    assert f'name="ids" value="{clean.pk}"' in confirm
    assert f'value="{breach.pk}"' not in confirm
    assert WorkItem.objects.filter(pk__in=[breach.pk, clean.pk], status="open").count() == 2

    done = client.post("/inbox/bulk-approve/", {"ids": [clean.pk], "reviewed": "1"})

    assert done.status_code == 302
    assert WorkItem.objects.get(pk=clean.pk).decision == "approved"
    assert WorkItem.objects.get(pk=breach.pk).status == "open"


def test_a_warned_task_is_never_approved_in_bulk_even_when_posted(client, personas, submitted):
    from rest_framework.test import APIClient

    from core.inbox.models import WorkItem

    breach = item(submitted("4000000.00"), "regional_review")
    client.force_login(personas["east_mgr"])
    client.post("/inbox/bulk-approve/", {"ids": [breach.pk], "reviewed": "1"})
    api = APIClient()
    api.force_authenticate(personas["east_mgr"])
    response = api.post("/api/tasks/bulk-approve/", {"ids": [breach.pk]}, format="json")

    assert response.status_code == 200
    (result,) = response.json()["results"]
    assert (result["ok"], result["code"]) == (False, "needs_review")
    assert WorkItem.objects.get(pk=breach.pk).status == "open"


def test_a_warned_task_approved_from_its_inbox_row_opens_its_page_instead(client, personas,
                                                                          submitted):
    from core.inbox.models import WorkItem

    breach = item(submitted("4000000.00"), "regional_review")
    clean = item(submitted("500000.00"), "regional_review")
    client.force_login(personas["east_mgr"])

    refused = client.post(f"/inbox/tasks/{breach.pk}/approve/", {"from_list": "1"},
                          headers={"accept-language": "en"}, follow=True)

    assert refused.redirect_chain[0] == (f"/inbox/tasks/{breach.pk}/", 302)
    assert "carries a warning (credit breach)" in refused.content.decode()
    assert WorkItem.objects.get(pk=breach.pk).status == "open"

    done = client.post(f"/inbox/tasks/{clean.pk}/approve/", {"from_list": "1"})
    assert done.status_code == 302
    assert WorkItem.objects.get(pk=clean.pk).decision == "approved"
    # from its own page (no from_list) the warned one is decided like any other
    client.post(f"/inbox/tasks/{breach.pk}/approve/", {"approve-comment": "seen the breach"})
    assert WorkItem.objects.get(pk=breach.pk).decision == "approved"
