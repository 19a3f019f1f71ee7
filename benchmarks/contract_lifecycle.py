"""Full sales-contract lifecycle on PostgreSQL: create → submit (credit check, flow started) →
regional manager → legal ∥ finance (parallel, both required; the second one joins) → sign-off
by the sales GM → signed; one process, N contracts, through the contract services and the
generic task services (core/inbox/services.py).

    python benchmarks/contract_lifecycle.py                 # 300 contracts
    python benchmarks/contract_lifecycle.py --contracts 5

Prints contracts per second and, per step, the SQL statements issued and p50/p95 time. The two
parallel reviews alternate which goes first, so "first review" and "second review (join)" each
mix legal and finance.
"""

import argparse
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import harness  # noqa: E402


def prepare():
    from django.db import connection

    from benchmarks import seed
    from workflows.contracts.rules import uscc_check_char
    from workflows.contracts.services import (
        credit_limit_decide,
        credit_limit_request,
        customer_create,
    )

    users = seed.company()
    with connection.cursor() as cur:  # a fresh run each time: no leftovers from earlier runs
        cur.execute(
            "TRUNCATE contracts_customer, contracts_contract, inbox_candidate, inbox_workitem, "
            "inbox_notification, inbox_attachment, inbox_outboxmessage, inbox_request, "
            "viewflow_task_previous, viewflow_task, viewflow_process RESTART IDENTITY CASCADE")
    reps = [users[n] for n in ("east_rep1", "east_rep2", "east_rep3")]
    region = reps[0].region
    customers = []
    for i, rep in enumerate(reps):
        code = f"91310000BENCH{i:04d}"
        code = code[:17] + uscc_check_char(code[:17])
        customer = customer_create(actor=rep, name=f"Bench customer {i}", credit_code=code,
                                   region=region, account_owner=rep, rating="B")
        change = credit_limit_request(customer_id=customer.pk, actor=rep,
                                      new_limit="100000000.00", reason="benchmark")
        credit_limit_decide(change_id=change.pk, actor=users["finance"], approve=True)
        customers.append(customer)
    return users, reps, customers


def run(contracts: int) -> tuple[list[dict], dict]:

    from core.inbox import services as inbox
    from core.inbox.models import Request, WorkItem
    from workflows.contracts import services
    from workflows.contracts.models import Contract, ContractState

    users, reps, customers = prepare()
    deciders = {"regional_review": users["east_mgr"], "legal_review": users["legal"],
                "credit_review": users["finance"]}
    step = harness.Steps()

    def open_items(req):
        return list(WorkItem.objects.filter(request=req, status="open").order_by("pk"))

    started = time.perf_counter()
    for i in range(contracts):
        rep = reps[i % len(reps)]
        contract = step("create (draft)", services.contract_create, actor=rep,
                        customer=customers[i % len(customers)], title=f"Bench contract {i}",
                        value=Decimal("50000.00"), payment_terms_days=30)
        step("submit (credit check, start flow)", services.contract_submit,
             contract_id=contract.pk, actor=rep)
        req = Request.objects.get(kind="contract", object_id=contract.pk)
        (item,) = open_items(req)
        step("approve: regional manager (opens legal + finance)", inbox.task_approve,
             task_id=item.pk, actor=deciders[item.step_code])
        parallel = open_items(req)
        if i % 2:
            parallel.reverse()
        for k, item in enumerate(parallel):
            name = ("approve: first parallel review (legal or finance)" if k == 0
                    else "approve: second parallel review (join, sign-off task)")
            step(name, inbox.task_approve, task_id=item.pk, actor=deciders[item.step_code])
        (item,) = open_items(req)
        step("approve: sign-off by sales GM (signed)", inbox.task_approve, task_id=item.pk,
             actor=users["gm"])
    elapsed = time.perf_counter() - started
    signed = Contract.objects.filter(state=ContractState.SIGNED).count()
    rows = step.rows()
    summary = {"contracts": contracts, "signed": signed, "seconds": elapsed,
               "per_s": contracts / elapsed}
    return rows, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contracts", type=int, default=300)
    parser.add_argument("--json", help="write the results here (benchmarks/run_all.py)")
    args = parser.parse_args()
    harness.setup(suffix="_lifecycle")
    load = harness.load()
    rows, summary = run(args.contracts)
    print(f"Sales contract lifecycle, {summary['contracts']:,} contracts on {harness.machine()} "
          f"(load {load} -> {harness.load()})")
    print(harness.table(rows, harness.STEP_COLUMNS))
    print("Step times exclude the jobs it queues (notifications: Celery workers in production); "
          "they run right after each step and their statements are shown apart.")
    print(f"signed: {summary['signed']:,} of {summary['contracts']:,} · "
          f"{summary['seconds']:.1f} s · {summary['per_s']:.1f} whole contracts per second "
          f"(each: the 7 requests above)")
    lines = [harness.summary_line(
        "2 lifecycle", f"contracts, create -> signed ({summary['contracts']:,})",
        f"{summary['per_s']:.1f} contracts/s ({summary['signed']:,} signed)", "all signed",
        summary["signed"] == summary["contracts"])]
    lines += [harness.summary_line("2 lifecycle", f"contract {r['step']}: SQL / p50",
                                   f"{r['SQL in transaction']} / {r['p50 ms']} ms")
              for r in rows if r["step"].startswith("approve")]
    harness.write_json(args.json, rows=rows, summary=lines)


if __name__ == "__main__":
    main()
