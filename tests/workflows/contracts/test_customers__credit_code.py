"""Unified social credit codes (GB 32100-2015): 18 characters from a 31-character alphabet
(no I, O, S, V, Z), the last a check character over the first 17."""

import pytest

from core.exceptions import InvalidInputError
from core.org.models import Region
from workflows.contracts.models import Customer
from workflows.contracts.rules import uscc_check_char, uscc_error
from workflows.contracts.services import customer_create

from .conftest import EAST_CODE, OTHER_CODE


@pytest.mark.parametrize("code", [EAST_CODE, OTHER_CODE, EAST_CODE.lower(), f" {OTHER_CODE} "])
def test_accepted_when_code_is_valid(code):
    assert uscc_error(code) is None


@pytest.mark.parametrize("code, length", [(EAST_CODE[:17], 17), (EAST_CODE + "0", 19), ("", 0)])
def test_refused_when_length_is_wrong(code, length):
    assert uscc_error(code) == (
        f"A unified social credit code has 18 characters; this one has {length}.")


@pytest.mark.parametrize("letter", list("IOSVZ"))
def test_refused_when_code_has_a_forbidden_letter(letter):
    code = EAST_CODE[:8] + letter + EAST_CODE[9:]
    assert uscc_error(code) == f"Characters not used in credit codes: {letter}."


def test_refused_naming_the_expected_check_char_when_it_is_wrong():
    assert uscc_check_char(EAST_CODE[:17]) == "3"
    assert uscc_check_char(OTHER_CODE[:17]) == "L"
    problem = uscc_error(EAST_CODE[:17] + "4")
    assert problem == "The check character is 4 but should be 3: a typo?"


@pytest.mark.django_db
def test_customer_create_refuses_with_a_field_message_when_code_is_invalid(personas):
    with pytest.raises(InvalidInputError) as exc:
        customer_create(actor=personas["east_rep1"], name="华东精密制造有限公司",
                        credit_code=EAST_CODE[:17] + "4", region=Region.objects.get(code="east"),
                        account_owner=personas["east_rep1"])
    assert exc.value.fields["credit_code"] == [
        "The check character is 4 but should be 3: a typo?"]
    assert not Customer.objects.exists()


@pytest.mark.django_db
def test_customer_create_stores_upper_case_when_code_is_typed_in_lower_case(personas):
    customer = customer_create(actor=personas["east_rep1"], name="江南电子科技股份有限公司",
                               credit_code=OTHER_CODE.lower(),
                               region=Region.objects.get(code="east"),
                               account_owner=personas["east_rep1"])
    assert customer.credit_code == OTHER_CODE
