"""Who may open a customer account where (issue 17, hole 7): a salesperson in their own region,
owned by themselves; a regional manager in their region, owned by someone of it; the sales GM,
the CEO, finance and administrators anywhere."""

import pytest

from core.exceptions import PermissionDeniedError
from core.org.models import Region
from workflows.contracts.models import Customer
from workflows.contracts.services import customer_create

from .conftest import OTHER_CODE

pytestmark = pytest.mark.django_db


def _create(actor, region="east", owner=None):
    return customer_create(actor=actor, name="江南电子科技股份有限公司", credit_code=OTHER_CODE,
                           region=Region.objects.get(code=region),
                           account_owner=owner or actor)


def test_salesperson_refused_when_the_region_is_not_theirs(personas):
    with pytest.raises(PermissionDeniedError) as caught:
        _create(personas["east_rep1"], region="south", owner=personas["south_rep1"])
    assert "region" in caught.value.fields
    with pytest.raises(PermissionDeniedError):
        _create(personas["east_rep1"], region="south")
    assert not Customer.objects.exists()


def test_salesperson_refused_when_someone_else_would_own_it(personas):
    with pytest.raises(PermissionDeniedError) as caught:
        _create(personas["east_rep1"], owner=personas["east_rep2"])
    assert "account_owner" in caught.value.fields
    assert not Customer.objects.exists()


def test_salesperson_opens_account_in_own_region_for_themselves(personas):
    customer = _create(personas["east_rep1"])
    assert (customer.region.code, customer.account_owner) == ("east", personas["east_rep1"])


def test_manager_opens_accounts_in_their_region_for_its_people_only(personas):
    assert _create(personas["east_mgr"], owner=personas["east_rep2"]).account_owner == \
        personas["east_rep2"]
    Customer.objects.all().delete()
    with pytest.raises(PermissionDeniedError):
        _create(personas["east_mgr"], owner=personas["south_rep1"])
    with pytest.raises(PermissionDeniedError):
        _create(personas["east_mgr"], region="south", owner=personas["south_rep1"])


def test_finance_opens_accounts_anywhere(personas):
    assert _create(personas["finance"], region="south", owner=personas["south_rep1"]).pk
