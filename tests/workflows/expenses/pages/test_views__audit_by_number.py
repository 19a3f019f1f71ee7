"""Audit search by request number finds the request's whole history, including what happened
before the number existed (issue 18, defect 12: the draft, its uploads and edits were missed)."""

import pytest

from core.audit.models import AuditEvent
from workflows.expenses import services
from workflows.expenses.models import ExpenseClaim

pytestmark = pytest.mark.django_db


def test_search_by_number_finds_the_events_from_before_the_number(client_for, make_claim,
                                                                   travel_budget, personas):
    claim = make_claim("east_rep1")  # a draft: no number yet
    other = make_claim("east_rep2", stage="submitted")  # someone else's, with its own number
    services.claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])
    claim = ExpenseClaim.objects.get(pk=claim.pk)
    mine = AuditEvent.objects.filter(subject_kind="expense", subject_id=str(claim.pk))
    assert claim.number and mine.filter(subject_number="").exists()

    response = client_for("auditor").get("/audit/", {"number": claim.number})

    found = [e.pk for e in response.context["page"].object_list]
    assert sorted(found) == sorted(mine.values_list("pk", flat=True))
    assert "expense.drafted" in {e.event for e in response.context["page"].object_list}
    assert not AuditEvent.objects.filter(pk__in=found, subject_id=str(other.pk)).exists()
