"""抄送 on submit through the pages: each process's submit form carries "Copy to"."""

import pytest
from django.urls import reverse

from core.inbox.models import CarbonCopy, Request
from workflows.contracts.models import Contract

pytestmark = pytest.mark.django_db


def test_the_demo_form_offers_copy_to_and_copies_on_submit(client, personas):
    client.force_login(personas["east_rep1"])
    page = client.get(reverse("demo:new"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="cc"' in html and f'value="{personas["legal"].pk}"' in html
    assert f'value="{personas["east_rep1"].pk}"' not in html  # not oneself
    response = client.post(reverse("demo:new"), {"title": "客户拜访交通费", "amount": "800.00",
                                                 "cc": [personas["legal"].pk]})
    assert response.status_code == 302
    req = Request.objects.get(kind="demo")
    assert list(CarbonCopy.objects.filter(request=req).values_list("person", flat=True)) == [
        personas["legal"].pk]


def test_a_refused_copy_keeps_the_form_and_names_the_person(client, personas):
    personas["legal"].is_active = False
    personas["legal"].save(update_fields=["is_active"])
    client.force_login(personas["east_rep1"])
    response = client.post(reverse("demo:new"), {"title": "客户拜访交通费", "amount": "800.00",
                                                 "cc": [personas["legal"].pk]})
    assert response.status_code == 200
    assert str(personas["legal"]) in response.content.decode()
    assert not Request.objects.filter(kind="demo").exists()


def test_the_contract_page_submits_with_copies(client, personas):
    from tests.workflows.contracts.conftest import make_customer
    from workflows.contracts.services import contract_create

    rep = personas["east_rep1"]
    contract = contract_create(actor=rep, customer=make_customer(rep), title="年度供货合同",
                               value="300000.00", payment_terms_days=30)
    client.force_login(rep)
    page = client.get(reverse("contracts:contract", kwargs={"contract_id": contract.pk}))
    assert 'name="cc"' in page.content.decode()
    client.post(reverse("contracts:contract-submit", kwargs={"contract_id": contract.pk}),
                {"cc": [personas["marketing"].pk]})
    assert Contract.objects.get(pk=contract.pk).state != "draft"
    req = Request.objects.get(kind="contract", object_id=contract.pk)
    assert set(CarbonCopy.objects.filter(request=req).values_list("person", flat=True)) == {
        personas["marketing"].pk}
