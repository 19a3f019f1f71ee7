"""Real threads, each with its own PostgreSQL connection, committing for real: training plans
whose last approval comes at the same moment queue on the personnel budget rows (the budget
hold's SELECT ... FOR UPDATE), so exactly as many are approved as the month affords."""

import threading
import time
from decimal import Decimal

import pytest

from core import engine
from core.audit.verify import verify_all
from core.org.models import User
from workflows.expenses.models import BudgetHold
from workflows.expenses.services.ledger import OverBudgetError
from workflows.forms import services
from workflows.forms.models import Submission, SubmissionState

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 8


def test_exactly_the_affordable_training_plans_are_approved_when_12_race(
        shipped, personas, personnel, figure):
    rows = personnel("10000.00", quarter="30000.00")  # 3 plans of 3,000.00 fit, not 4
    tasks = []
    for i in range(12):
        obj = services.submission_submit(
            actor=personas["east_rep1"], template_id=shipped["training"].pk,
            values={"content": f"培训 {i}", "dates": {"from": "2026-12-14", "to": "2026-12-14"},
                    "trainer": personas["marketing"].pk, "budget": "3000.00"})
        tasks.append(engine.open_items(engine.request_for("form", obj.pk)).first().pk)
    todo = list(enumerate(tasks))
    taken = threading.Lock()
    outcomes: list = [None] * len(tasks)
    barrier = threading.Barrier(THREADS)
    from django.db import connection

    def worker():
        manager = User.objects.get(username="east_mgr")
        try:
            barrier.wait(timeout=30)
            while True:
                with taken:
                    if not todo:
                        return
                    i, task_id = todo.pop()
                try:
                    outcomes[i] = engine.task_approve(task_id=task_id, actor=manager,
                                                      comment="ok")
                except Exception as exc:  # counted below
                    outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(THREADS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    elapsed = time.perf_counter() - started
    assert not any(t.is_alive() for t in threads)
    refused = [o for o in outcomes if isinstance(o, OverBudgetError)]
    others = [o for o in outcomes if isinstance(o, Exception)
              and not isinstance(o, OverBudgetError)]
    month, quarter = rows()
    figure("12 training plans x 3,000.00 racing for a 10,000.00 month, 8 threads",
           f"{12 - len(refused)} approved, {len(refused)} refused; reserved {month.reserved} "
           f"of {month.budget}; {elapsed:.1f} s")
    assert others == []
    assert len(refused) == 9
    assert Submission.objects.filter(state=SubmissionState.APPROVED).count() == 3
    assert Submission.objects.filter(state=SubmissionState.SUBMITTED).count() == 9
    assert month.reserved == quarter.reserved == Decimal("9000.00")
    assert BudgetHold.objects.filter(state=BudgetHold.State.HELD).count() == 3
    assert verify_all(save=False).ok
