"""Product lines make the contract value (issue 22): totals computed by hand, a value alone
still works as one "unspecified" line, errors name the line and field, amendments diff lines."""

from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError
from workflows.contracts.models import UNSPECIFIED_PRODUCT, ContractLine
from workflows.contracts.services import contract_amend, contract_create, contract_update

from ...plans.test_selectors__business_actuals import sign
from ..conftest import fresh

pytestmark = pytest.mark.django_db


def _lines(products):
    return [
        # 2 × 880,000.00 less 5% = 1,672,000.00
        {"product": products["CNC-500"], "quantity": "2", "unit_price": "880000.00",
         "discount": "5"},
        # 3.5 × 12,000.00 (the list price, none typed) = 42,000.00
        {"product": products["SPARE-KIT"].pk, "quantity": "3.5"},
        # 1 × 60,000.00 less 12.5% = 52,500.00
        {"product": "SVC-YEAR", "quantity": 1, "unit_price": "60000", "discount": "12.5"},
    ]


def test_value_is_the_hand_computed_total_of_the_lines(personas, customer, products):
    contract = contract_create(actor=personas["east_rep1"], customer=customer, title="产线",
                               lines=_lines(products))
    assert fresh(contract).value == Decimal("1766500.00")
    values = list(contract.lines.order_by("position").values_list("value", flat=True))
    assert values == [Decimal("1672000.00"), Decimal("42000.00"), Decimal("52500.00")]


def test_a_value_alone_becomes_one_unspecified_line(personas, customer):
    contract = contract_create(actor=personas["east_rep1"], customer=customer, title="旧接口",
                               value=Decimal("123456.78"))
    (line,) = contract.lines.all()
    assert line.product.code == UNSPECIFIED_PRODUCT
    assert (line.quantity, line.unit_price, line.value) == (
        Decimal("1"), Decimal("123456.78"), Decimal("123456.78"))
    contract_update(contract_id=contract.pk, actor=personas["east_rep1"],
                    value=Decimal("200000.00"))
    (line,) = contract.lines.all()
    assert fresh(contract).value == line.value == Decimal("200000.00")


def test_errors_name_the_line_and_field_when_lines_are_bad(personas, customer, products):
    bad = [{"product": "CNC-500", "quantity": "0"},
           {"product": "OLD-1", "quantity": "1"},
           {"product": "SVC-YEAR", "quantity": "1", "discount": "120"}]
    with pytest.raises(InvalidInputError) as exc:
        contract_create(actor=personas["east_rep1"], customer=customer, title="x", lines=bad)
    assert set(exc.value.fields) == {"lines.0.quantity", "lines.1.product", "lines.2.discount"}
    assert ContractLine.objects.count() == 0


def test_value_refused_when_it_disagrees_with_the_lines(personas, customer, products):
    with pytest.raises(InvalidInputError) as exc:
        contract_create(actor=personas["east_rep1"], customer=customer, title="x",
                        lines=_lines(products), value=Decimal("1.00"))
    assert "value" in exc.value.fields
    contract = contract_create(actor=personas["east_rep1"], customer=customer, title="x",
                               lines=_lines(products))
    with pytest.raises(InvalidInputError) as exc:  # a value cannot overwrite product lines
        contract_update(contract_id=contract.pk, actor=personas["east_rep1"],
                        value=Decimal("5.00"))
    assert "value" in exc.value.fields
    assert fresh(contract).value == Decimal("1766500.00")


def test_amendment_copies_lines_and_its_diff_lists_added_removed_changed(
        personas, customer, products):
    contract = sign(personas, contract_create(actor=personas["east_rep1"], customer=customer,
                                              title="产线", lines=_lines(products)))
    same = contract_amend(contract_id=contract.pk, actor=personas["east_rep1"], reason="改期")
    assert [(line.product.code, line.value) for line in same.lines.all()] == [
        (line.product.code, line.value) for line in contract.lines.all()]
    same_event = AuditEvent.objects.get(event="contract.amendment_drafted", subject_id=same.pk)
    assert same_event.data["lines"] == {"added": [], "removed": [], "changed": []}


def test_amendment_with_new_lines_diffs_them(personas, customer, products):
    contract = sign(personas, contract_create(actor=personas["east_rep1"], customer=customer,
                                              title="产线", lines=_lines(products)))
    lines = _lines(products)
    lines[0]["quantity"] = "3"  # changed: 3 × 880,000.00 less 5% = 2,508,000.00
    del lines[1]  # removed: the spare parts
    lines.append({"product": "OLD-1", "quantity": "1"})  # a retired product is refused
    with pytest.raises(InvalidInputError) as exc:
        contract_amend(contract_id=contract.pk, actor=personas["east_rep1"], reason="加量",
                       lines=lines)
    assert set(exc.value.fields) == {"lines.2.product"}
    lines[2] = {"product": "SPARE-KIT", "quantity": "1", "unit_price": "0"}  # free kit: kept
    lines.append({"product": "SVC-YEAR", "quantity": "1"})  # added: a second year's service
    amendment = contract_amend(contract_id=contract.pk, actor=personas["east_rep1"],
                               reason="加量", lines=lines)
    # 2,508,000.00 + 52,500.00 + 0.00 + 60,000.00
    assert fresh(amendment).value == Decimal("2620500.00")
    diff = AuditEvent.objects.get(event="contract.amendment_drafted",
                                  subject_id=amendment.pk).data["lines"]
    assert [d["product"] for d in diff["added"]] == ["SVC-YEAR"]
    assert diff["removed"] == []
    assert sorted(c["after"]["product"] for c in diff["changed"]) == ["CNC-500", "SPARE-KIT"]
    kit = next(c for c in diff["changed"] if c["after"]["product"] == "SPARE-KIT")
    assert kit["before"]["quantity"] == "3.5"  # written as typed, never "3.5E+0" or "1E+1"


def test_quantity_in_the_diff_reads_as_a_plain_number(personas, customer, products):
    contract = contract_create(actor=personas["east_rep1"], customer=customer, title="x",
                               lines=[{"product": "SPARE-KIT", "quantity": "10"}])
    from workflows.contracts.services.lines import as_dict

    assert as_dict(contract.lines.get())["quantity"] == "10"
