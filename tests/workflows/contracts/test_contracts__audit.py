"""Every state change of a contract writes exactly one audit event, and the chain verifies."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.inbox import services as inbox
from tests.core.inbox.helpers import one_audit_event
from workflows.contracts.models import ContractState, Customer, Milestone
from workflows.contracts.services import (
    contract_amend,
    contract_create,
    contract_submit,
    milestone_add,
)

from .conftest import fresh, item, request_of

pytestmark = pytest.mark.django_db


def test_one_event_per_change_when_contract_goes_from_draft_to_signed(personas, customer):
    owner = personas["east_rep1"]
    with one_audit_event("contract.drafted"):
        contract = contract_create(actor=owner, customer=customer, title="年度供货合同",
                                   value=Decimal("300000.00"), payment_terms_days=30)
    with one_audit_event("contract.submitted") as audit:
        contract_submit(contract_id=contract.pk, actor=owner)
    assert audit["event"].data["credit_check"]["breach"] is False
    for step, who, event in [("regional_review", "east_mgr", "contract.step_approved"),
                             ("legal_review", "legal", "contract.step_approved"),
                             ("credit_review", "finance", "contract.step_approved"),
                             ("sales_gm", "gm", "contract.signed")]:
        with one_audit_event(event):
            inbox.task_approve(task_id=item(contract, step).pk, actor=personas[who])
    events = list(AuditEvent.objects.filter(subject_kind="contract", subject_id=str(contract.pk))
                  .order_by("seq").values_list("event", flat=True))
    assert events == ["contract.drafted", "contract.submitted", *["contract.step_approved"] * 3,
                      "contract.signed"]
    assert verify_all(save=False).ok


def test_one_event_when_owner_withdraws_in_parallel_review(personas, in_parallel):
    contract = in_parallel()
    with one_audit_event("contract.withdrawn"):
        inbox.request_withdraw(request_id=request_of(contract).pk, actor=personas["east_rep1"],
                               reason="客户取消")
    assert fresh(contract).state == ContractState.WITHDRAWN


def test_previous_version_audited_when_superseded(personas, signed):
    v1 = signed()
    v2 = contract_amend(contract_id=v1.pk, actor=personas["east_rep1"], reason="延长交付",
                        delivery_terms="分两批交付")
    contract_submit(contract_id=v2.pk, actor=personas["east_rep1"])
    for step, who in [("regional_review", "east_mgr"), ("legal_review", "legal"),
                      ("credit_review", "finance"), ("sales_gm", "gm")]:
        inbox.task_approve(task_id=item(v2, step).pk, actor=personas[who])
    assert fresh(v1).state == ContractState.SUPERSEDED
    last = AuditEvent.objects.filter(subject_kind="contract",
                                     subject_id=str(v1.pk)).order_by("-seq").first()
    assert last.to_state == ContractState.SUPERSEDED


def test_receivables_kept_when_contract_is_amended(personas, customer, signed):
    v1 = signed("800000.00")
    milestone_add(contract_id=v1.pk, actor=personas["east_rep1"],
                  kind=Milestone.Kind.COLLECTION, amount="800000.00",
                  due_date=timezone.localdate() + timedelta(days=30))
    assert fresh(customer).open_receivables == Decimal("800000.00")

    v2 = contract_amend(contract_id=v1.pk, actor=personas["east_rep1"], reason="交付地址变更",
                        delivery_terms="改送苏州仓")
    contract_submit(contract_id=v2.pk, actor=personas["east_rep1"])
    for step, who in [("regional_review", "east_mgr"), ("legal_review", "legal"),
                      ("credit_review", "finance"), ("sales_gm", "gm")]:
        inbox.task_approve(task_id=item(v2, step).pk, actor=personas[who])

    assert fresh(v2).state == ContractState.SIGNED
    assert Customer.objects.get(pk=customer.pk).open_receivables == Decimal("800000.00")
