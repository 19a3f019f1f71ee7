"""The Django admin reads customers, limit changes, contracts and alerts; it changes none."""

import pytest

from workflows.contracts.models import CreditAlert

pytestmark = pytest.mark.django_db

MODELS = ("customer", "creditlimitchange", "contract", "creditalert")


def test_admin_lists_every_contract_model_when_the_user_is_an_administrator(client_for,
                                                                            executed):
    CreditAlert.objects.create(milestone=executed["milestone"], customer=executed["customer"],
                               days_overdue=31)
    client = client_for("admin")

    for model in MODELS:
        assert client.get(f"/admin/contracts/{model}/").status_code == 200, model
    page = client.get(f"/admin/contracts/contract/{executed['contract'].pk}/change/")
    assert page.status_code == 200 and "交付延迟" in page.content.decode()  # problems inline
    customer = client.get(f"/admin/contracts/customer/{executed['customer'].pk}/change/")
    assert customer.status_code == 200 and "业务扩大" in customer.content.decode()


def test_contract_models_cannot_be_added_changed_or_deleted_in_the_admin(client_for,
                                                                       executed):
    client = client_for("admin")
    contract = executed["contract"]

    for model in MODELS:
        assert client.get(f"/admin/contracts/{model}/add/").status_code == 403, model
    assert client.get(f"/admin/contracts/contract/{contract.pk}/delete/").status_code == 403
    response = client.post(f"/admin/contracts/contract/{contract.pk}/change/",
                           {"title": "改名"})
    assert response.status_code == 403
