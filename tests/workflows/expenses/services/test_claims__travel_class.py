"""Transport standards limit the travel class by grade (policy 7.3): staff fly economy."""

import pytest

from core.org.models import Role
from workflows.expenses.models import ItemType, OverStandard, ReimbursementStandard, TravelClass
from workflows.expenses.rules import check_line
from workflows.expenses.services import claim_create, claim_submit

from .helpers import MARCH, request_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def class_standards(travel_budget):
    ReimbursementStandard.objects.create(
        item_type=ItemType.TRANSPORT, min_grade=1, max_grade=5, cap=None,
        max_travel_class=TravelClass.ECONOMY, on_excess=OverStandard.REFUSE)
    ReimbursementStandard.objects.create(
        item_type=ItemType.TRANSPORT, min_grade=6, max_grade=99, cap=None,
        max_travel_class=TravelClass.PREMIUM, on_excess=OverStandard.EXTRA_APPROVAL)


def _flight(actor, travel_class):
    return claim_create(actor=actor, category="travel", title="Flight", expense_date=MARCH,
                        lines=[{"date": MARCH, "item_type": ItemType.TRANSPORT,
                                "description": "Shanghai-Beijing", "amount": "1200.00",
                                "travel_class": travel_class}])


def test_line_within_standard_when_class_is_the_allowed_one(personas, class_standards):
    claim = _flight(personas["east_rep1"], TravelClass.ECONOMY)
    line = claim.lines.get()
    assert (line.allowed_class, line.over_class, claim.over_standard) == (
        TravelClass.ECONOMY, False, False)


def test_submission_refused_naming_the_classes_when_staff_fly_business(personas,
                                                                     class_standards):
    from core.exceptions import InvalidInputError

    claim = _flight(personas["east_rep1"], TravelClass.BUSINESS)
    assert claim.over_standard and claim.lines.get().over_class
    with pytest.raises(InvalidInputError) as err:
        claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])
    assert "Business class" in str(err.value) and "Economy" in str(err.value)
    assert type(claim).objects.get(pk=claim.pk).number == ""


def test_sales_gm_added_when_a_senior_rep_flies_above_the_class_allowed(personas,
                                                                        class_standards):
    senior = personas["east_rep2"]
    senior.grade = 6  # premium allowed; business is over the standard, for the sales GM
    senior.save(update_fields=["grade"])
    claim = _flight(senior, TravelClass.BUSINESS)
    claim_submit(claim_id=claim.pk, actor=senior)
    codes = [step["code"] for step in request_of(claim).chain]
    assert codes == ["line_manager", Role.SALES_GM]


def test_unknown_travel_class_refused_with_the_line_named(personas, class_standards):
    from core.exceptions import InvalidInputError

    with pytest.raises(InvalidInputError) as err:
        _flight(personas["east_rep1"], "rocket")
    assert "lines.0.travel_class" in err.value.fields


@pytest.mark.parametrize(("travel", "allowed", "over"), [(1, 1, False), (2, 1, True),
                                                        (3, 4, False), (0, 1, False),
                                                        (2, 0, False)])
def test_class_rank_compared_only_when_both_known(travel, allowed, over):
    check = check_line(100, 1, None, True, travel_rank=travel, allowed_rank=allowed)
    assert (check.over_class, check.refuse) == (over, over)
