"""Races on PostgreSQL for the self-service out-of-office: real threads, real commits."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.audit.models import AuditEvent
from core.org import out_of_office
from core.org.models import Delegation
from core.org.out_of_office import OutOfOffice

from .helpers import run_together

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


def _away(principal, deputy):
    today = timezone.localdate()
    return lambda: out_of_office.set_out_of_office(principal, OutOfOffice(
        deputy=deputy, starts_on=today, ends_on=today + timedelta(days=3), kinds=[]))


def test_two_people_naming_each_other_at_once_make_no_circle(personas):
    a, b = personas["east_mgr"], personas["north_mgr"]
    for _ in range(5):
        Delegation.objects.all().delete()
        outcomes = run_together([_away(a, b), _away(b, a)])
        won = [o for o in outcomes if isinstance(o, Delegation)]
        assert len(won) == 1, outcomes
        assert all(isinstance(o, ValidationError) for o in outcomes if o not in won), outcomes
        assert Delegation.objects.count() == 1


def test_the_same_period_twice_at_once_is_set_once(personas):
    a = personas["east_mgr"]
    outcomes = run_together([_away(a, personas["north_mgr"]), _away(a, personas["south_mgr"])])
    assert sum(isinstance(o, Delegation) for o in outcomes) == 1, outcomes
    assert Delegation.objects.count() == 1
    assert AuditEvent.objects.filter(event="org.out_of_office_set").count() == 1
