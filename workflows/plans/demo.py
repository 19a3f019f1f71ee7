"""Demo: this year's plan (revised once: version 1 superseded, version 2 published) with actual
sales for the months gone by, and next year's plan with the regions, two of three confirmed."""

from decimal import Decimal

from django.utils import timezone

from core import engine
from core.org.models import User

from . import rules
from .models import MONTHS, Plan
from .steps import KIND

# Seasonality (Spring Festival in February, year-end push in Q4) and the regions' shares.
SHAPE = [Decimal(x) for x in (8, 5, 8, 8, 8, 8, 8, 8, 9, 9, 10, 11)]
REGIONS = {"east": Decimal(45), "south": Decimal(30), "north": Decimal(25)}
PEOPLE = {"east_rep1": Decimal(40), "east_rep2": Decimal(35), "east_rep3": Decimal(25),
          "south_rep1": Decimal(60), "south_rep2": Decimal(40),
          "north_rep1": Decimal(55), "north_rep2": Decimal(45)}
# How each salesperson performs against target, month by month (a fixed pattern, no randomness).
PACE = {"east_rep1": (112, 104, 98), "east_rep2": (95, 101, 108), "east_rep3": (78, 86, 91),
        "south_rep1": (103, 97, 110), "south_rep2": (88, 92, 84),
        "north_rep1": (99, 106, 101), "north_rep2": (72, 81, 90)}


def _rows(grid: rules.Grid):
    from .services import GridRow

    rows = []
    for code, months in grid.regions.items():
        rows.append(GridRow(region=code, months=list(months)))
        rows += [GridRow(region=code, person=p, months=list(line))
                 for p, line in (grid.people.get(code) or {}).items()]
    return rows


def _shaped(plan: Plan, target: Decimal, layout: dict) -> rules.Grid:
    basis = rules.Basis(regions={r: REGIONS[r] for r in layout},
                        region_months=dict.fromkeys(layout, SHAPE),
                        people={r: {p: PEOPLE.get(p, Decimal(1)) for p in people}
                                for r, people in layout.items()})
    return rules.spread_plan(target, layout, basis)


def seed() -> None:
    if Plan.objects.exists():
        return
    from . import services
    from .models import Actual, ActualSource
    from .services.common import grid_of

    u = {x.username: x for x in User.objects.all()}
    if "gm" not in u:
        return
    gm = u["gm"]
    today = timezone.localdate()
    year = today.year

    def open_items(plan):
        return list(engine.items_of(KIND, plan.pk).filter(status=engine.WorkItemStatus.OPEN)
                    .select_related("task").order_by("pk"))

    def confirm(plan, regions):
        for item in open_items(plan):
            if item.task.data.get("region") in regions:
                engine.task_approve(task_id=item.pk, actor=item.assignee, comment="同意本区域分解")

    def publish(plan):
        services.plan_submit_for_confirmation(plan_id=plan.pk, actor=gm)
        confirm(plan, set(REGIONS))
        services.plan_send_to_ceo(plan_id=plan.pk, actor=gm, comment="各区域已确认，请审批")
        (ceo,) = open_items(plan)
        engine.task_approve(task_id=ceo.pk, actor=ceo.assignee, comment="同意发布")

    def shape(plan, target):
        grid = grid_of(plan)
        layout = {r: list(grid.people.get(r) or {}) for r in grid.regions}
        services.allocations_save(plan_id=plan.pk, actor=gm, target=target,
                                  rows=_rows(_shaped(plan, target, layout)), source="demo")

    # This year: version 1 published, then revised (east raised in the second half).
    v1 = services.plan_create(actor=gm, fiscal_year=year, target=Decimal("36000000.00"),
                              strategy="巩固华东基本盘，华南重点突破新能源客户，华北稳中求进。")
    shape(v1, Decimal("36000000.00"))
    # The first round: south pushes back, the sales GM moves some of its target to east.
    services.plan_submit_for_confirmation(plan_id=v1.pk, actor=gm)
    confirm(v1, {"east"})
    south = next(i for i in open_items(v1) if i.task.data.get("region") == "south")
    engine.task_return(task_id=south.pk, actor=south.assignee,
                      reason="华南二季度新客户尚在验厂，4-6月目标请下调")
    grid = grid_of(v1)
    rows = _rows(grid)
    for row in rows:
        if row.person in (None, "south_rep1", "east_rep1") and row.region in ("south", "east"):
            sign = -1 if row.region == "south" else 1
            for m in (4, 5, 6):
                row.months[m - 1] += sign * Decimal("100000.00")
    services.allocations_save(plan_id=v1.pk, actor=gm, target=grid.target, rows=rows,
                              source="demo", comment="华南4-6月各下调10万，转入华东")
    publish(v1)
    v2 = services.plan_revise(plan_id=v1.pk, actor=gm,
                              reason="华东新签两家战略客户，下半年目标上调")
    grid = grid_of(v2)
    rows = _rows(grid)
    for row in rows:
        if row.region == "east" and row.person in (None, "east_rep2"):
            for m in range(7, 13):
                row.months[m - 1] += Decimal("50000.00")
    services.allocations_save(plan_id=v2.pk, actor=gm, target=grid.target + 300000, rows=rows,
                              source="demo")
    publish(v2)

    # Actual sales for the months gone by.
    grid = grid_of(v2)
    actuals = []
    for lines in grid.people.values():
        for username, line in lines.items():
            user = u[username]
            for m in MONTHS:
                if m >= today.month:
                    break
                pace = PACE.get(username, (100,))[m % 3]
                actuals.append(Actual(salesperson=user, region=user.region, year=year,
                                      month=m, amount=(line[m - 1] * pace / 100).quantize(
                                          Decimal("0.01")),
                                      source=ActualSource.IMPORTED, recorded_by=u["finance"],
                                      note="ERP"))
    Actual.objects.bulk_create(actuals)

    # Next year: with the regions; east and north have confirmed, south has not yet.
    nxt = services.plan_create(actor=gm, fiscal_year=year + 1, target=Decimal("42000000.00"),
                               strategy="全面推进渠道下沉，华南目标增长25%。", spread="last_year")
    services.plan_submit_for_confirmation(plan_id=nxt.pk, actor=gm)
    confirm(nxt, {"east", "north"})
