from .classification import classification_sweep, classify_customers
from .contracts import (
    contract_amend,
    contract_attachment_add,
    contract_create,
    contract_route_preview,
    contract_submit,
    contract_update,
    ensure_may_attach,
    on_decision,
    on_resubmit,
    on_withdraw,
)
from .customers import credit_limit_decide, credit_limit_request, customer_create
from .execution import (
    collections_sweep,
    milestone_add,
    milestone_done,
    problem_raise,
    problem_resolve,
)
from .interactions import interaction_add

__all__ = [
    "classification_sweep", "classify_customers", "collections_sweep", "contract_amend",
    "contract_attachment_add", "contract_create", "contract_route_preview", "contract_submit",
    "contract_update",
    "credit_limit_decide", "credit_limit_request", "customer_create", "ensure_may_attach",
    "interaction_add", "milestone_add", "milestone_done", "on_decision", "on_resubmit",
    "on_withdraw", "problem_raise", "problem_resolve",
]
