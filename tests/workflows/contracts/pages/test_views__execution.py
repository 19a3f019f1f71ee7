"""After signing: milestones (add, mark done; receivables follow on the customer page) and
execution problems (raise, resolve), each a POST that says what happened."""

from datetime import timedelta

import pytest
from django.utils import timezone

from workflows.contracts.models import ExecutionProblem, Milestone

from ..conftest import fresh

pytestmark = pytest.mark.django_db


def _due(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def test_open_receivables_fall_on_the_customer_page_when_a_collection_is_marked_done(
        client_for, executed):
    contract, milestone = executed["contract"], executed["milestone"]
    finance = client_for("finance")
    customer_url = f"/contracts/customers/{contract.customer_id}/"

    before = client_for("east_rep1").get(customer_url).content.decode()
    response = finance.post(f"/contracts/{contract.pk}/milestones/{milestone.pk}/done/",
                            {f"done-{milestone.pk}-done_date": ""}, follow=True)
    after = client_for("east_rep1").get(customer_url).content.decode()

    assert "Open receivables</dt><dd>¥200,000.00" in before
    assert "Collection marked done." in response.content.decode()
    assert Milestone.objects.get(pk=milestone.pk).done_date == timezone.localdate()
    assert "Open receivables</dt><dd>¥0.00" in after
    assert fresh(contract.customer).open_receivables == 0


def test_milestone_added_and_listed_open_when_the_owner_adds_one(client_for, executed):
    contract = executed["contract"]

    response = client_for("east_rep1").post(f"/contracts/{contract.pk}/milestones/", {
        "milestone-kind": "delivery", "milestone-amount": "0", "milestone-due_date": _due(10),
        "milestone-note": "第一批"}, follow=True)

    body = response.content.decode()
    assert "Milestone added." in body and "第一批" in body
    assert Milestone.objects.filter(contract=contract, kind="delivery").count() == 1


def test_milestone_shown_overdue_when_its_due_date_has_passed(client_for, executed):
    contract = executed["contract"]
    Milestone.objects.create(contract=contract, kind="invoice", amount=1,
                             due_date=timezone.localdate() - timedelta(days=3))

    body = client_for("east_rep1").get(f"/contracts/{contract.pk}/").content.decode()

    assert 'class="chip ms-overdue"' in body and 'class="chip ms-open"' in body


def test_milestone_form_keeps_input_when_refused(client_for, executed):
    contract = executed["contract"]

    response = client_for("east_rep1").post(f"/contracts/{contract.pk}/milestones/", {
        "milestone-kind": "collection", "milestone-amount": "abc",
        "milestone-due_date": "", "milestone-note": "留着的备注"})

    body = response.content.decode()
    assert response.status_code == 400
    assert "Enter the amount with the digits 0-9" in body and "This field is required." in body
    assert 'value="留着的备注"' in body and '<details open>' in body
    assert Milestone.objects.count() == 1


def test_milestone_forms_hidden_and_refused_when_the_user_only_reads(client_for, executed):
    contract, milestone = executed["contract"], executed["milestone"]
    manager = client_for("east_mgr")  # sees the contract, does not keep its milestones

    page = manager.get(f"/contracts/{contract.pk}/").content.decode()
    response = manager.post(f"/contracts/{contract.pk}/milestones/{milestone.pk}/done/")

    assert "Mark done" not in page and "Add a milestone" not in page
    assert response.status_code == 403
    assert Milestone.objects.get(pk=milestone.pk).done_date is None


def test_problem_raised_and_resolved_when_assignee_resolves_it(client_for, executed,
                                                               personas):
    contract = executed["contract"]
    owner = client_for("east_rep1")

    raised = owner.post(f"/contracts/{contract.pk}/problems/", {
        "problem-description": "客户验收推迟两周", "problem-assignee": personas["legal"].pk},
        follow=True)
    problem = ExecutionProblem.objects.get(description="客户验收推迟两周")
    legal = client_for("legal")
    legal_page = legal.get(f"/contracts/{contract.pk}/").content.decode()
    resolved = legal.post(f"/contracts/{contract.pk}/problems/{problem.pk}/resolve/", {
        f"resolve-{problem.pk}-resolution": "已与客户签补充协议"}, follow=True)

    assert "Problem recorded and assigned." in raised.content.decode()
    assert f"/problems/{problem.pk}/resolve/" in legal_page
    body = resolved.content.decode()
    assert "Problem resolved." in body and "已与客户签补充协议" in body
    assert fresh(problem).resolved_at is not None


def test_problem_form_keeps_input_when_the_description_is_missing(client_for, executed,
                                                                  personas):
    contract = executed["contract"]

    response = client_for("east_rep1").post(f"/contracts/{contract.pk}/problems/", {
        "problem-description": "  ", "problem-assignee": personas["legal"].pk})

    body = response.content.decode()
    assert response.status_code == 400 and "This field is required." in body
    assert f'<option value="{personas["legal"].pk}" selected>' in body
    assert ExecutionProblem.objects.count() == 1


def test_resolve_refused_when_the_user_is_neither_assignee_owner_nor_manager(client_for,
                                                                            executed):
    contract, problem = executed["contract"], executed["problem"]
    manager = client_for("east_mgr")

    page = manager.get(f"/contracts/{contract.pk}/").content.decode()
    response = manager.post(f"/contracts/{contract.pk}/problems/{problem.pk}/resolve/", {
        f"resolve-{problem.pk}-resolution": "我来关"})

    assert f"/problems/{problem.pk}/resolve/" not in page
    assert response.status_code == 403
    assert "The assignee, the contract&#x27;s owner, finance or the sales GM" in \
        response.content.decode()
    assert fresh(problem).resolved_at is None


def test_problems_refused_when_the_contract_is_not_signed(client_for, draft, personas):
    contract = draft()

    page = client_for("east_rep1").get(f"/contracts/{contract.pk}/").content.decode()
    response = client_for("east_rep1").post(f"/contracts/{contract.pk}/problems/", {
        "problem-description": "x", "problem-assignee": personas["legal"].pk})

    assert "Raise a problem" not in page and "Milestones" not in page
    assert response.status_code == 400
    assert "Problems are recorded against signed contracts." in response.content.decode()
