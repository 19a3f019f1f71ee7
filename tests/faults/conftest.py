"""Fixtures for the fault tests: a private Redis, a Celery worker on it, and the expense and demo
requests they drive. Everything started here is stopped in the fixture's teardown."""

from datetime import date
from decimal import Decimal

import pytest

from config.celery import app
from core.inbox import outbox

from .helpers import PG_BIN, REDIS_SERVER, CeleryWorker, PgCluster, RedisServer

YEAR = 2026
MARCH = date(YEAR, 3, 10)


@pytest.fixture
def cluster():
    """A private PostgreSQL cluster with an empty database `countersign`; deleted afterwards."""
    if PG_BIN is None:
        pytest.skip("needs the PostgreSQL server binaries (initdb, pg_ctl) for a private cluster")
    try:
        made = PgCluster()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    try:
        made.init()
        made.start()
        made.create_database("countersign")
        yield made
    finally:
        made.destroy()


@pytest.fixture
def private_redis(tmp_path):
    """A redis-server of this test's own, on a free port (never the shared one on 6379)."""
    if not REDIS_SERVER or not __import__("os").path.exists(REDIS_SERVER):
        pytest.skip("needs redis-server to start a private broker")
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _reset_publisher_pools() -> None:
    """Close this process's broker connections and forget them (kombu keeps a registry)."""
    from kombu import pools

    pools.reset()
    app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


@pytest.fixture
def broker_on(private_redis):
    """broker_on() makes this process publish to the private Redis instead of running tasks
    eagerly (set-up done before it stays eager); restored afterwards."""
    conf = app.conf
    names = ("task_always_eager", "broker_url", "broker_write_url", "broker_read_url")
    saved = {name: conf[name] for name in names}

    def switch():
        # broker_write_url/read_url were derived from broker_url when the app was configured.
        conf.update(task_always_eager=False, broker_url=private_redis.url,
                    broker_write_url=private_redis.url, broker_read_url=private_redis.url)
        _reset_publisher_pools()
        outbox._paused_until = 0.0

    try:
        yield switch
    finally:
        conf.update(saved)
        _reset_publisher_pools()
        outbox._paused_until = 0.0


@pytest.fixture
def workers(transactional_db, private_redis, tmp_path):
    """workers(**options) -> a started CeleryWorker on the private Redis; every worker made
    here is stopped (its whole process group) before the database is flushed."""
    made: list[CeleryWorker] = []

    def start(**options) -> CeleryWorker:
        worker = CeleryWorker(private_redis.url, tmp_path, **options)
        made.append(worker)
        worker.start()
        return worker

    try:
        yield start
    finally:
        for worker in made:
            worker.stop()


@pytest.fixture
def demo_requests(personas):
    """demo_requests(n, amount) -> n submitted demo requests (Request headers) by east_rep1;
    from 10,000.00 the chain is east_mgr then the sales GM."""
    from core.inbox.models import Request
    from workflows.demo.services import demo_submit

    def run(n: int, amount: str = "800.00", prefix: str = "fault") -> list:
        out = []
        for i in range(n):
            obj = demo_submit(actor=personas["east_rep1"], title=f"{prefix}-{i:03d}",
                              amount=Decimal(amount))
            out.append(Request.objects.get(kind="demo", object_id=obj.pk))
        return out

    return run


@pytest.fixture
def travel_budget(personas):
    """Sales travel for YEAR in force: 1,200,000.00, split evenly by month."""
    from core.inbox import services as inbox
    from core.inbox.models import Request, WorkItem, WorkItemStatus
    from core.org.models import Department
    from workflows.expenses.models import Budget, BudgetState, Category, CategoryPolicy, OverBudget
    from workflows.expenses.rules import even_split
    from workflows.expenses.services import budget_create, budget_submit

    CategoryPolicy.objects.update_or_create(category=Category.TRAVEL,
                                            defaults={"over_budget": OverBudget.BLOCK})
    quarters, months = even_split(Decimal("1200000.00"))
    budget = budget_create(actor=personas["finance"], fiscal_year=YEAR,
                           department=Department.objects.get(code="sales"),
                           category=Category.TRAVEL, total=Decimal("1200000.00"),
                           quarters=quarters, months=months, owner=personas["gm"])
    budget_submit(budget_id=budget.pk, actor=personas["finance"])
    req = Request.objects.get(kind="budget", object_id=budget.pk)
    for approver in ("gm", "ceo"):
        item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
        inbox.task_approve(task_id=item.pk, actor=personas[approver], comment="agreed")
    budget = Budget.objects.get(pk=budget.pk)
    assert budget.state == BudgetState.IN_FORCE
    return budget


@pytest.fixture
def draft_claims(personas, travel_budget):
    """draft_claims(n) -> n draft travel claims by east_rep1, one transport line each."""
    from workflows.expenses.models import Category, ItemType
    from workflows.expenses.services import claim_create

    def run(n: int, prefix: str = "fault-claim", amount: str = "860.00") -> list:
        return [
            claim_create(
                actor=personas["east_rep1"], category=Category.TRAVEL,
                title=f"{prefix}-{i:03d}", expense_date=MARCH,
                lines=[{"date": MARCH, "item_type": ItemType.TRANSPORT, "amount": amount,
                        "description": "高铁往返"}],
            )
            for i in range(n)
        ]

    return run


@pytest.fixture
def claims_at_finance(draft_claims):
    """claims_at_finance(n) -> [(claim, finance WorkItem)]: submitted, every chain step approved
    by its holder, waiting for finance's voucher review."""
    from core.inbox import services as inbox
    from core.inbox.models import Request, WorkItem, WorkItemStatus
    from workflows.expenses.services import claim_submit

    def run(n: int) -> list:
        out = []
        for claim in draft_claims(n):
            claim_submit(claim_id=claim.pk, actor=claim.submitter)
            req = Request.objects.get(kind="expense", object_id=claim.pk)
            while True:
                item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
                if item.step_code == "finance_review":
                    out.append((claim, item))
                    break
                holder = item.assignee or item.candidates.order_by("pk").first()
                inbox.task_approve(task_id=item.pk, actor=holder, comment="ok")
        return out

    return run
