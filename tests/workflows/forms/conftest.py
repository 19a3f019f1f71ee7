import pytest

from workflows.forms import demo


@pytest.fixture
def shipped(personas):
    """The four shipped templates, published by the demo's administrator (the training plan's
    amount bands come from the authority matrix the spec seeds with the demo company)."""
    from workflows.forms.models import FormTemplate

    demo.install(personas["admin"])
    return {t.code: t for t in FormTemplate.objects.all()}


@pytest.fixture
def personnel(db):
    """personnel("10000.00", quarter="30000.00"): the sales department's personnel budget for
    December 2026 (the month the shipped training plans start) and its quarter, as the
    balances expenses keeps; returns a reader of (month, quarter) rows."""
    from decimal import Decimal

    from core.org.models import Department
    from workflows.expenses.models import BudgetBalance, Category, CategoryPolicy, OverBudget

    def run(month: str, *, quarter: str | None = None, rule: str = OverBudget.BLOCK):
        sales = Department.objects.get(code="sales")
        CategoryPolicy.objects.update_or_create(category=Category.PERSONNEL,
                                                defaults={"over_budget": rule})
        for period, amount in (("M12", month), ("Q4", quarter or month)):
            BudgetBalance.objects.update_or_create(
                fiscal_year=2026, department=sales, category=Category.PERSONNEL,
                period=period, defaults={"budget": Decimal(amount)})

        def rows():
            got = {b.period: b for b in BudgetBalance.objects.filter(
                fiscal_year=2026, department=sales, category=Category.PERSONNEL)}
            return got["M12"], got["Q4"]

        return rows

    return run
