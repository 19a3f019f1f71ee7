"""A published plan is read-only; a revision is the next version, signed off again, which on
publication supersedes the version it revises (that one stays readable). A diff between any
two versions lists the changed cells."""

from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError, PermissionDeniedError, StateConflictError
from core.inbox import services as inbox
from workflows.plans import services
from workflows.plans.models import Plan, PlanState
from workflows.plans.services.common import grid_of

from .conftest import confirm_all, find, fresh, open_items, rows_of

pytestmark = pytest.mark.django_db


def publish(personas, plan):
    services.plan_submit_for_confirmation(plan_id=plan.pk, actor=personas["gm"])
    confirm_all(personas, plan)
    services.plan_send_to_ceo(plan_id=plan.pk, actor=personas["gm"])
    (ceo,) = open_items(plan)
    inbox.task_approve(task_id=ceo.pk, actor=personas["ceo"])
    return fresh(plan)


def test_revision_copies_the_published_plan_as_the_next_version(personas, published):
    v1 = published()

    v2 = services.plan_revise(plan_id=v1.pk, actor=personas["gm"], reason="华东新增大客户")

    assert (v2.number, v2.version, v2.previous_id) == (v1.number, 2, v1.pk)
    assert v2.state == PlanState.DRAFT and v2.revision_reason == "华东新增大客户"
    assert grid_of(v2) == grid_of(v1)
    assert fresh(v1).state == PlanState.PUBLISHED


def test_previous_version_superseded_and_readable_when_the_revision_is_published(personas,
                                                                                 published):
    v1 = published("12000000.00")
    v2 = services.plan_revise(plan_id=v1.pk, actor=personas["gm"], reason="上调目标")
    target, rows = rows_of(v2)
    find(rows, "east").months[5] += Decimal("30000.00")
    find(rows, "east", "east_rep1").months[5] += Decimal("30000.00")
    services.allocations_save(plan_id=v2.pk, actor=personas["gm"],
                              target=target + Decimal("30000.00"), rows=rows)

    v2 = publish(personas, v2)

    v1 = fresh(v1)
    assert v2.state == PlanState.PUBLISHED and v1.state == PlanState.SUPERSEDED
    assert Plan.objects.filter(fiscal_year=v1.fiscal_year, state=PlanState.PUBLISHED).get() == v2
    assert AuditEvent.objects.filter(subject_kind="plan", subject_id=str(v1.pk),
                                     event="plan.superseded").count() == 1
    assert grid_of(v1).target == Decimal("12000000.00")  # still readable as it was

    diff = services.version_diff(v1, v2)
    assert diff.target == (Decimal("12000000.00"), Decimal("12030000.00"))
    assert [(c.region, c.person, c.month, c.change) for c in diff.cells] == [
        ("east", None, 6, Decimal("30000.00")), ("east", "east_rep1", 6, Decimal("30000.00"))]
    assert services.version_diff(v2, v1).cells[0].change == Decimal("-30000.00")


def test_superseded_plan_is_read_only_too(personas, published):
    v1 = published()
    v2 = publish(personas, services.plan_revise(plan_id=v1.pk, actor=personas["gm"],
                                                reason="调整"))
    target, rows = rows_of(v1)
    with pytest.raises(StateConflictError):
        services.allocations_save(plan_id=v1.pk, actor=personas["gm"], target=target,
                                  rows=rows)
    with pytest.raises(StateConflictError):
        services.plan_revise(plan_id=v1.pk, actor=personas["gm"], reason="再改")
    assert services.plan_revise(plan_id=v2.pk, actor=personas["gm"], reason="三版").version == 3


def test_one_revision_at_a_time(personas, published):
    v1 = published()
    services.plan_revise(plan_id=v1.pk, actor=personas["gm"], reason="一")
    with pytest.raises(StateConflictError):
        services.plan_revise(plan_id=v1.pk, actor=personas["gm"], reason="二")


def test_revision_needs_a_reason_and_the_sales_gm(personas, published):
    v1 = published()
    with pytest.raises(InvalidInputError):
        services.plan_revise(plan_id=v1.pk, actor=personas["gm"], reason=" ")
    with pytest.raises(PermissionDeniedError):
        services.plan_revise(plan_id=v1.pk, actor=personas["ceo"], reason="x")
    assert Plan.objects.count() == 1


def test_only_a_published_plan_is_revised(personas, submitted):
    plan = submitted()
    with pytest.raises(StateConflictError):
        services.plan_revise(plan_id=plan.pk, actor=personas["gm"], reason="x")


def test_diff_is_empty_for_an_unchanged_revision_and_refused_across_plans(personas, published,
                                                                          draft):
    v1 = published(year=2030)
    v2 = services.plan_revise(plan_id=v1.pk, actor=personas["gm"], reason="x")
    diff = services.version_diff(v1, v2)
    assert diff.cells == [] and diff.target is None and not diff.strategy_changed
    other = draft(year=2031)
    with pytest.raises(InvalidInputError):
        services.version_diff(v1, other)
