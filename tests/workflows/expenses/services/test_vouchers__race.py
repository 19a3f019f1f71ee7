"""Two claims submitted at the same moment with one invoice (or one file): the unique hold
lets exactly one through, on PostgreSQL with real threads and real commits."""

import pytest

from core.exceptions import InvalidInputError
from core.org.models import User
from workflows.expenses.models import ClaimState, ExpenseClaim, VoucherHold
from workflows.expenses.services import claim_submit
from workflows.expenses.services.vouchers import receipt_add

from ..vouchers import digital, pdf
from .helpers import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("same", ["invoice", "file"])
def test_one_invoice_raced_by_two_claims_lets_exactly_one_through(draft, travel_budget, same):
    claims = []
    for username in ("east_rep1", "south_rep1", "north_rep1", "east_rep2"):
        claim = draft(username)
        if same == "invoice":  # one invoice, four different scans of it
            invoice, upload = digital("26312000000000000099"), pdf()
        else:  # one file
            invoice, upload = None, pdf(body=b"the very same bytes")
        receipt_add(claim_id=claim.pk, actor=claim.submitter, line_id=claim.lines.get().pk,
                    kind="invoice" if invoice else "ticket", upload=upload, invoice=invoice)
        claims.append(claim)

    def submit(claim_id, user_id):
        return lambda: claim_submit(claim_id=claim_id, actor=User.objects.get(pk=user_id))

    outcomes = run_together([submit(c.pk, c.submitter_id) for c in claims])
    won = [o for o in outcomes if isinstance(o, ExpenseClaim)]
    lost = [o for o in outcomes if isinstance(o, InvalidInputError)]
    assert (len(won), len(lost)) == (1, 3), outcomes
    assert all("is already used on" in o.fields["lines.0.vouchers"][0] for o in lost)
    states = sorted(ExpenseClaim.objects.values_list("state", flat=True))
    assert states == sorted([ClaimState.SUBMITTED] + [ClaimState.DRAFT] * 3)
    assert VoucherHold.objects.filter(claim=won[0]).count() == (2 if same == "invoice" else 1)
