"""The task page's "Add a signer" box on a risk's plan approval (a stage, not a chain step),
and the route timeline the owner reads on the request page."""

import pytest

from core.inbox.models import WorkItem, WorkItemStatus

from ..conftest import MEDIUM, open_item, request_of

pytestmark = pytest.mark.django_db


def test_the_approver_adds_legal_before_them_and_the_owner_sees_it(browser, with_plan, personas):
    risk = with_plan(MEDIUM)
    item = open_item(risk)
    client = browser("east_mgr")
    html = client.get(f"/inbox/tasks/{item.pk}/").content.decode()
    assert f'action="/inbox/tasks/{item.pk}/add-signer/"' in html

    response = client.post(f"/inbox/tasks/{item.pk}/add-signer/", {
        "signer-signers": [personas["legal"].pk], "signer-position": "before",
        "signer-reason": "涉及合同违约条款", "signer-sla_hours": "8"})

    assert response.status_code == 302
    theirs = open_item(risk)
    assert theirs.assignee == personas["legal"]
    req = request_of(risk)
    page = browser("east_rep1").get(f"/requests/{req.pk}/").content.decode()
    assert str(personas["legal"]) in page and "added signer" in page
    assert "waits for the added signers" in page and "涉及合同违约条款" in page
    zh = browser("east_rep1", HTTP_ACCEPT_LANGUAGE="zh-hans").get(
        f"/requests/{req.pk}/").content.decode()
    assert "（加签人）" in zh and "等待加签人审批后再处理" in zh
    legal_page = browser("legal").get(f"/inbox/tasks/{theirs.pk}/").content.decode()
    assert f'action="/inbox/tasks/{theirs.pk}/add-signer/"' in legal_page


def test_a_refused_signer_keeps_the_form_and_changes_nothing(browser, with_plan, personas):
    risk = with_plan(MEDIUM)
    item = open_item(risk)
    response = browser("east_mgr").post(f"/inbox/tasks/{item.pk}/add-signer/", {
        "signer-signers": [personas["east_rep1"].pk], "signer-position": "after",
        "signer-reason": "x"})
    assert response.status_code in (400, 403)
    assert WorkItem.objects.filter(request=request_of(risk),
                                   status=WorkItemStatus.OPEN).get().pk == item.pk
