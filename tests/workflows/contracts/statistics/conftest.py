"""A small, known world for the statistics: contracts made by the services at chosen moments
(time-machine), so every figure can be worked out by hand."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from core.inbox import services as inbox
from workflows.contracts import statistics as st
from workflows.contracts.rules import uscc_check_char
from workflows.contracts.services import contract_create, contract_submit

from ..conftest import fresh, item, make_customer, open_items, request_of

SH = ZoneInfo("Asia/Shanghai")
DECIDER = {"legal_review": "legal", "credit_review": "finance", "sales_gm": "gm", "ceo": "ceo"}


def at(y: int, m: int, d: int, h: int = 10, minute: int = 0) -> datetime:
    """A moment in Shanghai time."""
    return datetime(y, m, d, h, minute, tzinfo=SH)


def code(n: int) -> str:
    first = f"9131000{n:010d}"
    return first + uscc_check_char(first)


def figures(user, year: int | None = None, *, region=None, today: date | None = None, **kw):
    return st.contract_statistics(user, period=st.period_for(year=year, **kw), region=region,
                                  today=today)


def by_key(rows: list[dict]) -> dict:
    return {r["key"]: r for r in rows}


def submit(personas, customer, value: str, when: datetime, *, owner: str = "east_rep1",
           terms: int = 30, title: str = "供货合同"):
    with time_machine.travel(when, tick=False):
        contract = contract_create(actor=personas[owner], customer=customer, title=title,
                                   value=Decimal(value), payment_terms_days=terms)
        contract_submit(contract_id=contract.pk, actor=personas[owner])
    return fresh(contract)


def decide(personas, contract, step: str, when: datetime, *, how: str = "approve"):
    """The step's decider approves (or rejects / returns) at `when`."""
    task = item(contract, step)
    actor = personas[DECIDER.get(step) or f"{contract.customer.region.code}_mgr"]
    with time_machine.travel(when, tick=False):
        if how == "approve":
            inbox.task_approve(task_id=task.pk, actor=actor)
        elif how == "reject":
            inbox.task_reject(task_id=task.pk, actor=actor, reason="不同意")
        else:
            inbox.task_return(task_id=task.pk, actor=actor, reason="请修改")


def through(personas, contract, start: datetime, hours: list[float] | None = None):
    """Every open step approved, the n-th decision `hours[n]` hours after `start` (default:
    one hour apart); returns the contract as it ends (signed, for a clean route)."""
    hours = list(hours or range(1, 20))
    while True:
        steps = [i.step_code for i in open_items(contract)]
        if not steps:
            return fresh(contract)
        for step in steps:
            decide(personas, contract, step, start + timedelta(hours=hours.pop(0)))


def resubmit(personas, contract, when: datetime, owner: str = "east_rep1"):
    with time_machine.travel(when, tick=False):
        inbox.request_resubmit(request_id=request_of(contract).pk, actor=personas[owner])


@pytest.fixture
def east(personas):
    """An east customer rated A (90 days allowed), limit 3,000,000.00."""
    return make_customer(personas["east_rep1"])


@pytest.fixture
def south(personas):
    """A south customer rated C (30 days allowed), limit 1,000,000.00."""
    return make_customer(personas["south_rep1"], code=code(2), region="south", rating="C",
                         limit="1000000.00", name="岭南建材集团有限公司")
