from datetime import timedelta
from decimal import Decimal

import pytest

from core.authority.models import LINE_MANAGER, AuthorityBand, AuthorityMatrix
from core.authority.services import approval_chain
from core.exceptions import MatrixConfigurationError
from core.org import selectors
from core.org.models import Role, RoleAssignment, User
from tests.factories import DelegationFactory


def deputise(principal, deputy, kinds=()):
    today = selectors.today()
    return DelegationFactory(
        principal=principal,
        deputy=deputy,
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=1),
        kinds=list(kinds),
    )


def summary(chain):
    return [(s.code, [u.username for u in s.candidates], bool(s.note)) for s in chain]


def _matrix(*steps: str) -> str:
    """A matrix of its own for these tests (any amount), under a category nobody else uses."""
    matrix = AuthorityMatrix.objects.create(kind="demo", category="sod-test")
    AuthorityBand.objects.create(matrix=matrix, min_amount=0, max_amount=None,
                                 steps=list(steps))
    return "sod-test"


def test_step_moves_up_when_it_resolves_to_submitter(personas):
    # regional_manager (east_mgr himself) then sales_gm (gm). Moving the first step up to gm
    # makes gm approve twice in a row, so the steps merge into one.
    category = _matrix(Role.REGIONAL_MANAGER, Role.SALES_GM)
    chain = approval_chain("demo", Decimal("1000"), personas["east_mgr"],
                           category=category)

    assert summary(chain) == [(Role.REGIONAL_MANAGER, ["gm"], True)]


def test_step_moves_up_without_merge_when_next_approver_differs(personas):
    category = _matrix(Role.REGIONAL_MANAGER, Role.CEO)
    chain = approval_chain("demo", Decimal("1000000"), personas["east_mgr"],
                           category=category)

    assert summary(chain) == [(Role.REGIONAL_MANAGER, ["gm"], True), (Role.CEO, ["ceo"], False)]


def test_step_moves_up_when_it_resolves_to_submitters_deputy(personas):
    deputise(personas["east_rep1"], personas["east_mgr"])

    chain = approval_chain("expense", Decimal("100"), personas["east_rep1"])

    assert summary(chain) == [(LINE_MANAGER, ["gm"], True)]


def test_step_not_moved_when_deputy_covers_other_kinds_only(personas):
    deputise(personas["east_rep1"], personas["east_mgr"], kinds=["contract"])

    chain = approval_chain("expense", Decimal("100"), personas["east_rep1"])

    assert summary(chain) == [(LINE_MANAGER, ["east_mgr"], False)]


def test_step_not_moved_when_delegation_is_the_other_way(personas):
    # east_rep1 acts for east_mgr: that does not stop east_mgr approving east_rep1's claim.
    deputise(personas["east_mgr"], personas["east_rep1"])

    chain = approval_chain("expense", Decimal("100"), personas["east_rep1"])

    assert summary(chain) == [(LINE_MANAGER, ["east_mgr"], False)]


def test_step_not_moved_when_deputy_delegation_expired(personas):
    today = selectors.today()
    DelegationFactory(
        principal=personas["east_rep1"],
        deputy=personas["east_mgr"],
        starts_on=today - timedelta(days=5),
        ends_on=today - timedelta(days=1),
    )

    chain = approval_chain("expense", Decimal("100"), personas["east_rep1"])

    assert summary(chain) == [(LINE_MANAGER, ["east_mgr"], False)]


def test_step_climbs_past_inactive_or_excluded_managers_when_moving_up(personas):
    # Risk: regional_manager resolves to east_mgr (the submitter); gm above has left.
    User.objects.filter(pk=personas["gm"].pk).update(is_active=False)
    east_mgr = User.objects.get(pk=personas["east_mgr"].pk)

    chain = approval_chain("risk", Decimal("1"), east_mgr)

    assert summary(chain) == [(Role.REGIONAL_MANAGER, ["ceo"], True)]


def test_routed_to_administrators_when_nobody_above_submitter(personas):
    chain = approval_chain("plan", Decimal("1"), personas["ceo"])

    moved_up = approval_chain("contract", Decimal("1"), personas["east_mgr"])

    assert summary(chain) == [(Role.CEO, ["admin"], True)]
    assert chain[0].note != moved_up[0].note  # says where it went, not just "moved up"


def test_configuration_error_when_administrators_also_excluded(personas):
    deputise(personas["ceo"], personas["admin"])

    with pytest.raises(MatrixConfigurationError):
        approval_chain("plan", Decimal("1"), personas["ceo"])


def test_other_holders_kept_when_submitter_shares_the_role(personas):
    # finance_clerk and finance both hold the finance role; the clerk may not approve their own.
    matrix = AuthorityMatrix.objects.get(kind="expense", category="")
    AuthorityBand.objects.filter(matrix=matrix).update(steps=[Role.FINANCE])

    chain = approval_chain("expense", Decimal("1"), personas["finance_clerk"])

    assert summary(chain) == [(Role.FINANCE, ["finance"], False)]


def test_consecutive_steps_merged_when_same_single_approver(personas):
    # marketing reports to gm: line_manager (gm) then sales_gm (gm) -> one step for gm.
    chain = approval_chain(
        "expense", Decimal("30000"), personas["marketing"], category="marketing"
    )

    assert summary(chain) == [(LINE_MANAGER, ["gm"], False)]
    assert [s.index for s in chain] == [0]


def test_steps_kept_when_same_approver_is_not_consecutive(personas):
    matrix = AuthorityMatrix.objects.get(kind="plan", category="")
    AuthorityBand.objects.filter(matrix=matrix).update(
        steps=[Role.SALES_GM, Role.CEO, Role.SALES_GM]
    )

    chain = approval_chain("plan", Decimal("1"), personas["east_rep1"])

    assert [s.code for s in chain] == [Role.SALES_GM, Role.CEO, Role.SALES_GM]
    assert [s.index for s in chain] == [0, 1, 2]


def test_steps_kept_when_same_group_has_several_candidates(personas):
    matrix = AuthorityMatrix.objects.get(kind="plan", category="")
    AuthorityBand.objects.filter(matrix=matrix).update(steps=[Role.LEGAL, Role.LEGAL])

    chain = approval_chain("plan", Decimal("1"), personas["east_rep1"])

    assert summary(chain) == [
        (Role.LEGAL, ["legal", "legal2"], False),
        (Role.LEGAL, ["legal", "legal2"], False),
    ]


def test_other_region_manager_not_candidate_when_they_only_sell_there(personas):
    east = personas["east_rep1"].region
    RoleAssignment.objects.create(user=personas["north_mgr"], role=Role.SALESPERSON, region=east)

    # The risk matrix's first step is the regional manager of the submitter's region.
    chain = approval_chain("risk", Decimal("1000"), personas["east_rep1"])

    assert [u.username for u in chain[0].candidates] == ["east_mgr"]
