from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from core import context
from core.audit import config, selectors
from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.authority.models import AuthorityBand, AuthorityMatrix
from core.inbox.models import SLARule
from core.org.models import ApiToken, Region, Role, RoleAssignment

pytestmark = pytest.mark.django_db


def _chain(obj):
    kind, object_id = config.chain_of(obj)
    return AuditEvent.objects.filter(subject_kind=kind, subject_id=object_id).order_by(
        "subject_seq")


@pytest.fixture
def rule():
    return SLARule.objects.create(kind="expense", step_code="audit_t", hours=Decimal("8"))


def test_admin_change_recorded_with_user_and_values_when_superuser_edits_sla(
        client, personas, rule):
    client.force_login(personas["admin"])
    url = f"/admin/inbox/slarule/{rule.pk}/change/"
    response = client.post(url, {"kind": "expense", "step_code": "audit_t", "hours": "16",
                                 "remind_before_hours": "2"})
    assert response.status_code == 302
    event = _chain(rule).last()
    assert event.event == config.CHANGED
    assert event.actor == personas["admin"]
    assert [Decimal(v) for v in event.changes["hours"]] == [Decimal("8"), Decimal("16")]
    assert not event.request_id.startswith("sys-")
    history = client.get(f"/admin/inbox/slarule/{rule.pk}/history/")
    assert b"audit-config-history" in history.content
    assert b"config.changed" in history.content and b"hours" in history.content


def test_band_change_lands_on_its_matrix_chain_when_a_limit_is_raised(personas):
    matrix = AuthorityMatrix.objects.create(kind="expense", category="audit-t",
                                            region=Region.objects.first(), name="m")
    band = AuthorityBand.objects.create(matrix=matrix, min_amount=Decimal("0"),
                                        max_amount=Decimal("50000"), steps=["general_manager"])
    with context.acting_as(personas["admin"]):
        band.max_amount = Decimal("500000")
        band.save()
    event = _chain(matrix).last()
    assert (event.subject_kind, event.subject_id) == ("authority.authoritymatrix", str(matrix.pk))
    assert event.event == config.CHANGED and event.actor_name == "admin"
    assert event.data["model"] == "authority.authorityband"
    assert [Decimal(v) for v in event.changes["max_amount"]] == [Decimal("50000"),
                                                                  Decimal("500000")]


def test_no_event_when_saved_without_a_change(rule):
    count = _chain(rule).count()
    rule.save()
    assert _chain(rule).count() == count


def test_no_event_left_when_the_change_rolls_back(rule):
    count = _chain(rule).count()
    with pytest.raises(RuntimeError), transaction.atomic():
        rule.hours = Decimal("40")
        rule.save()
        raise RuntimeError
    assert _chain(rule).count() == count


def test_password_hidden_and_deactivation_recorded_when_a_user_changes(personas):
    user = personas["east_rep1"]
    user.set_password("another-pass-123")
    user.is_active = False
    user.save()
    event = _chain(user).last()
    assert event.changes["password"] == [config.HIDDEN, config.HIDDEN]
    assert event.changes["is_active"] == [True, False]
    assert "pbkdf2" not in str(event.changes)


def test_role_grant_and_group_membership_recorded_on_the_users_chain(personas):
    user = personas["east_rep1"]
    RoleAssignment.objects.create(user=user, role=Role.AUDITOR)
    group = Group.objects.create(name="approvers")
    user.groups.add(group)
    group.permissions.add(Permission.objects.first())
    events = list(_chain(user).filter(event__in=config.EVENTS))
    assert events[-2].event == config.CREATED and events[-2].changes["role"] == [None, "auditor"]
    assert events[-1].changes["groups"] == [[], [str(group.pk)]]
    assert _chain(group).last().changes["permissions"][1] == [str(Permission.objects.first().pk)]


def test_token_key_never_written_to_the_trail(personas):
    instance, token = ApiToken.objects.create(user=personas["east_rep1"])
    event = _chain(personas["east_rep1"]).last()
    assert event.data["model"] == "org.apitoken"
    written = str(event.changes) + str(event.data)
    assert token not in written and instance.digest not in written
    assert instance.token_key not in written


def test_credit_rating_recorded_and_receivables_not_when_a_customer_changes(personas):
    from workflows.contracts.models import Customer

    customer = Customer.objects.create(name="ACME", credit_code="91310000MA1FL8XQ30",
                                       region=Region.objects.first(),
                                       account_owner=personas["east_rep1"])
    customer.rating = "C"
    customer.save()
    Customer.objects.filter(pk=customer.pk).update(open_receivables=Decimal("10"))
    customer.refresh_from_db()
    customer.save()  # receivables are the services' figure: no event for them
    events = list(_chain(customer))
    assert [e.event for e in events] == [config.CREATED, config.CHANGED]
    assert events[-1].changes == {"rating": ["B", "C"]}


def test_auditor_filter_lists_only_configuration_changes(personas, rule):
    from core.audit.services import record

    record(actor=None, event="expense.submitted", subject_kind="expense", subject_id=1)
    found = selectors.events(selectors.EventFilters(configuration=True))
    assert found.exists() and set(found.values_list("event", flat=True)) <= set(config.EVENTS)


def test_audit_page_filters_configuration_changes(client, personas, rule):
    client.force_login(personas["admin"])
    from core.audit.services import record

    record(actor=None, event="expense.submitted", subject_kind="expense", subject_id=1)
    response = client.get("/audit/", {"configuration": "on"})
    assert response.status_code == 200
    shown = {e.event for e in response.context["page"]}
    assert shown and shown <= set(config.EVENTS)
    assert b'name="configuration"' in response.content


def test_chains_verify_after_configuration_events(personas, rule):
    rule.hours = Decimal("12")
    rule.save()
    assert verify_all(save=False).ok


def test_api_filters_configuration_changes(client, personas, rule):
    from core.audit.services import record

    record(actor=None, event="expense.submitted", subject_kind="expense", subject_id=1)
    client.force_login(personas["auditor"])
    body = client.get("/api/audit/events/", {"configuration": "true"}).json()
    events = {row["event"] for row in body["results"]}
    assert events and events <= set(config.EVENTS)
