from decimal import Decimal

import pytest

from core.authority.models import LINE_MANAGER, AuthorityBand, AuthorityMatrix
from core.authority.services import approval_chain, find_band
from core.exceptions import MatrixConfigurationError
from core.org.demo import matrix_seed
from core.org.models import Role

CENT = Decimal("0.01")

# Who each step resolves to when east_rep1 (east region, reports to east_mgr) submits.
EXPECTED_APPROVER = {
    LINE_MANAGER: ["east_mgr"],
    Role.REGIONAL_MANAGER: ["east_mgr"],
    Role.SALES_GM: ["gm"],
    Role.CEO: ["ceo"],
    # A role step offers every holder of the role: both of the demo's marketing people.
    Role.MARKETING: ["marketing", "marketing2"],
}


def boundary_cases():
    """Amounts at and next to every edge of every seeded band, with the band they fall in."""
    cases = {}
    for kind, category, bands in matrix_seed():
        for i, (lo, hi, steps) in enumerate(bands):
            lo = Decimal(lo)
            inside = [lo]
            if hi is not None:
                inside.append(Decimal(hi) - CENT)
            for amount in inside:
                cases[(kind, category, amount)] = steps
            if lo > 0:
                # The band below must end where this one starts; the cent below is in it.
                assert bands[i - 1][1] is not None and Decimal(bands[i - 1][1]) == lo
                cases[(kind, category, lo - CENT)] = bands[i - 1][2]
            if hi is not None:
                assert Decimal(bands[i + 1][0]) == Decimal(hi)
                cases[(kind, category, Decimal(hi))] = bands[i + 1][2]
    return [
        pytest.param(
            kind,
            category,
            amount,
            [str(s) for s in steps],
            id=f"{kind}-{category or 'any'}-{amount}",
        )
        for (kind, category, amount), steps in cases.items()
    ]


@pytest.mark.parametrize(("kind", "category", "amount", "steps"), boundary_cases())
def test_chain_follows_band_when_amount_at_band_edge(personas, kind, category, amount, steps):
    chain = approval_chain(kind, amount, personas["east_rep1"], category=category or None)

    assert [s.code for s in chain] == steps
    assert [[u.username for u in s.candidates] for s in chain] == [
        EXPECTED_APPROVER[code] for code in steps
    ]
    assert [s.index for s in chain] == list(range(len(steps)))
    assert all(s.note == "" for s in chain)


def test_category_matrix_wins_when_category_has_its_own(personas):
    rep = personas["east_rep1"]
    amount = Decimal("7000")

    general = approval_chain("expense", amount, rep)
    marketing = approval_chain("expense", amount, rep, category="marketing")

    assert [s.code for s in general] == [LINE_MANAGER, Role.SALES_GM]
    assert [s.code for s in marketing] == [LINE_MANAGER]


def test_general_matrix_used_when_category_has_none(personas):
    band = find_band("expense", Decimal("7000"), category="travel")

    assert band.matrix.category == ""
    assert band.steps == [LINE_MANAGER, Role.SALES_GM]


def region_matrix(kind, region, category="", steps=(Role.CEO,)):
    matrix = AuthorityMatrix.objects.create(kind=kind, category=category, region=region)
    AuthorityBand.objects.create(matrix=matrix, min_amount=0, max_amount=None, steps=list(steps))
    return matrix


def test_region_matrix_wins_when_submitter_region_has_one(personas):
    east = personas["east_rep1"].region
    matrix = region_matrix("expense", east)

    east_band = find_band("expense", Decimal("100"), region_id=east.pk)
    south_band = find_band(
        "expense", Decimal("100"), region_id=personas["south_rep1"].region_id
    )

    assert east_band.matrix == matrix
    assert south_band.matrix.region_id is None
    assert [
        s.code for s in approval_chain("expense", Decimal("100"), personas["east_rep1"])
    ] == [Role.CEO]


def test_category_and_region_matrix_wins_when_both_match(personas):
    east = personas["east_rep1"].region
    region_matrix("expense", east)
    both = region_matrix("expense", east, category="marketing", steps=[Role.MARKETING])

    band = find_band("expense", Decimal("100"), category="marketing", region_id=east.pk)

    assert band.matrix == both


def test_category_matrix_beats_region_matrix_when_both_exist(personas):
    east = personas["east_rep1"].region
    region_matrix("expense", east)

    band = find_band("expense", Decimal("100"), category="marketing", region_id=east.pk)

    assert (band.matrix.category, band.matrix.region_id) == ("marketing", None)


def test_configuration_error_when_kind_has_no_matrix(personas):
    AuthorityMatrix.objects.filter(kind="risk").delete()

    with pytest.raises(MatrixConfigurationError):
        find_band("risk", Decimal("100"))
    with pytest.raises(MatrixConfigurationError):
        approval_chain("risk", Decimal("100"), personas["east_rep1"])


def test_configuration_error_when_no_matrix_at_all(db):
    with pytest.raises(MatrixConfigurationError):
        find_band("expense", Decimal("0"))


def test_configuration_error_when_amount_below_every_band(personas):
    with pytest.raises(MatrixConfigurationError):
        find_band("expense", Decimal("-0.01"))
