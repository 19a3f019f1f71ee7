"""Segregation of duties over a request's steps (issue 17 hole 2, issue 18 defect 2): nobody,
nor their principal, decides two steps of one request, and nobody is listed or offered a task
the decision would refuse — in the decision, the inbox and its counts, the API and the page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from core.api.rows import Viewer, available_actions, with_row_facts
from core.authority.models import AuthorityBand, AuthorityMatrix
from core.exceptions import SegregationOfDutiesError
from core.inbox import selectors, services
from core.inbox.models import RequestStatus, WorkItem
from core.org.models import Delegation, Role, User

from .helpers import no_audit_event, open_item

pytestmark = pytest.mark.django_db


def delegate(principal, deputy, kinds=None):
    today = timezone.localdate()
    return Delegation.objects.create(principal=principal, deputy=deputy, starts_on=today,
                                     ends_on=today + timedelta(days=3), kinds=kinds or [])


def fresh(user) -> User:
    """The same person without per-request caches (delegations, counts)."""
    return User.objects.get(pk=user.pk)


def listed(user, scope=selectors.INBOX) -> set[int]:
    return set(selectors.tasks_for(fresh(user), scope).values_list("pk", flat=True))


def api_task(user, item) -> dict:
    """The task as the API serializes it for this viewer (any list it appears in)."""
    viewer = Viewer.of(fresh(user))
    row = with_row_facts(WorkItem.objects.filter(pk=item.pk), viewer).get()
    return {"available_actions": available_actions(row, viewer)}


def api_inbox(user) -> list[int]:
    client = APIClient()
    client.force_authenticate(fresh(user))
    return [row["id"] for row in client.get("/api/tasks/?scope=inbox").json()["results"]]


def test_deputy_never_offered_second_step_when_they_decided_the_first(submit, personas):
    gm, east_mgr = personas["gm"], personas["east_mgr"]
    delegate(gm, east_mgr, kinds=["demo"])
    req = submit("east_rep1", "12000.00")
    services.task_approve(task_id=open_item(req).pk, actor=east_mgr)
    gm_step = open_item(req)
    assert gm_step.step_code == "sales_gm" and gm_step.assignee == gm

    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        services.task_approve(task_id=gm_step.pk, actor=east_mgr)
    assert gm_step.pk not in listed(east_mgr)
    assert gm_step.pk not in api_inbox(east_mgr)
    assert selectors.task_counts(fresh(east_mgr))[selectors.INBOX] == 0
    assert api_task(east_mgr, gm_step)["available_actions"] == []

    # The route still has someone else: the GM himself.
    assert gm_step.pk in listed(gm)
    assert api_task(gm, gm_step)["available_actions"][:3] == ["approve", "reject", "return"]
    services.task_approve(task_id=gm_step.pk, actor=gm)
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


def test_deputy_task_page_offers_no_decision_when_they_decided_the_first_step(
        client, submit, personas):
    gm, east_mgr = personas["gm"], personas["east_mgr"]
    delegate(gm, east_mgr)
    req = submit("east_rep1", "12000.00")
    services.task_approve(task_id=open_item(req).pk, actor=east_mgr)
    gm_step = open_item(req)
    client.force_login(east_mgr)

    response = client.get(f"/inbox/tasks/{gm_step.pk}/")

    assert response.status_code == 200
    assert response.context["is_mine"] is False
    assert f'/inbox/tasks/{gm_step.pk}/approve/' not in response.content.decode()
    assert "decided another step" in response.context["barred"]


def test_deputy_of_the_approver_never_offered_their_own_request(client, submit, personas):
    """Issue 18 defect 2: east_rep2 deputises for east_mgr and submits; the line-manager step
    goes to east_mgr and must not show up for east_rep2 at all."""
    east_mgr, east_rep2 = personas["east_mgr"], personas["east_rep2"]
    delegate(east_mgr, east_rep2)
    req = submit("east_rep2", "800.00")
    item = open_item(req)
    assert item.assignee == east_mgr

    assert item.pk not in listed(east_rep2)
    assert item.pk not in api_inbox(east_rep2)
    assert selectors.task_counts(fresh(east_rep2))[selectors.INBOX] == 0
    # nothing to decide or pass on: only the submitter's urge (issue 19)
    assert api_task(east_rep2, item)["available_actions"] == ["urge", "copy"]  # never a decision
    client.force_login(east_rep2)
    page = client.get(f"/inbox/tasks/{item.pk}/")
    assert page.context["is_mine"] is False
    assert f'/inbox/tasks/{item.pk}/approve/' not in page.content.decode()
    # ... and east_mgr still decides it.
    assert item.pk in listed(east_mgr)
    assert selectors.task_counts(fresh(east_mgr))[selectors.INBOX] == 1


def test_same_step_decided_again_after_a_return_is_not_a_second_step(submit, personas):
    east_mgr, east_rep3, gm = personas["east_mgr"], personas["east_rep3"], personas["gm"]
    delegate(gm, east_rep3)
    req = submit("east_rep1", "12000.00")
    services.task_approve(task_id=open_item(req).pk, actor=east_mgr)
    gm_step = open_item(req)
    # gm's deputy decided nothing yet; gm did not either: gm may, and so may the deputy.
    assert gm_step.pk in listed(gm) and gm_step.pk in listed(east_rep3)

    services.task_return(task_id=gm_step.pk, actor=east_rep3, reason="金额有误", to_step=0)
    line_step = open_item(req)
    assert line_step.step_code == "line_manager"

    # The line manager's step again: east_mgr decided only this step before, so he may.
    assert line_step.pk in listed(east_mgr)
    services.task_approve(task_id=line_step.pk, actor=east_mgr)
    gm_again = open_item(req)
    # The deputy decided the GM step for gm already: the same step, so both still may.
    assert gm_again.pk in listed(gm) and gm_again.pk in listed(east_rep3)


@pytest.fixture
def three_step_matrix(personas):
    """demo: line manager, sales GM, then the regional manager — east_mgr twice, not in a row."""
    AuthorityMatrix.objects.filter(kind="demo").delete()
    matrix = AuthorityMatrix.objects.create(kind="demo", category="", region=None)
    AuthorityBand.objects.create(matrix=matrix, min_amount=Decimal("0"), max_amount=None,
                                 steps=["line_manager", Role.SALES_GM, Role.REGIONAL_MANAGER])
    return matrix


def test_step_goes_to_administrators_with_reason_when_nobody_else_may_decide(
        submit, personas, three_step_matrix):
    east_mgr, gm, admin = personas["east_mgr"], personas["gm"], personas["admin"]
    req = submit("east_rep1", "800.00")
    services.task_approve(task_id=open_item(req).pk, actor=east_mgr)
    services.task_approve(task_id=open_item(req).pk, actor=gm)

    regional = open_item(req)
    req.refresh_from_db()
    assert regional.step_code == Role.REGIONAL_MANAGER
    assert regional.assignee == admin
    assert "administrators" in req.chain[2]["note"]
    assert req.chain[2]["candidates"] == [admin.pk]
    assert req.waiting_on_ids == [admin.pk]
    services.task_approve(task_id=regional.pk, actor=admin)
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


def test_principal_barred_from_a_later_step_when_their_deputy_decided_one_for_them(
        submit, personas, three_step_matrix):
    east_mgr, east_rep3, gm, admin = (personas[u] for u in ("east_mgr", "east_rep3", "gm",
                                                             "admin"))
    delegate(east_mgr, east_rep3)
    req = submit("east_rep1", "800.00")
    services.task_approve(task_id=open_item(req).pk, actor=east_rep3)  # for east_mgr
    services.task_approve(task_id=open_item(req).pk, actor=gm)

    regional = open_item(req)

    assert regional.assignee == admin
    assert regional.pk not in listed(east_mgr) and regional.pk not in listed(east_rep3)


def test_step_goes_to_the_others_when_one_of_its_holders_decided_before(
        submit, personas, three_step_matrix, east_queue):
    east_mgr, gm = personas["east_mgr"], personas["gm"]
    req = submit("east_rep1", "800.00")
    services.task_approve(task_id=open_item(req).pk, actor=east_mgr)
    services.task_approve(task_id=open_item(req).pk, actor=gm)

    regional = open_item(req)

    assert regional.assignee == east_queue  # east_mgr2, the other regional manager
    assert regional.pk not in listed(east_mgr, selectors.QUEUE)


def test_reassigning_to_someone_who_decided_another_step_refused(submit, personas):
    east_mgr, admin = personas["east_mgr"], personas["admin"]
    req = submit("east_rep1", "12000.00")
    services.task_approve(task_id=open_item(req).pk, actor=east_mgr)
    gm_step = open_item(req)

    assert east_mgr not in services.reassign_choices(gm_step)
    with no_audit_event(), pytest.raises(SegregationOfDutiesError):
        services.task_reassign(task_id=gm_step.pk, actor=admin, assignee=east_mgr,
                               reason="出差")
    assert WorkItem.objects.get(pk=gm_step.pk).assignee == personas["gm"]


def test_queue_candidate_who_decided_another_step_cannot_claim(
        submit, personas, east_queue, queue_matrix):
    """demo ≥ 10,000 with queue_matrix: the east regional managers' queue, then the GM; a
    regional manager who took the first step is barred from a later one."""
    east_mgr = personas["east_mgr"]
    req = submit("east_rep1", "12000.00")
    first = open_item(req)
    services.task_claim(task_id=first.pk, actor=east_mgr)
    services.task_approve(task_id=first.pk, actor=east_mgr)
    gm_step = open_item(req)
    assert gm_step.step_code == Role.SALES_GM
    delegate(personas["gm"], east_mgr)

    assert gm_step.pk not in listed(east_mgr)
    with pytest.raises(SegregationOfDutiesError):
        services.task_approve(task_id=gm_step.pk, actor=east_mgr)
