"""抄送 by rule: the region's manager is copied on every risk of the region."""

import pytest

from core.audit.models import AuditEvent
from core.engine import request_resubmit
from core.inbox import services as inbox
from core.inbox.models import CarbonCopy
from workflows.risks.selectors import REGION_MANAGER_RULE

from .conftest import HIGH, open_item, request_of

pytestmark = pytest.mark.django_db


def _copied(risk) -> set[str]:
    return set(CarbonCopy.objects.filter(request=request_of(risk), rule=REGION_MANAGER_RULE)
               .values_list("person__username", flat=True))


def test_the_regions_manager_is_copied_when_a_risk_of_the_region_is_identified(make_risk):
    risk = make_risk(None)
    assert _copied(risk) == {"east_mgr"}
    assert AuditEvent.objects.filter(subject_kind="risk", subject_id=risk.pk,
                                     event="risk.copied_by_rule").count() == 1


def test_only_that_regions_manager(make_risk):
    assert _copied(make_risk(None, region="south", owner="south_rep1")) == {"south_mgr"}


def test_a_risk_without_a_region_copies_nobody(make_risk):
    # an owner with no region (the sales GM) and no customer: the risk has no region
    assert _copied(make_risk(None, region=None, owner="gm")) == set()


def test_the_manager_who_owns_the_risk_is_not_copied_on_it(make_risk):
    assert _copied(make_risk(None, owner="east_mgr")) == set()


def test_submit_and_resubmit_keep_one_copy_and_the_manager_never_decides_as_copied(
        personas, with_plan):
    risk = with_plan(HIGH)  # the plan goes to the sales GM
    assert _copied(risk) == {"east_mgr"}
    assert AuditEvent.objects.filter(subject_kind="risk", subject_id=risk.pk,
                                     event="risk.copied_by_rule").count() == 1
    item = open_item(risk)
    assert item.assignee_id != personas["east_mgr"].pk
    inbox.task_return(task_id=item.pk, actor=personas["gm"], reason="措施不够")
    request_resubmit(request_id=request_of(risk).pk, actor=personas["east_rep1"])
    assert _copied(risk) == {"east_mgr"}
    assert AuditEvent.objects.filter(subject_kind="risk", subject_id=risk.pk,
                                     event="risk.copied_by_rule").count() == 1
