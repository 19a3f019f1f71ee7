"""Customers: list with filters, the customer page (credit, contracts, alerts, limit changes),
new customer with the credit code's check character, limit change requests that finance
decides (never the requester)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from workflows.contracts.models import CreditAlert, CreditLimitChange, Customer, Milestone

from ..conftest import EAST_CODE, fresh

pytestmark = pytest.mark.django_db

VALID_NEW_CODE = "91110000600037341L"


def test_customers_filtered_by_region_rating_and_search(client_for, customer, south_customer):
    client = client_for("finance")

    everyone = client.get("/contracts/customers/").content.decode()
    by_region = client.get("/contracts/customers/?region="
                           f"{south_customer.region_id}").content.decode()
    by_rating = client.get("/contracts/customers/?rating=A").content.decode()
    by_text = client.get("/contracts/customers/?q=岭南").content.decode()
    by_code = client.get(f"/contracts/customers/?q={EAST_CODE[:8]}").content.decode()

    assert customer.name in everyone and south_customer.name in everyone
    assert south_customer.name in by_region and customer.name not in by_region
    assert customer.name in by_rating and south_customer.name not in by_rating
    assert south_customer.name in by_text and customer.name not in by_text
    assert customer.name in by_code


def test_customers_of_other_regions_not_listed_when_the_user_is_a_salesperson(
        client_for, customer, south_customer):
    body = client_for("east_rep2").get("/contracts/customers/").content.decode()

    assert customer.name in body and south_customer.name not in body


def test_customer_page_shows_credit_contracts_alerts_and_limit_changes(client_for, executed,
                                                                       personas):
    cust, contract = executed["customer"], executed["contract"]
    overdue = Milestone.objects.create(contract=contract, kind="collection",
                                       amount=Decimal("50000.00"),
                                       due_date=timezone.localdate() - timedelta(days=40))
    CreditAlert.objects.create(milestone=overdue, customer=cust, days_overdue=40)

    body = client_for("east_rep1").get(f"/contracts/customers/{cust.pk}/").content.decode()

    assert EAST_CODE in body and "A: excellent" in body
    assert "Credit limit</dt><dd>¥3,000,000.00" in body
    assert "Open receivables</dt><dd>¥200,000.00" in body  # the open collection
    assert "¥2,800,000.00" in body  # headroom
    assert contract.number in body and f'href="/contracts/{contract.pk}/"' in body
    assert "Credit alerts" in body and "not collected" in body
    assert "Waiting for finance" in body and "¥3,500,000.00" in body and "业务扩大" in body


def test_customer_created_when_the_credit_code_is_valid(client_for, customer):
    response = client_for("east_rep1").post("/contracts/customers/new/", {
        "name": "江南电子科技股份有限公司", "credit_code": VALID_NEW_CODE.lower(),
        "region": customer.region_id, "rating": "B", "contacts": "王经理 138"})

    created = Customer.objects.get(credit_code=VALID_NEW_CODE)
    assert response.status_code == 302
    assert response["Location"] == f"/contracts/customers/{created.pk}/"
    assert created.account_owner.username == "east_rep1" and created.credit_limit == 0


def test_wrong_check_character_refused_clearly_and_input_kept(client_for, customer):
    wrong = VALID_NEW_CODE[:17] + "M"

    response = client_for("east_rep1").post("/contracts/customers/new/", {
        "name": "江南电子科技股份有限公司", "credit_code": wrong,
        "region": customer.region_id, "rating": "C", "contacts": "王经理 138"})

    body = response.content.decode()
    assert response.status_code == 400
    assert "The check character is M but should be L: a typo?" in body
    # the rating is finance's to set: the rep's form shows B, whatever was posted

    assert f'value="{wrong}"' in body and 'value="江南电子科技股份有限公司"' in body
    assert "王经理 138" in body and '<option value="B" selected>' in body
    assert Customer.objects.count() == 1


def test_duplicate_credit_code_refused_next_to_the_field(client_for, customer):
    response = client_for("east_rep2").post("/contracts/customers/new/", {
        "name": "重复客户", "credit_code": EAST_CODE, "region": customer.region_id,
        "rating": "B"})

    assert response.status_code == 400
    assert "already exists" in response.content.decode()


def test_limit_change_waits_for_finance_when_requested_with_a_reason(client_for, customer):
    response = client_for("east_rep1").post(f"/contracts/customers/{customer.pk}/limit/", {
        "new_limit": "4000000", "reason": "年度框架协议"}, follow=True)

    change = CreditLimitChange.objects.get()
    assert "Limit change requested" in response.content.decode()
    assert (change.state, change.new_limit) == ("pending", Decimal("4000000.00"))
    assert fresh(customer).credit_limit == Decimal("3000000.00")


def test_limit_request_keeps_input_when_the_reason_is_missing(client_for, customer):
    response = client_for("east_rep1").post(f"/contracts/customers/{customer.pk}/limit/", {
        "new_limit": "4123456", "reason": ""})

    body = response.content.decode()
    assert response.status_code == 400
    assert "A reason is required." in body and 'value="4123456"' in body
    assert CreditLimitChange.objects.count() == 0


def test_limit_changed_when_another_finance_member_approves(client_for, executed):
    change, cust = executed["change"], executed["customer"]
    client = client_for("finance")

    listing = client.get("/contracts/limit-changes/").content.decode()
    response = client.post(f"/contracts/limit-changes/{change.pk}/decide/", {
        "decision": "approve", "comment": "同意", "next": "/contracts/limit-changes/"},
        follow=True)

    assert cust.name in listing and "data-confirm=" in listing
    assert "Approved: the credit limit of" in response.content.decode()
    assert fresh(change).state == "approved"
    assert fresh(cust).credit_limit == Decimal("3500000.00")


def test_limit_unchanged_when_finance_refuses(client_for, executed):
    change, cust = executed["change"], executed["customer"]

    client_for("finance").post(f"/contracts/limit-changes/{change.pk}/decide/",
                               {"decision": "reject"})

    assert fresh(change).state == "rejected"
    assert fresh(cust).credit_limit == Decimal("3000000.00")


def test_requester_cannot_decide_their_own_limit_change(client_for, personas, customer):
    client = client_for("finance")
    client.post(f"/contracts/customers/{customer.pk}/limit/", {
        "new_limit": "100", "reason": "降低额度"})
    change = CreditLimitChange.objects.get()

    listing = client.get("/contracts/limit-changes/").content.decode()
    page = client.get(f"/contracts/customers/{customer.pk}/").content.decode()
    response = client.post(f"/contracts/limit-changes/{change.pk}/decide/",
                           {"decision": "approve"}, follow=True)

    assert "You asked for this change" in listing and f"/{change.pk}/decide/" not in listing
    assert f"/{change.pk}/decide/" not in page
    assert "other than the person who asked" in response.content.decode()
    assert fresh(change).state == "pending"
    clerk = client_for("finance_clerk")
    clerk.post(f"/contracts/limit-changes/{change.pk}/decide/", {"decision": "approve"})
    assert fresh(change).state == "approved"
