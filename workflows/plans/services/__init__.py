from .actuals import actual_record, actuals_import
from .allocations import GridRow, allocations_save, version_diff
from .callbacks import on_decision, on_resubmit, on_withdraw
from .confirmation import region_confirm, region_push_back
from .plans import (
    plan_create,
    plan_revise,
    plan_route_preview,
    plan_send_to_ceo,
    plan_set_actual_basis,
    plan_submit,
    plan_submit_for_confirmation,
    plan_update,
)
from .xlsx import allocations_import_xlsx, plan_export_xlsx

__all__ = [
    "GridRow", "actual_record", "actuals_import",
    "allocations_import_xlsx", "allocations_save", "on_decision", "on_resubmit", "on_withdraw",
    "plan_create", "plan_export_xlsx", "plan_revise", "plan_route_preview", "plan_send_to_ceo",
    "plan_set_actual_basis", "plan_submit",
    "plan_submit_for_confirmation", "plan_update", "region_confirm", "region_push_back",
    "version_diff",
]
