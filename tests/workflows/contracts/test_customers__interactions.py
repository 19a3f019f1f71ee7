"""The customer interaction log (issue 22): one service, for whoever may see the customer,
audited; bad dates are field errors and nothing is stored."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.exceptions import InvalidInputError, NotFoundError, PermissionDeniedError
from tests.core.inbox.helpers import no_audit_event, one_audit_event
from workflows.contracts.models import Interaction
from workflows.contracts.services import interaction_add

pytestmark = pytest.mark.django_db


def log(personas, customer, who="east_rep2", **kw):
    args = {"kind": "visit", "date": timezone.localdate(), "note": "拜访采购部",
            "next_action_date": timezone.localdate() + timedelta(days=7)}
    args.update(kw)
    return interaction_add(customer_id=customer.pk, actor=personas[who], **args)


def test_someone_who_sees_the_customer_logs_it_audited(personas, customer):
    with one_audit_event("customer.interaction_logged") as got:
        item = log(personas, customer)
    assert (item.kind, item.by, item.note) == ("visit", personas["east_rep2"], "拜访采购部")
    assert got["event"].subject_id == str(customer.pk)
    assert got["event"].data["kind"] == "visit"


def test_someone_who_cannot_see_the_customer_gets_not_found(personas, customer):
    with no_audit_event(), pytest.raises(NotFoundError):
        log(personas, customer, who="south_rep1")
    with pytest.raises(PermissionDeniedError):
        log(personas, customer, who="auditor")
    assert not Interaction.objects.exists()


@pytest.mark.parametrize(("fields", "bad"), [
    ({"date": timezone.localdate() + timedelta(days=1)}, "date"),
    ({"next_action_date": timezone.localdate() - timedelta(days=1)}, "next_action_date"),
    ({"date": timezone.localdate().replace(year=1990)}, "date"),
    ({"kind": "lunch"}, "kind"),
    ({"note": "  "}, "note"),
])
def test_bad_input_is_a_field_error_and_nothing_is_stored(personas, customer, fields, bad):
    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        log(personas, customer, **fields)
    assert bad in exc.value.fields
    assert not Interaction.objects.exists()


def test_next_action_date_is_optional_and_may_be_the_same_day(personas, customer):
    today = timezone.localdate()
    assert log(personas, customer, next_action_date=None).next_action_date is None
    assert log(personas, customer, kind="complaint", next_action_date=today).next_action_date \
        == today
