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
