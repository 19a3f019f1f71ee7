from .budgets import budget_create, budget_revise, budget_submit, budget_update
from .claims import (
    claim_create,
    claim_reduce_line,
    claim_route_preview,
    claim_submit,
    claim_update,
)
from .payment import pay

__all__ = [
    "budget_create", "budget_revise", "budget_submit", "budget_update",
    "claim_create", "claim_reduce_line", "claim_route_preview", "claim_submit", "claim_update",
    "pay",
]
