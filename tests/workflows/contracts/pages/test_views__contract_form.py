"""New / edit contract: the customer's credit position before submitting, save as a draft or
submit, a refused form keeps what was typed, a signed contract is not edited."""

import re

import pytest

from core.inbox import services as inbox
from workflows.contracts.models import Contract, ContractState

from ..conftest import fresh, item, request_of

pytestmark = pytest.mark.django_db


def _typed(customer, **extra) -> dict:
    return {"customer": customer.pk, "title": "精密部件供货合同", "value": "800000.00",
            "payment_terms_days": "45", "delivery_terms": "分两批交付",
            "key_clauses": "质保两年", "action": "save", **extra}


def test_draft_saved_when_the_form_is_valid(client_for, customer):
    response = client_for("east_rep1").post("/contracts/new/", _typed(customer))

    contract = Contract.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/contracts/{contract.pk}/"
    assert (contract.state, contract.title, str(contract.value), contract.payment_terms_days) \
        == (ContractState.DRAFT, "精密部件供货合同", "800000.00", 45)
    assert contract.owner.username == "east_rep1" and contract.currency == "CNY"


def test_contract_in_review_when_submitted_from_the_form(client_for, customer):
    response = client_for("east_rep1").post("/contracts/new/", _typed(customer,
                                                                      action="submit"),
                                            follow=True)

    contract = Contract.objects.get()
    assert contract.state == ContractState.IN_REVIEW and contract.number.startswith("HT-")
    body = response.content.decode()
    assert "Submitted for review" in body
    assert "Regional manager review" in body  # where it is now


def test_typed_values_kept_with_field_errors_when_the_form_is_refused(client_for, customer):
    response = client_for("east_rep1").post("/contracts/new/", _typed(
        customer, title="", value="-5", payment_terms_days="abc", delivery_terms="保留的交付条款"))

    body = response.content.decode()
    assert response.status_code == 400
    assert Contract.objects.count() == 0
    assert "This field is required." in body
    assert "Ensure this value is greater than or equal to 0.01." in body
    assert "Enter a whole number." in body
    assert 'value="-5"' in body and "保留的交付条款" in body
    assert f'<option value="{customer.pk}" selected>' in body


def test_customer_refused_when_the_user_may_not_see_it(client_for, south_customer):
    response = client_for("east_rep1").post("/contracts/new/", _typed(south_customer))

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert Contract.objects.count() == 0


def test_credit_position_shown_when_a_customer_is_chosen(client_for, customer):
    body = client_for("east_rep1").get(f"/contracts/new/?customer={customer.pk}") \
        .content.decode()

    assert "Credit position" in body
    assert "¥3,000,000.00" in body  # limit and headroom (no receivables yet)
    assert "up to 90 days" in body  # rating A's standard payment terms


def test_breach_flagged_with_the_figures_when_credit_is_checked(client_for, customer):
    response = client_for("east_rep1").post("/contracts/new/", _typed(
        customer, value="3500000.00", payment_terms_days="120", action="check"))

    body = response.content.decode()
    assert response.status_code == 200
    assert Contract.objects.count() == 0  # checking saves nothing
    assert 'class="ct-check breach"' in body and "Credit breach" in body
    assert "¥3,500,000.00" in body and "¥500,000.00 over" in body
    assert "120 days (rating allows 90)" in body
    assert "exceed the credit limit ¥3,000,000.00" in body
    assert 'value="精密部件供货合同"' in body  # what was typed stays


def test_within_credit_shown_when_value_and_terms_fit(client_for, customer):
    body = client_for("east_rep1").post("/contracts/new/", _typed(customer, action="check")) \
        .content.decode()

    assert 'class="ct-check ok"' in body and "Within credit" in body


def test_draft_changed_when_its_owner_edits_it(client_for, draft):
    contract = draft()
    response = client_for("east_rep1").post(f"/contracts/{contract.pk}/edit/", {
        "title": "改过的标题", "value": "600000", "payment_terms_days": "60",
        "delivery_terms": "", "key_clauses": "", "action": "save"})

    assert response.status_code == 302
    changed = fresh(contract)
    assert (changed.title, str(changed.value), changed.payment_terms_days) == \
        ("改过的标题", "600000.00", 60)


def test_edit_refused_clearly_when_the_contract_is_signed(client_for, signed):
    contract = signed()
    client = client_for("east_rep1")

    page = client.get(f"/contracts/{contract.pk}/").content.decode()
    response = client.get(f"/contracts/{contract.pk}/edit/", follow=True)
    posted = client.post(f"/contracts/{contract.pk}/edit/", {
        "title": "偷改", "value": "1", "payment_terms_days": "1", "action": "save"})

    assert f"/contracts/{contract.pk}/edit/" not in page
    assert response.redirect_chain == [(f"/contracts/{contract.pk}/", 302)]
    assert "A signed contract cannot be edited: amend it instead" in response.content.decode()
    assert posted.status_code == 302 and fresh(contract).title == contract.title


def test_edit_refused_when_the_user_is_not_the_owner(client_for, draft):
    contract = draft()
    response = client_for("east_mgr").get(f"/contracts/{contract.pk}/edit/", follow=True)

    assert "Only the contract&#x27;s owner can change it." in response.content.decode()


def test_returned_contract_back_in_review_when_edited_and_resubmitted(client_for, personas,
                                                                     submitted):
    contract = submitted()
    inbox.task_return(task_id=item(contract, "regional_review").pk, actor=personas["east_mgr"],
                      reason="请补充交付条款")
    client = client_for("east_rep1")

    form = client.get(f"/contracts/{contract.pk}/edit/").content.decode()
    response = client.post(f"/contracts/{contract.pk}/edit/", {
        "title": contract.title, "value": "500000", "payment_terms_days": "30",
        "delivery_terms": "分三批交付", "key_clauses": "", "comment": "已补充",
        "action": "submit"})

    assert "请补充交付条款" in form  # the reviewer's words on the form
    assert response.status_code == 302
    assert fresh(contract).state == ContractState.IN_REVIEW
    assert fresh(contract).delivery_terms == "分三批交付"
    assert request_of(contract).status == "in_review"


def test_new_contract_page_sends_auditors_back(client_for):
    response = client_for("auditor").get("/contracts/new/", follow=True)

    assert response.redirect_chain[-1][0] == "/contracts/"
    assert "Auditors can read everything and change nothing." in response.content.decode()


def test_choosing_a_customer_shows_its_credit_without_required_errors(client_for, customer):
    """Issue 18, defect 7: choosing a customer reloaded the page and flagged every empty field
    "required" before anything was typed."""
    client = client_for("east_rep1")
    page = client.get("/contracts/new/").content.decode()
    select = re.search(r'<select name="customer"[^>]*>', page).group(0)
    assert "onchange" not in select  # no whole-page submit on choosing; the script fetches

    response = client.post("/contracts/new/", {"customer": customer.pk, "title": "",
                                               "value": "", "payment_terms_days": "30",
                                               "action": "check"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." not in body and 'class="error"' not in body
    assert "¥3,000,000.00" in body  # the customer's limit, in the credit box
    assert f'<option value="{customer.pk}" selected>' in body
    assert Contract.objects.count() == 0
