"""Migration 0009: every contract made before products existed gets one "unspecified" line at
its value, so no value changes (run with the migration executor from the state before)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("contracts", "0007_customer_class_interactions")]
AFTER = [("contracts", "0009_existing_contracts_get_a_line")]


@pytest.mark.django_db(transaction=True)
def test_each_contract_gets_one_unspecified_line_and_totals_stay():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    # every other app at its head, contracts before products
    heads = [n for n in executor.loader.graph.leaf_nodes() if n[0] != "contracts"]
    old = executor.loader.project_state(heads + BEFORE).apps
    region = old.get_model("org", "Region").objects.create(code="mig", name="迁移区")
    user = old.get_model("org", "User").objects.create(username="mig.user", mobile="")
    customer = old.get_model("contracts", "Customer").objects.create(
        name="老客户", credit_code="91350100M000100Y43", region=region, account_owner=user)
    Contract = old.get_model("contracts", "Contract")
    values = [Decimal("500000.00"), Decimal("0.01"), Decimal("123456789.99")]
    for i, value in enumerate(values):
        Contract.objects.create(customer=customer, owner=user, title=f"合同{i}", value=value,
                                number=f"HT-MIG-{i}" if i else "", version=1)
    total_before = sum(values)

    executor = MigrationExecutor(connection)  # a fresh loader sees the graph as it now is
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Line = new.get_model("contracts", "ContractLine")
    contracts = new.get_model("contracts", "Contract").objects.filter(customer__name="老客户")
    assert contracts.count() == 3
    for contract in contracts:
        (line,) = Line.objects.filter(contract=contract)
        assert line.product.code == "UNSPECIFIED" and not line.product.active
        assert (line.quantity, line.unit_price, line.discount, line.value) == (
            Decimal("1"), contract.value, Decimal("0"), contract.value)
    assert sum(line.value for line in Line.objects.filter(contract__in=contracts)) \
        == total_before == sum(c.value for c in contracts)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # back to the head for the next tests
