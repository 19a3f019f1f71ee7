"""The expense processes' kinds, step codes and step labels: read by their flows, services,
pages and spec, so that none of them imports another for a name. STEPS is the one place a
step's label is written (the spec hands it to core)."""

from django.utils.translation import gettext_lazy as _

CLAIM_KIND = "expense"
BUDGET_KIND = "budget"

FINANCE_STEP = "finance_review"  # the flow's voucher-review step (the task engine's step code)
PAYMENT_STEP = "payment"  # after the voucher review: the payment job, nobody's task

# Finance checks every voucher and pays every claim (policy 7.2).
STEPS = {FINANCE_STEP: _("Finance voucher review"), PAYMENT_STEP: _("Payment")}
