"""抄送 by rule: finance is copied on every contract over CC_FINANCE_CONTRACT_OVER."""

from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.inbox.models import CarbonCopy, Notification
from core.org.models import Role
from core.org.selectors import holders_of
from workflows.contracts.rules import finance_copied
from workflows.contracts.selectors import FINANCE_RULE

from .conftest import request_of

pytestmark = pytest.mark.django_db


def _copied(contract) -> set[int]:
    return set(CarbonCopy.objects.filter(request=request_of(contract), rule=FINANCE_RULE)
               .values_list("person_id", flat=True))


def test_finance_is_copied_on_a_contract_just_over_the_threshold(
        personas, submitted, django_capture_on_commit_callbacks):
    finance = set(holders_of(Role.FINANCE).values_list("pk", flat=True))
    assert personas["finance"].pk in finance
    with django_capture_on_commit_callbacks(execute=True):
        contract = submitted("500000.01")
    assert _copied(contract) == finance
    event = AuditEvent.objects.get(subject_kind="contract", subject_id=contract.pk,
                                   event="contract.copied_by_rule")
    assert event.data["rule"] == FINANCE_RULE and set(event.data["people"]) == finance
    assert event.actor == personas["east_rep1"]
    assert Notification.objects.filter(recipient=personas["finance"], kind="copied",
                                       request=request_of(contract)).exists()


def test_finance_is_not_copied_at_exactly_the_threshold(submitted):
    contract = submitted("500000.00")
    assert _copied(contract) == set()
    assert not AuditEvent.objects.filter(subject_kind="contract", subject_id=contract.pk,
                                         event="contract.copied_by_rule").exists()


def test_the_threshold_is_a_setting(settings, submitted):
    settings.CC_FINANCE_CONTRACT_OVER = "100000"
    assert _copied(submitted("100000.01")) != set()
    assert _copied(submitted("100000.00")) == set()


def test_the_rule_is_a_strict_comparison():
    at = Decimal("500000")
    assert not finance_copied(Decimal("500000.00"), at)
    assert finance_copied(Decimal("500000.01"), at)
    assert not finance_copied(None, at)


def test_the_request_page_shows_the_copy_as_by_rule(client, personas, submitted):
    from django.urls import reverse

    contract = submitted("800000.00")
    client.force_login(personas["east_rep1"])
    page = client.get(reverse("inbox:request", args=[request_of(contract).pk])).content.decode()
    assert 'data-testid="copied-by-rule"' in page
    assert str(personas["finance"]) in page
