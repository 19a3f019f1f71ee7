"""Budget warnings (policy 8.3): the budget owner hears once when a month or quarter crosses
80 % and once when it crosses 100 %, not again on every later claim."""

from datetime import date
from decimal import Decimal

import pytest

from core.inbox import services as inbox
from core.inbox.models import Notification
from workflows.expenses.models import BudgetBalance, Category
from workflows.expenses.rules import even_split
from workflows.expenses.services import budget_revise, budget_submit

from .helpers import YEAR, balance

pytestmark = pytest.mark.django_db


@pytest.fixture
def month_of_1000(make_budget, standards, policies):
    """Entertainment (over budget → the sales GM approves too): 1,000.00 a month, owned by
    finance."""
    return make_budget(Category.ENTERTAINMENT, months=["1000.00"] * 12, owner="finance")


@pytest.fixture
def claim(submitted, django_capture_on_commit_callbacks):
    """claim("800.00"): submit an entertainment claim in March and deliver what it queues."""

    def run(amount: str, who: str = "east_rep1", when=None):
        kwargs = {"when": when} if when else {}
        with django_capture_on_commit_callbacks(execute=True):
            return submitted(who, amount, category=Category.ENTERTAINMENT, **kwargs)

    return run


def warnings() -> list[tuple[str, str, int]]:
    """(recipient, period, threshold) of every budget warning, oldest first. The dedupe key is
    budget-warn:<balance row>:<threshold>:...; what follows (version, user) may vary."""
    rows = dict(BudgetBalance.objects.values_list("pk", "period"))
    result = []
    for who, key in (Notification.objects.filter(dedupe_key__startswith="budget-warn:")
                     .order_by("pk").values_list("recipient__username", "dedupe_key")):
        _prefix, row_pk, threshold, *_rest = key.split(":")
        result.append((who, rows[int(row_pk)], int(threshold)))
    return result


def note_for(period: str, threshold: int) -> Notification:
    row = balance(period, category=Category.ENTERTAINMENT)
    return Notification.objects.get(dedupe_key__startswith=f"budget-warn:{row.pk}:{threshold}:")


def test_owner_warned_once_per_threshold_when_month_crosses_80_then_100(month_of_1000, claim):
    claim("790.00")
    assert warnings() == []  # 79 %

    claim("10.00")  # 80 %
    assert warnings() == [("finance", "M03", 80)]
    note = note_for("M03", 80)
    assert "M03" in note.display and "80.0%" in note.display
    assert note.text == ""  # rendered when read, in the reader's language
    assert note.link == "/expenses/monitor/"
    assert note.kind == "decided"

    claim("150.00", who="east_rep2")  # 95 %
    assert warnings() == [("finance", "M03", 80)]

    claim("50.00")  # 100 %
    assert warnings() == [("finance", "M03", 80), ("finance", "M03", 100)]
    assert "100.0%" in note_for("M03", 100).display

    claim("100.00")  # 110 %: over budget, the sales GM approves; no new warning
    claim("1.00", who="south_rep1")
    assert warnings() == [("finance", "M03", 80), ("finance", "M03", 100)]
    row = balance("M03", category=Category.ENTERTAINMENT)
    assert (row.warned_80, row.warned_100) == (True, True)


def test_no_warning_when_claims_stay_below_80_percent(month_of_1000, claim):
    for amount in ("300.00", "300.00", "199.00"):
        claim(amount)

    assert warnings() == []
    row = balance("M03", category=Category.ENTERTAINMENT)
    assert (row.warned_80, row.warned_100) == (False, False)


def test_no_warning_when_use_is_a_fen_below_80_percent(month_of_1000, claim):
    claim("799.99")

    assert warnings() == []


def test_only_the_budget_owner_warned_when_threshold_is_crossed(month_of_1000, claim):
    claim("850.00")

    assert [who for who, _period, _threshold in warnings()] == ["finance"]


def test_quarter_warned_under_its_own_key_when_quarter_crosses_80_percent(month_of_1000, claim):
    claim("700.00", when=date(YEAR, 1, 10))
    claim("700.00", when=date(YEAR, 2, 10))
    assert warnings() == []  # 70 % of January, of February; 46.7 % of Q1

    claim("1000.00")  # March 100 %; Q1: 2,400.00 of 3,000.00 = 80 %

    assert sorted(warnings()) == [("finance", "M03", 100), ("finance", "Q1", 80)]
    assert balance("Q1", category=Category.ENTERTAINMENT).warned_80 is True
    assert balance("M01", category=Category.ENTERTAINMENT).warned_80 is False


def test_no_new_warning_when_the_claim_that_crossed_is_paid(
    month_of_1000, claim, through_chain, personas, django_capture_on_commit_callbacks
):
    crossing = claim("850.00")
    assert warnings() == [("finance", "M03", 80)]

    with django_capture_on_commit_callbacks(execute=True):
        inbox.task_approve(task_id=through_chain(crossing).pk, actor=personas["finance_clerk"])

    assert balance("M03", category=Category.ENTERTAINMENT).spent == Decimal("850.00")
    assert warnings() == [("finance", "M03", 80)]


def test_no_late_80_percent_warning_when_next_claim_follows_one_that_jumped_past_100(
    month_of_1000, claim
):
    claim("1000.00")  # 0 % -> 100 % in one claim
    assert warnings() == [("finance", "M03", 100)]

    claim("10.00")

    assert warnings() == [("finance", "M03", 100)]


def test_owner_warned_again_when_a_revised_budget_is_crossed(month_of_1000, claim, personas,
                                                             approve_budget):
    claim("800.00")
    assert warnings() == [("finance", "M03", 80)]
    quarters, months = even_split(Decimal("24000.00"))  # 2,000.00 a month
    v2 = budget_revise(budget_id=month_of_1000.pk, actor=personas["finance"],
                       total="24000.00", quarters=quarters, months=months, reason="展会")
    budget_submit(budget_id=v2.pk, actor=personas["finance"])
    approve_budget(v2)
    assert balance("M03", category=Category.ENTERTAINMENT).warned_80 is False

    claim("800.00")  # 1,600.00 of 2,000.00 = 80 % of the new budget

    assert balance("M03", category=Category.ENTERTAINMENT).warned_80 is True
    assert warnings() == [("finance", "M03", 80), ("finance", "M03", 80)]
