from .budgets import budget_create, budget_revise, budget_submit
from .claims import claim_create, claim_reduce_line, claim_submit, claim_update
from .payment import pay

__all__ = [
    "budget_create", "budget_revise", "budget_submit",
    "claim_create", "claim_reduce_line", "claim_submit", "claim_update", "pay",
]
