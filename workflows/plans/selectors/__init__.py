"""Reads of the plans process (see each module): who sees what, the grid as shown, attainment."""

from .actions import (
    ACTION_STATES,
    RECORD_ACTUAL,
    is_planner,
    ordered,
    plan_actions,
    recordable_region_ids,
)
from .attainment import (
    Attained,
    Attainment,
    actuals_for,
    attainment,
    has_actuals,
    last_year_basis,
)
from .grid import Block, GridView, Line, export_scope, grid_header, grid_view, visible_diff
from .plans import (
    Confirmation,
    Scope,
    confirmations,
    managed_region_ids,
    open_task_for,
    plan_request,
    plan_scope,
    plans_for,
    sees_process,
    versions_of,
    visible_plan,
    visible_plans,
)

__all__ = [
    "ACTION_STATES", "RECORD_ACTUAL", "is_planner", "ordered", "plan_actions",
    "recordable_region_ids",
    "Attained", "Attainment", "Block", "Confirmation", "GridView", "Line", "Scope",
    "actuals_for", "attainment", "confirmations", "export_scope", "grid_header", "grid_view",
    "has_actuals", "last_year_basis", "managed_region_ids", "open_task_for", "plan_request",
    "plan_scope", "plans_for", "sees_process", "versions_of", "visible_diff", "visible_plan",
    "visible_plans",
]
