"""The contract list (filters, scope, totals, pagination) and the customer and limit-change
lists; each runs a constant number of queries however many rows it shows."""

from decimal import Decimal

import pytest

from workflows.contracts.models import Contract
from workflows.contracts.services import contract_submit, credit_limit_request

from ..conftest import make_customer
from .conftest import drive_to_signed

pytestmark = pytest.mark.django_db


def test_contracts_filtered_by_state_region_customer_breach_and_scope(
        client_for, personas, draft, submitted, second_east_customer):
    draft(title="草稿合同")
    submitted("3500000.00", terms=30)  # a breach
    draft(title="孙丽的合同", owner="east_rep2", on=second_east_customer)
    client = client_for("east_mgr")  # manages east: sees all three

    def titles(query: str) -> set[str]:
        body = client.get(f"/contracts/{query}").content.decode()
        return {t for t in ("草稿合同", "年度供货合同", "孙丽的合同") if t in body}

    assert titles("") == {"草稿合同", "年度供货合同", "孙丽的合同"}
    assert titles("?state=draft") == {"草稿合同", "孙丽的合同"}
    assert titles("?breach=yes") == {"年度供货合同"}
    assert titles("?breach=no") == {"草稿合同", "孙丽的合同"}
    assert titles("?customer=江南") == {"孙丽的合同"}
    south = personas["south_rep1"].region_id
    assert titles(f"?region={south}") == set()
    assert titles("?scope=mine") == set()
    rep = client_for("east_rep2").get("/contracts/?scope=mine").content.decode()
    assert "孙丽的合同" in rep and "草稿合同" not in rep


def test_totals_count_the_value_of_all_filtered_contracts(client_for, draft):
    for value in ("100000.00", "250000.50"):
        draft(value)

    body = client_for("east_rep1").get("/contracts/").content.decode()

    assert "2 contracts" in body and "¥350,000.50" in body


def test_pages_of_twenty_five_when_there_are_more_contracts(client_for, draft):
    for i in range(27):
        draft(title=f"合同{i:02d}")
    client = client_for("east_rep1")

    first = client.get("/contracts/").content.decode()
    second = client.get("/contracts/?page=2").content.decode()

    assert "Page 1 of 2" in first and "27 contracts" in first
    assert "合同00" in second and "合同00" not in first


def _contracts(personas, customer, n: int) -> None:
    """n contracts of east_rep1: drafts, some in review, one signed with milestones."""
    from workflows.contracts.services import contract_create

    for i in range(n):
        c = contract_create(actor=personas["east_rep1"], customer=customer, title=f"合同{i}",
                            value=Decimal("1000.00") + i, payment_terms_days=30)
        if i % 3 == 1:
            contract_submit(contract_id=c.pk, actor=personas["east_rep1"])
        elif i % 5 == 2:
            drive_to_signed(personas, Contract.objects.get(pk=c.pk))


def _customers(personas, n: int, start: int) -> None:
    from workflows.contracts.rules import uscc_check_char

    for i in range(start, start + n):
        first17 = f"9135010000000{i:04d}"
        customer = make_customer(personas["east_rep1"], code=first17 + uscc_check_char(first17),
                                 name=f"客户{i}", limit="1000")
        if i % 2:
            credit_limit_request(customer_id=customer.pk, actor=personas["east_rep1"],
                                 new_limit=Decimal("2000"), reason="扩大")


@pytest.mark.parametrize("username,url", [
    ("east_rep1", "/contracts/"), ("east_rep1", "/contracts/?scope=mine&breach=no"),
    ("finance", "/contracts/"), ("east_mgr", "/contracts/?state=in_review"),
    ("east_rep1", "/contracts/customers/"), ("finance", "/contracts/customers/?rating=A"),
    ("finance", "/contracts/limit-changes/"),
])
def test_list_runs_a_constant_number_of_queries_when_rows_grow_from_5_to_25(
        client_for, personas, customer, django_assert_max_num_queries, username, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(username)
    _contracts(personas, customer, 5)
    _customers(personas, 5, 0)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _contracts(personas, customer, 20)
    _customers(personas, 20, 5)

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_subnav_links_statistics_only_when_that_page_exists(client_for):
    from unittest import mock

    from django.urls import NoReverseMatch

    client = client_for("finance")
    with mock.patch("workflows.contracts.views.common.reverse",
                    side_effect=NoReverseMatch("not yet")):
        without = client.get("/contracts/").content.decode()
    with_stats = client.get("/contracts/").content.decode()

    assert "Statistics" not in without and 'href="/contracts/limit-changes/"' in without
    assert 'href="/contracts/statistics/"' in with_stats
    assert 'href="/contracts/limit-changes/"' not in client_for("east_rep1").get(
        "/contracts/").content.decode()
