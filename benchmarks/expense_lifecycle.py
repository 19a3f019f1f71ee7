"""Full expense-claim lifecycle on PostgreSQL: create → submit (budget reserved) → line
manager → finance voucher review → paid (payment job run eagerly), one process, N claims.

    python benchmarks/expense_lifecycle.py            # 1,000 claims
    python benchmarks/expense_lifecycle.py --claims 50

Prints claims per second and, per step, the SQL statements issued and p50/p95 time.
"""

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import harness  # noqa: E402


def prepare():
    from django.conf import settings
    from django.db import connection

    from benchmarks import seed

    settings.CELERY_TASK_ALWAYS_EAGER = True
    from config.celery import app

    app.conf.task_always_eager = True
    users = seed.company()
    with connection.cursor() as cur:  # a fresh run each time: no leftovers from earlier runs
        cur.execute(
            "TRUNCATE expenses_reservation, expenses_expenseline, expenses_expenseclaim, "
            "expenses_budgetbalance, inbox_candidate, inbox_workitem, inbox_notification, "
            "inbox_attachment, inbox_outboxmessage, inbox_request, viewflow_task_previous, "
            "viewflow_task, viewflow_process RESTART IDENTITY CASCADE")
    # A budget large enough that no claim is refused: the benchmark measures the route.
    seed.budgets(users["east_rep1"].department)
    return users, seed.YEAR


def run(claims: int) -> tuple[list[dict], dict]:

    from core.inbox import services as inbox
    from core.inbox.models import Request, WorkItem
    from workflows.expenses import services
    from workflows.expenses.models import ClaimState, ExpenseClaim

    users, year = prepare()
    reps = [users[n] for n in ("east_rep1", "east_rep2", "east_rep3")]
    step = harness.Steps()

    started = time.perf_counter()
    for i in range(claims):
        rep = reps[i % len(reps)]
        d = date(year, (i % 12) + 1, 10)
        claim = step("create (draft, 2 lines)", services.claim_create, actor=rep,
                     category="travel", title=f"Bench {i}", expense_date=d, lines=[
                         {"date": d, "item_type": "transport", "amount": "120.00",
                          "description": "taxi"},
                         {"date": d, "item_type": "other", "amount": "35.50",
                          "description": "parking"}])
        step("submit (reserve budget, start flow)", services.claim_submit, claim_id=claim.pk,
             actor=rep)
        req = Request.objects.get(kind="expense", object_id=claim.pk)
        item = WorkItem.objects.get(request=req, status="open")
        step("approve: line manager", inbox.task_approve, task_id=item.pk,
             actor=users["east_mgr"])
        item = WorkItem.objects.get(request=req, status="open")
        step("approve: finance voucher + payment", inbox.task_approve, task_id=item.pk,
             actor=users["finance_clerk"])
    elapsed = time.perf_counter() - started
    paid = ExpenseClaim.objects.filter(state=ClaimState.PAID).count()
    rows = step.rows()
    summary = {"claims": claims, "paid": paid, "seconds": elapsed,
               "claims_per_s": claims / elapsed}
    return rows, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--json", help="write the results here (benchmarks/run_all.py)")
    args = parser.parse_args()
    harness.setup(suffix="_lifecycle")
    load = harness.load()
    rows, summary = run(args.claims)
    print(f"Expense claim lifecycle, {summary['claims']:,} claims on {harness.machine()} "
          f"(load {load} -> {harness.load()})")
    print(harness.table(rows, harness.STEP_COLUMNS))
    print("Step times exclude the jobs it queues (notifications, payment: Celery workers in "
          "production); they run right after each step and their statements are shown apart.")
    print(f"paid: {summary['paid']:,} of {summary['claims']:,} · {summary['seconds']:.1f} s · "
          f"{summary['claims_per_s']:.1f} whole claims per second (each: 4 requests above)")
    approve = [r for r in rows if r["step"].startswith("approve")]
    lines = [harness.summary_line(
        "2 lifecycle", f"expense claims, create -> paid ({summary['claims']:,})",
        f"{summary['claims_per_s']:.1f} claims/s ({summary['paid']:,} paid)", "all paid",
        summary["paid"] == summary["claims"])]
    lines += [harness.summary_line("2 lifecycle", f"expense {r['step']}: SQL / p50",
                                   f"{r['SQL in transaction']} / {r['p50 ms']} ms")
              for r in approve]
    harness.write_json(args.json, rows=rows, summary=lines)


if __name__ == "__main__":
    main()
