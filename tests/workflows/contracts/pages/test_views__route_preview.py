"""Issue 18: the submitter sees the route before submitting — the new-contract form's "Preview
the route" shows, for the values typed and nothing saved, the stops the submission then takes."""

import pytest

from core.inbox.models import Request
from core.inbox.route import request_route
from workflows.contracts.models import Contract

from ..conftest import request_of

pytestmark = pytest.mark.django_db


def _typed(customer, value="800000.00", terms="45", **extra) -> dict:
    return {"customer": customer.pk, "title": "精密部件供货合同", "value": value,
            "payment_terms_days": terms, "delivery_terms": "", "key_clauses": "", **extra}


def stops(route) -> list[tuple[str, str]]:
    """Each stop's step and who is (or will be) asked, parallel branches in order."""
    return [(b.code, b.who) for s in route for b in (s.branches or [s])]


def _preview(client, customer, **typed):
    response = client.post("/contracts/new/", _typed(customer, action="preview", **typed))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(("value", "terms", "ceo"), [
    ("800000.00", "45", False),
    ("2900000.00", "120", True),  # 120 days beyond rating A's 90: the breach adds the CEO
])
def test_preview_is_the_route_the_contract_then_takes(client_for, customer, value, terms, ceo):
    client = client_for("east_rep1")

    preview = _preview(client, customer, value=value, terms=terms)

    assert Contract.objects.count() == 0 and Request.objects.count() == 0  # nothing saved
    shown = stops(preview.context["route"])
    assert preview.context["preview"] is True
    assert all(b.state == "upcoming" for s in preview.context["route"]
               for b in (s.branches or [s]))
    assert ("ceo" in {code for code, _who in shown}) is ceo
    client.post("/contracts/new/", _typed(customer, value=value, terms=terms, action="submit"))
    assert stops(request_route(request_of(Contract.objects.get()))) == shown


def test_preview_page_draws_the_timeline_with_parallel_reviews(client_for, customer):
    body = _preview(client_for("east_rep1"), customer).content.decode()

    assert "Route preview: who will be asked" in body
    assert 'class="stop stop-upcoming stop-group"' in body  # legal and finance side by side
    assert 'data-step="legal_review"' in body and 'data-step="credit_review"' in body


def test_preview_refused_with_field_errors_and_nothing_saved(client_for, customer):
    response = client_for("east_rep1").post("/contracts/new/", _typed(
        customer, value="-5", action="preview"))

    assert response.status_code == 400
    assert "Ensure this value is greater than or equal to 0.01." in response.content.decode()
    assert Contract.objects.count() == 0
