"""One permission source: who may add a document to a contract is selectors.contract_actions,
and the page, the API (its `available_actions` and its upload) and the service all agree with
it, persona by persona. The API used to let anyone who could see the contract upload (legal,
say, before its review had started); the page allowed only the owner and the reviewers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from core.exceptions import ApprovalError
from core.inbox.models import Attachment
from core.inbox.services import task_approve
from workflows.contracts import selectors
from workflows.contracts.services import ensure_may_attach

from .conftest import item

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _pdf():
    return SimpleUploadedFile("附件.pdf", PDF, content_type="application/pdf")


def _service_allows(user, contract) -> bool:
    try:
        ensure_may_attach(user, contract)
    except ApprovalError:
        return False
    return True


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _page(user) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def _agree(user, contract) -> bool:
    """Every door gives the same answer for this user; returns it."""
    allowed = selectors.ATTACH in selectors.contract_actions(user, contract)
    assert _service_allows(user, contract) is allowed, "service"

    detail = _api(user).get(f"/api/contracts/contracts/{contract.pk}/").json()
    assert ("attach" in detail["available_actions"]) is allowed, "API actions"
    page = _page(user).get(f"/contracts/{contract.pk}/")
    assert page.context["can_upload"] is allowed, "page"

    before = Attachment.objects.count()
    response = _api(user).post(f"/api/contracts/contracts/{contract.pk}/attachments/",
                               {"file": _pdf()}, format="multipart")
    assert response.status_code == (201 if allowed else 403), response.json()
    _page(user).post(f"/contracts/{contract.pk}/attachments/", {"file": _pdf()})
    assert Attachment.objects.count() == before + (2 if allowed else 0), "page upload"
    return allowed


@pytest.mark.parametrize(("username", "allowed"), [
    ("east_rep1", True),   # the owner
    ("east_mgr", True),    # holds the regional review
    ("legal", False),      # reads every contract, but its review has not started
    ("finance", False),
    ("auditor", False),    # reads everything, changes nothing
])
def test_page_api_and_service_agree_on_uploads_in_regional_review(personas, submitted,
                                                                  username, allowed):
    contract = submitted()

    assert _agree(personas[username], contract) is allowed


@pytest.mark.parametrize(("username", "allowed"), [
    ("east_rep1", True),
    ("legal", True),       # queued on the legal review
    ("finance", True),     # queued on the credit review
    ("east_mgr", False),   # done with its review: reads, adds nothing
])
def test_page_api_and_service_agree_on_uploads_in_parallel_review(personas, in_parallel,
                                                                  username, allowed):
    contract = in_parallel()

    assert _agree(personas[username], contract) is allowed


def test_nobody_uploads_once_signed(personas, signed):
    contract = signed()
    for username in ("east_rep1", "finance", "gm"):
        user = personas[username]
        assert selectors.ATTACH not in selectors.contract_actions(user, contract)
        assert not _service_allows(user, contract)
        response = _api(user).post(f"/api/contracts/contracts/{contract.pk}/attachments/",
                                   {"file": _pdf()}, format="multipart")
        assert response.status_code == 409


def test_actions_listed_in_their_documented_order(personas, submitted):
    contract = submitted()
    owner = personas["east_rep1"]

    assert selectors.ordered(selectors.contract_actions(owner, contract)) == ["withdraw",
                                                                               "attach"]
    assert selectors.contract_actions(personas["auditor"], contract) == frozenset()
    # the regional manager's task done, the owner still may; the manager no longer
    task_approve(task_id=item(contract, "regional_review").pk, actor=personas["east_mgr"])
    assert selectors.ATTACH not in selectors.contract_actions(personas["east_mgr"], contract)
