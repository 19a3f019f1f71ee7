"""What a regional manager or the CEO decides on, on the task page itself (issue 18): the
plan's target and strategy and each region's figures by quarter (the regions the reader may
see, their own task's region marked)."""

from decimal import Decimal

from .models import Plan, RegionMonth
from .selectors import plan_scope
from .selectors.plans import open_task_for


def plan_panel(req, user) -> tuple[str, dict] | None:
    plan = Plan.objects.filter(pk=req.object_id).first()
    if plan is None:
        return None
    scope = plan_scope(user).on(plan)
    task = open_task_for(plan, user)
    mine = ((task.task.data or {}).get("region", "") if task and task.task else "")
    rows: dict[int, dict] = {}
    for region_id, code, name, month, amount in (
            RegionMonth.objects.filter(plan=plan).values_list(
                "region_id", "region__code", "region__name", "month", "amount")
            .order_by("region__code", "month")):
        if not scope.sees_region(region_id):
            continue
        row = rows.setdefault(region_id, {"code": code, "name": name, "mine": code == mine,
                                          "quarters": [Decimal("0")] * 4, "year": Decimal("0")})
        row["quarters"][(month - 1) // 3] += amount
        row["year"] += amount
    regions = list(rows.values())
    return "plans/_task_panel.html", {
        "plan": plan, "regions": regions,
        "regions_total": sum((r["year"] for r in regions), Decimal("0")),
        "whole": scope.all_rows,
    }
