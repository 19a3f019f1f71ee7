"""Gaps found outside the contract pages' own files, fixed there; kept as regressions."""

import pytest

pytestmark = pytest.mark.django_db


def test_history_in_plain_language_when_a_contract_is_signed_and_executed(client_for,
                                                                          executed):
    body = client_for("east_rep1").get(f"/contracts/{executed['contract'].pk}/") \
        .content.decode()
    history = body.split("<h2>History</h2>")[1]

    for raw in ("contract.signed", "contract.milestone_added", "contract.problem_raised"):
        assert raw not in history, raw


def test_main_menu_offers_contracts_when_logged_in(client_for):
    body = client_for("east_rep1").get("/").content.decode()

    assert 'href="/contracts/"' in body


def test_no_breach_when_an_unchanged_amendment_fits_the_limit(client_for, executed):
    from decimal import Decimal

    from workflows.contracts.models import Contract, Customer
    from workflows.contracts.services import contract_amend, contract_submit

    v1 = executed["contract"]  # 500,000.00 signed, 200,000.00 still to collect
    Customer.objects.filter(pk=v1.customer_id).update(credit_limit=Decimal("600000.00"))
    v2 = contract_amend(contract_id=v1.pk, actor=v1.owner, reason="更正交付地点",
                        delivery_terms="上海仓交付")
    contract_submit(contract_id=v2.pk, actor=v1.owner)

    assert Contract.objects.get(pk=v2.pk).credit_breach is False
