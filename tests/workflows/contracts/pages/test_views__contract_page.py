"""The contract page: header, credit check with its figures, where the review stands and the
user's own task, documents, and amendments with a field-by-field diff between versions."""

import pytest

from core.inbox.models import Attachment
from workflows.contracts.models import Contract, ContractState

from ..conftest import fresh, item
from .conftest import pdf

pytestmark = pytest.mark.django_db


def test_header_shows_number_version_state_and_value_when_submitted(client_for, submitted):
    contract = submitted("500000.00")

    body = client_for("east_rep1").get(f"/contracts/{contract.pk}/").content.decode()

    assert contract.number in body and "version 1" in body
    assert "In review" in body and "¥500,000.00" in body


def test_breach_shown_in_red_with_the_figures_when_value_exceeds_the_limit(client_for,
                                                                          submitted):
    contract = submitted("3500000.00", terms=120)

    body = client_for("east_mgr").get(f"/contracts/{contract.pk}/").content.decode()

    assert 'class="ct-check breach"' in body
    assert "¥3,500,000.00" in body and "¥3,000,000.00" in body and "¥500,000.00 over" in body
    assert "120 days (rating allows 90)" in body
    assert "A credit breach adds the CEO" in body


def test_current_step_waiting_on_and_a_task_link_when_the_user_holds_the_task(client_for,
                                                                             submitted):
    contract = submitted()
    task = item(contract, "regional_review")

    manager = client_for("east_mgr").get(f"/contracts/{contract.pk}/").content.decode()
    owner = client_for("east_rep1").get(f"/contracts/{contract.pk}/").content.decode()

    for body in (manager, owner):
        assert "Regional manager review" in body and "张伟" in body  # waiting on east_mgr
    assert f'href="/inbox/tasks/{task.pk}/"' in manager
    assert f'href="/inbox/tasks/{task.pk}/"' not in owner


def test_document_uploaded_and_downloaded_when_the_contract_is_a_draft(client_for, draft):
    contract = draft()
    owner = client_for("east_rep1")

    page = owner.get(f"/contracts/{contract.pk}/").content.decode()
    response = owner.post(f"/contracts/{contract.pk}/attachments/", {"file": pdf()},
                          follow=True)
    att = Attachment.objects.get()
    download = client_for("legal").get(f"/contracts/{contract.pk}/attachments/{att.token}/")

    assert 'type="file"' in page
    assert "Attached 合同正本.pdf." in response.content.decode()
    assert download.status_code == 200 and download["Content-Disposition"].startswith(
        "attachment")


def test_documents_download_when_the_reader_sees_the_contract_but_not_the_request(
        client_for, executed):
    att = executed["attachment"]
    url = f"/contracts/{executed['contract'].pk}/attachments/{att.token}/"

    assert client_for("auditor").get(url).status_code == 200
    assert client_for("gm").get(url).status_code == 200  # reads every contract
    assert client_for("south_rep1").get(url).status_code == 404


def test_upload_refused_when_the_contract_is_signed(client_for, executed):
    contract = executed["contract"]
    client = client_for("east_rep1")

    page = client.get(f"/contracts/{contract.pk}/").content.decode()
    response = client.post(f"/contracts/{contract.pk}/attachments/", {"file": pdf("补充.pdf")},
                           follow=True)

    assert 'type="file"' not in page
    assert "Documents can be added until the reviews are done." in response.content.decode()
    assert Attachment.objects.count() == 1


def test_draft_submitted_when_its_owner_confirms_on_the_page(client_for, draft):
    contract = draft()
    client = client_for("east_rep1")

    page = client.get(f"/contracts/{contract.pk}/").content.decode()
    response = client.post(f"/contracts/{contract.pk}/submit/")

    assert f'action="/contracts/{contract.pk}/submit/"' in page and "data-confirm=" in page
    assert response.status_code == 302
    assert fresh(contract).state == ContractState.IN_REVIEW


def test_signed_contract_offers_amend_and_no_edit_when_the_owner_opens_it(client_for,
                                                                          signed):
    contract = signed()

    body = client_for("east_rep1").get(f"/contracts/{contract.pk}/").content.decode()

    assert f'href="/contracts/{contract.pk}/amend/"' in body
    assert f'href="/contracts/{contract.pk}/edit/"' not in body


def test_next_version_drafted_and_diff_rendered_when_a_signed_contract_is_amended(
        client_for, signed):
    v1 = signed("500000.00", terms=30)
    client = client_for("east_rep1")

    response = client.post(f"/contracts/{v1.pk}/amend/", {
        "reason": "追加数量", "title": v1.title, "value": "650000.00",
        "payment_terms_days": "45", "delivery_terms": "", "key_clauses": ""}, follow=True)

    v2 = Contract.objects.get(previous=v1)
    assert (v2.number, v2.version, v2.state) == (v1.number, 2, ContractState.DRAFT)
    assert response.redirect_chain[-1][0] == f"/contracts/{v2.pk}/"
    body = response.content.decode()
    assert "Version 2 drafted" in body
    assert "Changes from version 1 to version 2" in body
    assert "¥500,000.00" in body and "¥650,000.00" in body
    assert "30 days" in body and "45 days" in body
    old_page = client.get(f"/contracts/{v1.pk}/").content.decode()
    assert "An amendment is under way" in old_page and f"/contracts/{v2.pk}/" in old_page


def test_any_two_versions_compared_when_against_is_given(client_for, signed):
    v1 = signed("500000.00")
    client = client_for("east_rep1")
    client.post(f"/contracts/{v1.pk}/amend/", {
        "reason": "延长交付", "title": "新标题", "value": "500000.00",
        "payment_terms_days": "30", "delivery_terms": "", "key_clauses": ""})
    v2 = Contract.objects.get(previous=v1)

    body = client.get(f"/contracts/{v1.pk}/?against=2").content.decode()

    assert "Changes from version 2 to version 1" in body
    assert "新标题" in body and "Title" in body
    assert "Value" not in body.split("Changes from version 2 to version 1")[1].split(
        "</table>")[0]
    assert client.get(f"/contracts/{v2.pk}/?against=99").status_code == 200


def test_amend_form_keeps_input_when_the_reason_is_missing(client_for, signed):
    v1 = signed()

    response = client_for("east_rep1").post(f"/contracts/{v1.pk}/amend/", {
        "reason": "", "title": v1.title, "value": "777777.00", "payment_terms_days": "30"})

    assert response.status_code == 400
    body = response.content.decode()
    assert "A reason is required." in body and 'value="777777.00"' in body
    assert Contract.objects.count() == 1


def test_amend_refused_when_the_user_is_not_the_owner(client_for, signed):
    v1 = signed()

    response = client_for("gm").post(f"/contracts/{v1.pk}/amend/", {
        "reason": "x", "title": "t", "value": "1", "payment_terms_days": "1"}, follow=True)

    assert "Only the contract&#x27;s owner can amend it." in response.content.decode()
    assert Contract.objects.count() == 1
