"""Invoice number and code formats per invoice type (pure rules, no database)."""

import pytest

from workflows.expenses.rules import invoice_errors, missing_vouchers


@pytest.mark.parametrize(("kind", "code", "number"), [
    ("digital", "", "26312000000000000001"),  # 全电发票: a 20-digit number, no code
    ("vat_special", "3100231130", "12345678"),  # 专票: 10-digit code, 8-digit number
    ("vat_ordinary", "3100231130", "12345678"),  # 普票: 10-digit code ...
    ("vat_ordinary", "031002300111", "00012345"),  # ... or 12 digits (electronic)
    ("other", "", "E12345"),  # a train ticket, a taxi receipt: free text
    ("other", "", ""),
])
def test_valid_invoice_numbers(kind, code, number):
    assert invoice_errors(kind, code, number) == {}


@pytest.mark.parametrize(("kind", "code", "number", "bad"), [
    ("digital", "", "2631200000000000000", {"invoice_number"}),  # 19 digits
    ("digital", "", "263120000000000000012", {"invoice_number"}),  # 21 digits
    ("digital", "", "2631200000000000000A", {"invoice_number"}),
    ("digital", "3100231130", "26312000000000000001", {"invoice_code"}),
    ("vat_special", "031002300111", "12345678", {"invoice_code"}),  # 12 digits: not a 专票
    ("vat_special", "310023113", "12345678", {"invoice_code"}),
    ("vat_special", "3100231130", "1234567", {"invoice_number"}),
    ("vat_ordinary", "31002311301", "12345678", {"invoice_code"}),  # 11 digits
    ("vat_ordinary", "3100231130", "123456789", {"invoice_number"}),
    ("vat_ordinary", "", "", {"invoice_code", "invoice_number"}),
    ("other", "", "1" * 21, {"invoice_number"}),
])
def test_invalid_invoice_numbers(kind, code, number, bad):
    assert set(invoice_errors(kind, code, number)) == bad


def test_a_requirement_is_met_by_any_of_its_alternatives():
    needs = [["invoice"], ["ticket", "invoice"], ["guest_list"]]
    assert missing_vouchers(needs, ["invoice"]) == [["guest_list"]]
    assert missing_vouchers(needs, ["ticket"]) == [["invoice"], ["guest_list"]]
    assert missing_vouchers(needs, ["invoice", "guest_list"]) == []
