"""department_head: the one active member at the top of a department's reporting line (their
line manager outside the department, or none), optionally holding a role; None when the org
chart names nobody or several."""

import pytest

from core.org.models import Department, Role
from core.org.selectors import department_head

pytestmark = pytest.mark.django_db


def test_the_member_reporting_outside_the_department_heads_it(personas):
    marketing = Department.objects.get(code="marketing")
    assert department_head(marketing.pk) == personas["marketing"]
    assert department_head(marketing.pk, role=Role.MARKETING) == personas["marketing"]
    assert department_head(marketing.pk, role=Role.FINANCE) is None


def test_nobody_when_two_report_outside_or_the_head_left(personas):
    marketing = Department.objects.get(code="marketing")
    second = personas["marketing2"]
    second.manager = personas["gm"]
    second.save(update_fields=["manager"])
    assert department_head(marketing.pk) is None
    second.manager = personas["marketing"]
    second.save(update_fields=["manager"])
    head = personas["marketing"]
    head.is_active = False
    head.save(update_fields=["is_active"])
    # the head left: marketing2's manager is still in the department, so nobody tops it
    assert department_head(marketing.pk) is None
