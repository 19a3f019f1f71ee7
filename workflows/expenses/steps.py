"""The expense processes' kinds and step codes: read by their flows, services, pages and spec,
so that none of them imports another for a name."""

CLAIM_KIND = "expense"
BUDGET_KIND = "budget"

FINANCE_STEP = "finance_review"  # the flow's voucher-review step (the task engine's step code)
PAYMENT_STEP = "payment"  # after the voucher review: the payment job, nobody's task
