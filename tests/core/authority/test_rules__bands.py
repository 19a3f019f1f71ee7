from decimal import Decimal

import pytest

from core.authority.models import LINE_MANAGER, STEP_CHOICES
from core.authority.rules import BandValue, band_errors
from core.org.demo import matrix_seed

VALID = {code for code, _label in STEP_CHOICES}


def rows(*specs):
    """Bands labelled "row 1", "row 2", ... from (min, max, steps) with max None = open."""
    return [
        BandValue(
            label=f"row {i}",
            min_amount=Decimal(lo),
            max_amount=None if hi is None else Decimal(hi),
            steps=tuple(steps),
        )
        for i, (lo, hi, steps) in enumerate(specs, start=1)
    ]


LM = [LINE_MANAGER]


def only_error(bands) -> str:
    errors = band_errors(bands, VALID)
    assert len(errors) == 1, errors
    return errors[0]


@pytest.mark.parametrize("bands", [pytest.param(b, id=f"{k}-{c or 'any'}")
                                   for k, c, b in matrix_seed()])
def test_no_errors_when_seeded_bands_checked(bands):
    assert band_errors(rows(*bands), VALID) == []


def test_no_errors_when_bands_given_out_of_order():
    assert band_errors(rows(("5000", None, LM), ("0", "5000", LM)), VALID) == []


def test_error_when_no_bands():
    assert len(band_errors([], VALID)) == 1


def test_gap_named_when_bands_do_not_meet():
    error = only_error(rows(("0", "1000", LM), ("2000", None, LM)))

    assert "row 1" in error and "row 2" in error
    assert "1,000.00" in error and "2,000.00" in error


def test_gap_names_rows_by_label_when_given_out_of_order():
    error = only_error(rows(("3000", None, LM), ("0", "1000", LM), ("1000", "2000", LM)))

    assert "row 3" in error and "row 1" in error and "row 2" not in error


def test_overlap_named_when_bands_intersect():
    error = only_error(rows(("0", "1000", LM), ("800", None, LM)))

    assert "row 1" in error and "row 2" in error
    assert "800.00" in error and "1,000.00" in error


def test_overlap_named_when_band_inside_another():
    errors = band_errors(rows(("0", "1000", LM), ("200", "300", LM), ("1000", None, LM)), VALID)

    assert any("row 1" in e and "row 2" in e for e in errors)


def test_error_when_first_band_does_not_start_at_zero():
    error = only_error(rows(("100", "1000", LM), ("1000", None, LM)))

    assert "row 1" in error and "100.00" in error


def test_error_when_last_band_has_upper_limit():
    error = only_error(rows(("0", "1000", LM), ("1000", "5000", LM)))

    assert "row 2" in error and "5,000.00" in error


def test_error_when_open_band_followed_by_another():
    error = only_error(rows(("0", None, LM), ("1000", None, LM)))

    assert "row 1" in error and "row 2" in error and "1,000.00" in error


def test_error_when_open_band_followed_by_closed_one():
    errors = band_errors(rows(("0", "500", LM), ("500", None, LM), ("1000", "2000", LM)), VALID)

    assert any("row 2" in e and "row 3" in e for e in errors)


def test_unknown_steps_named_when_codes_invalid():
    error = only_error(rows(("0", None, [LINE_MANAGER, "boss", "ceo", "cfo"])))

    assert "row 1" in error and "boss" in error and "cfo" in error
    assert "ceo" not in error.replace("row 1", "")


def test_error_names_row_when_steps_empty():
    error = only_error(rows(("0", "1000", LM), ("1000", None, [])))

    assert "row 2" in error


def test_error_names_row_when_band_ends_at_its_start():
    error = only_error(rows(("0", "0", LM), ("0", None, LM)))

    assert "row 1" in error


def test_error_names_row_when_band_starts_below_zero():
    error = only_error(rows(("-10", None, LM)))

    assert "row 1" in error


def test_every_row_problem_listed_when_several_rows_bad():
    errors = band_errors(rows(("0", "1000", []), ("1000", None, ["nobody"])), VALID)

    assert len(errors) == 2
    assert "row 1" in errors[0] and "row 2" in errors[1]
