from ..steps import CLOSE_STEP, PLAN_STEP
from .credit import credit_risks_from_alerts
from .plans import measure_add, measure_done, plan_submit, risk_close
from .preview import risk_plan_route, risk_route_preview
from .reviews import review_complete
from .risks import risk_assess, risk_create
from .routing import on_decision, on_resubmit, on_withdraw
from .timed import risks_sweep

__all__ = [
    "CLOSE_STEP", "PLAN_STEP", "credit_risks_from_alerts", "measure_add", "measure_done",
    "on_decision", "on_resubmit", "on_withdraw", "plan_submit", "review_complete",
    "risk_assess", "risk_close", "risk_create", "risk_plan_route", "risk_route_preview",
    "risks_sweep",
]
