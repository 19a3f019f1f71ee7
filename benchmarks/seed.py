"""Real work for the benchmarks, made through the product's services (not bulk SQL): the demo
company, budgets large enough that no claim is refused, and submitted expense claims each waiting
on its line manager's approval."""

from datetime import date
from decimal import Decimal

YEAR = date.today().year


def company() -> dict:
    from core.org.demo import seed_org

    return seed_org()


def budgets(department, *, year: int = YEAR, category: str = "travel") -> None:
    from workflows.expenses.models import BudgetBalance

    for period in [f"M{m:02d}" for m in range(1, 13)] + [f"Q{q}" for q in range(1, 5)]:
        BudgetBalance.objects.update_or_create(
            fiscal_year=year, department=department, category=category, period=period,
            defaults={"budget": Decimal("100000000000.00")})


def claim(rep, i: int, *, year: int = YEAR):
    """Create and submit one small travel claim (155.50: the line manager alone approves it)."""
    from workflows.expenses import services

    d = date(year, (i % 12) + 1, 10)
    c = services.claim_create(actor=rep, category="travel", title=f"Bench {i}", expense_date=d,
                              lines=[{"date": d, "item_type": "transport", "amount": "120.00",
                                      "description": "taxi"},
                                     {"date": d, "item_type": "other", "amount": "35.50",
                                      "description": "parking"}])
    services.claim_submit(claim_id=c.pk, actor=rep)
    return c


def open_item(claim_id: int) -> int:
    """The id of the claim's one open task (its work item)."""
    from core.inbox.models import WorkItem

    return WorkItem.objects.filter(kind="expense", request__object_id=claim_id,
                                   status="open").values_list("pk", flat=True).get()


def team(prefix: str, count: int, *, region) -> list[tuple]:
    """`count` (submitter, line manager) pairs, each in a department (and budget) of its own,
    so that their claims and approvals are unrelated: no shared row but the users table."""
    from core.org.models import Department, Role, RoleAssignment, User

    pairs = []
    for i in range(1, count + 1):
        department, created = Department.objects.get_or_create(
            code=f"bench-{prefix}-{i:02d}", defaults={"name": f"Bench {prefix} {i}"})
        if created:
            budgets(department)
        mgr, _ = User.objects.get_or_create(username=f"{prefix}_mgr_{i:02d}", defaults={
            "display_name": f"{prefix} manager {i}", "department": department,
            "region": region, "grade": 6})
        rep, created = User.objects.get_or_create(username=f"{prefix}_rep_{i:02d}", defaults={
            "display_name": f"{prefix} rep {i}", "department": department, "region": region,
            "grade": 3, "manager": mgr})
        if created:
            RoleAssignment.objects.get_or_create(user=rep, role=Role.SALESPERSON, region=region)
        if mgr.department_id != department.pk or rep.department_id != department.pk:
            User.objects.filter(pk__in=[mgr.pk, rep.pk]).update(department=department)
            mgr.department, rep.department = department, department
        pairs.append((rep, mgr))
    return pairs


def _chunk(target, chunk) -> None:
    for args in chunk:
        target(*args)


def in_parallel(target, args_list, processes: int = 2) -> None:
    """Run `target(*args)` for every args, spread over `processes` forked processes (each opens
    its own database connection)."""
    import multiprocessing

    from django.db import connections

    connections.close_all()
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_chunk, args=(target, args_list[i::processes]))
             for i in range(processes) if args_list[i::processes]]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        if p.exitcode:
            raise RuntimeError(f"a benchmark process failed (exit {p.exitcode})")


def claims_for(rep_id: int, count: int, start: int = 0) -> None:
    """Submit `count` claims for one submitter (a forked worker's job)."""
    from core.org.models import User

    rep = User.objects.get(pk=rep_id)
    for i in range(count):
        claim(rep, start + i)
