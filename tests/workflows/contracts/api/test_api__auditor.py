"""An auditor reads every contract and customer and changes nothing: every write is 403 and
leaves no trace."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.audit.models import AuditEvent
from core.inbox.models import Attachment
from workflows.contracts.models import (
    Contract,
    CreditLimitChange,
    Customer,
    ExecutionProblem,
    Milestone,
)
from workflows.contracts.services import credit_limit_request, milestone_add, problem_raise

from ..conftest import OTHER_CODE, fresh
from .conftest import CONTRACTS, CUSTOMERS, LIMIT_CHANGES, contract_body, contract_url

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"


def _counts() -> tuple:
    return (Customer.objects.count(), Contract.objects.count(),
            CreditLimitChange.objects.count(), Milestone.objects.count(),
            ExecutionProblem.objects.count(), Attachment.objects.count(),
            AuditEvent.objects.count())


def test_auditor_reads_everything(api, signed, draft, customer):
    contract, other = signed(), draft("east_rep2")
    auditor = api("auditor")

    assert auditor.get(CONTRACTS).json()["count"] == 2
    assert auditor.get(CUSTOMERS).json()["count"] == 1
    for contract_id in (contract.pk, other.pk):
        body = auditor.get(contract_url(contract_id)).json()
        assert body["history"] and body["available_actions"] == []


def test_403_and_nothing_changes_when_the_auditor_writes_anywhere(api, personas, customer,
                                                                  signed, draft, submitted):
    contract, own_draft, in_review = signed(), draft(), submitted()
    today = timezone.localdate()
    milestone = milestone_add(contract_id=contract.pk, actor=personas["east_rep1"],
                              kind="collection", amount="1000", due_date=today)
    problem = problem_raise(contract_id=contract.pk, actor=personas["east_rep1"],
                            description="延迟", assignee=personas["east_rep1"])
    change = credit_limit_request(customer_id=customer.pk, actor=personas["east_rep1"],
                                  new_limit="1", reason="降额")
    before = _counts()
    auditor = api("auditor")
    upload = {"file": SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")}
    writes = [
        ("post", CUSTOMERS, {"name": "审计公司", "credit_code": OTHER_CODE, "region": "east"}),
        ("post", f"{CUSTOMERS}{customer.pk}/credit-limit/", {"new_limit": "9", "reason": "x"}),
        ("post", f"{LIMIT_CHANGES}{change.pk}/decide/", {"approve": True}),
        ("post", CONTRACTS, contract_body(customer.pk)),
        ("patch", contract_url(own_draft.pk), {"title": "审计改"}),
        ("post", contract_url(own_draft.pk, "submit"), {}),
        ("post", contract_url(contract.pk, "amend"), {"reason": "x", "value": "2.00"}),
        ("post", contract_url(contract.pk, "milestones"),
         {"kind": "delivery", "amount": "0", "due_date": (today + timedelta(1)).isoformat()}),
        ("post", f"/api/contracts/milestones/{milestone.pk}/done/", {}),
        ("post", contract_url(contract.pk, "problems"),
         {"description": "x", "assignee": "east_rep1"}),
        ("post", f"/api/contracts/problems/{problem.pk}/resolve/", {"resolution": "x"}),
    ]
    for method, url, body in writes:
        response = getattr(auditor, method)(url, body, format="json")
        assert response.status_code == 403, (url, response.json())
        assert set(response.json()) == {"detail", "code", "fields"}
    response = auditor.post(contract_url(in_review.pk, "attachments"), upload,
                            format="multipart")
    assert response.status_code == 403
    assert response.json()["code"] == "read_only_role"

    assert _counts() == before
    assert fresh(own_draft).title == "年度供货合同"
    assert fresh(milestone).done_date is None
    assert fresh(problem).resolved_at is None
    assert CreditLimitChange.objects.get(pk=change.pk).state == "pending"
