"""Issue 9, mass assignment through the API: every write endpoint (POST/PATCH/PUT) receives the
extra fields status, state, approved_by, owner, submitter, budget, number, credit_breach,
open_receivables, amount/value (and their cousins, snapshot.hostile) besides its own; nothing
changes but what the endpoint legitimately changes, and no sent value reaches a row. After
approval (a paid claim, a signed contract, a published plan, a budget in force) an edit is
refused and changes nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest

from core.inbox.models import WorkItem, WorkItemStatus
from core.org.models import User

from .snapshot import SENTINEL_MONEY, hostile, watch
from .world import (
    CODES,
    NEXT,
    TODAY,
    claim_day,
    fresh,
    make_claim,
    make_contract,
    make_customer,
    open_items,
    pay_claim,
)

pytestmark = pytest.mark.django_db

# What the inbox and the engine rewrite on any transition (the request header, the tasks).
FLOW = {"inbox.Request": "*", "inbox.WorkItem": "*"}
FLOW_CREATES = {"inbox.WorkItem"}


def _extras(world, **legit) -> dict:
    return hostile(admin_id=world.users["admin"].pk, budget_id=world.pk("budget"), **legit)


def _json(client, method: str, url: str, body: dict):
    return getattr(client, method)(url, body, format="json")


def _lines(amount: str = "860.00") -> list[dict]:
    day = claim_day().isoformat()
    return [{"date": day, "item_type": "transport", "description": "高铁往返",
             "amount": amount, "approved_amount": str(SENTINEL_MONEY),
             "cap": str(SENTINEL_MONEY)}]


# --- expenses ---------------------------------------------------------------------------------


def test_claim_created_as_draft_of_its_submitter_when_system_fields_are_posted(world, api):
    body = _extras(world, category="travel", title="杭州客户拜访", purpose="回访",
                   expense_date=claim_day().isoformat(), lines=_lines())
    response, d = watch(lambda: _json(api("east_rep1"), "post", "/api/expenses/claims/",
                                      body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"expenses.ExpenseClaim", "expenses.ExpenseLine",
                                 "inbox.Request"}) == []
    (claim,) = d.created_of("expenses.ExpenseClaim")
    assert (claim["state"], claim["submitter_id"], claim["number"], claim["total"],
            claim["approved_total"], claim["paid_at"]) == (
        "draft", world.users["east_rep1"].pk, "", Decimal("860.00"), None, None)


def test_claim_edit_changes_only_what_was_typed_when_system_fields_are_posted(world, api):
    claim = make_claim(world.users, "east_rep1", "草稿", submit=False)
    body = _extras(world, title="改过的标题")
    response, d = watch(lambda: _json(api("east_rep1"), "patch",
                                      f"/api/expenses/claims/{claim.pk}/", body))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"expenses.ExpenseClaim": {"title"},
                                 "inbox.Request": {"title", "search_text"}}) == []
    assert fresh(claim).title == "改过的标题"


def test_paid_claim_is_not_edited_when_amounts_and_state_are_posted(world, api):
    claim = pay_claim(world.users, make_claim(world.users, "east_rep1", "已付款"))
    assert claim.state == "paid"
    body = _extras(world, title="改金额", lines=_lines(str(SENTINEL_MONEY)))
    response, d = watch(lambda: _json(api("east_rep1"), "patch",
                                      f"/api/expenses/claims/{claim.pk}/", body))
    assert response.status_code == 409, response.content
    assert d.unexpected() == []


def test_claim_submit_numbers_and_routes_it_itself_when_a_state_is_posted(world, api):
    claim = make_claim(world.users, "east_rep1", "提交", submit=False)
    response, d = watch(lambda: _json(api("east_rep1"), "post",
                                      f"/api/expenses/claims/{claim.pk}/submit/",
                                      _extras(world)))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"expenses.ExpenseClaim": {"state", "number", "submitted_at"},
                                 "expenses.ExpenseLine": {"cap", "excess", "allowed_class"},
                                 **FLOW}, creates=FLOW_CREATES) == []
    after = fresh(claim)
    assert (after.state, after.submitter_id) == ("submitted", world.users["east_rep1"].pk)
    assert after.number.startswith("BX-")


def test_line_reduction_changes_only_the_line_when_finance_posts_state_and_totals(world, api):
    u = world.users
    claim = make_claim(u, "east_rep1", "凭证审核", amount="900.00")
    (item,) = open_items("expense", claim)
    from core.inbox import services as inbox

    inbox.task_approve(task_id=item.pk, actor=u["east_mgr"], comment="同意")
    claim = fresh(claim)
    line = claim.lines.get()
    body = _extras(world, amount="800.00", reason="超出部分自理")
    response, d = watch(lambda: _json(
        api("finance"), "post", f"/api/expenses/claims/{claim.pk}/lines/{line.pk}/reduce/",
        body))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"expenses.ExpenseLine": {"approved_amount",
                                                          "reduction_reason"},
                                 "expenses.ExpenseClaim": {"approved_total"},
                                 "inbox.Request": {"amount"}}) == []
    after = fresh(claim)
    assert (after.state, after.approved_total) == (claim.state, Decimal("800.00"))


def _months(total: str) -> tuple[list[str], list[str]]:
    from workflows.expenses.rules import even_split

    quarters, months = even_split(Decimal(total))
    return [str(q) for q in quarters], [str(m) for m in months]


def test_budget_created_as_finance_draft_when_state_and_preparer_are_posted(world, api):
    quarters, months = _months("120000.00")
    body = _extras(world, fiscal_year=NEXT, department="sales", category="marketing",
                   total="120000.00", quarters=quarters, months=months,
                   owner=world.users["gm"].pk)
    response, d = watch(lambda: _json(api("finance"), "post", "/api/expenses/budgets/", body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"expenses.Budget"}) == []
    (budget,) = d.created_of("expenses.Budget")
    assert (budget["state"], budget["prepared_by_id"], budget["version"], budget["total"]) == (
        "draft", world.users["finance"].pk, 1, Decimal("120000.00"))


def test_budget_in_force_changes_only_by_a_new_version_when_revised_with_extras(world, api):
    budget = world.objects["budget"]
    quarters, months = _months("1500000.00")
    body = _extras(world, total="1500000.00", quarters=quarters, months=months,
                   reason="追加预算")
    response, d = watch(lambda: _json(api("finance"), "post",
                                      f"/api/expenses/budgets/{budget.pk}/revise/", body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"expenses.Budget"}) == []
    (revision,) = d.created_of("expenses.Budget")
    assert (revision["state"], revision["version"], revision["previous_id"]) == (
        "draft", 2, budget.pk)
    assert fresh(budget).state == "in_force"


def test_budget_submit_goes_to_approval_when_in_force_is_posted(world, api):
    quarters, months = _months("60000.00")
    from workflows.expenses.services import budget_create

    draft = budget_create(actor=world.users["finance"], fiscal_year=NEXT,
                          department=world.users["east_rep1"].department, category="other",
                          total="60000.00", quarters=quarters, months=months)
    body = _extras(world, state="in_force", status="in_force")
    response, d = watch(lambda: _json(api("finance"), "post",
                                      f"/api/expenses/budgets/{draft.pk}/submit/", body))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"expenses.Budget": {"state", "number", "submitted_at"},
                                 **FLOW}, creates={"inbox.Request", *FLOW_CREATES}) == []
    assert fresh(draft).state == "submitted"


# --- contracts --------------------------------------------------------------------------------


def test_customer_created_without_limit_or_receivables_when_they_are_posted(world, api):
    body = _extras(world, name="新客户有限公司", credit_code=CODES["spare"], region="east",
                   rating="B", account_owner=world.users["east_rep1"].pk)
    response, d = watch(lambda: _json(api("east_rep1"), "post", "/api/contracts/customers/",
                                      body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"contracts.Customer"}) == []
    (customer,) = d.created_of("contracts.Customer")
    assert (customer["credit_limit"], customer["open_receivables"]) == (Decimal(0), Decimal(0))


def test_limit_request_leaves_the_customer_alone_when_a_limit_and_state_are_posted(world,
                                                                                     api):
    customer = world.objects["customer_s"]
    body = _extras(world, new_limit="7000000.00", reason="扩大合作", old_limit="0.00")
    response, d = watch(lambda: _json(api("south_rep1"), "post",
                                      f"/api/contracts/customers/{customer.pk}/credit-limit/",
                                      body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"contracts.CreditLimitChange"}) == []
    (change,) = d.created_of("contracts.CreditLimitChange")
    assert (change["state"], change["decided_by_id"], change["requested_by_id"]) == (
        "pending", None, world.users["south_rep1"].pk)


def test_limit_decision_applies_the_requested_limit_when_another_is_posted(world, api):
    change = world.extra["change_e"]
    body = _extras(world, approve=True, comment="同意", new_limit=str(SENTINEL_MONEY))
    response, d = watch(lambda: _json(
        api("finance"), "post", f"/api/contracts/credit-limit-changes/{change.pk}/decide/",
        body))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"contracts.CreditLimitChange": {"state", "decided_by_id",
                                                                 "decided_at", "comment"},
                                 "contracts.Customer": {"credit_limit"}}) == []
    assert fresh(world.objects["customer_e"]).credit_limit == Decimal("6000000.00")


def test_contract_created_as_owners_draft_when_state_number_and_breach_are_posted(world, api):
    body = _extras(world, customer=world.pk("customer_e"), title="新合同", value="100000.00",
                   credit_breach=True, credit_check={"breach": False})
    response, d = watch(lambda: _json(api("east_rep1"), "post", "/api/contracts/contracts/",
                                      body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"contracts.Contract", "contracts.ContractLine",
                                 "inbox.Request"}) == []
    (contract,) = d.created_of("contracts.Contract")
    assert (contract["state"], contract["owner_id"], contract["number"],
            contract["credit_breach"], contract["version"], contract["value"]) == (
        "draft", world.users["east_rep1"].pk, "", False, 1, Decimal("100000.00"))
    (line,) = d.created_of("contracts.ContractLine")  # a value alone: one unspecified line
    assert (line["contract_id"], line["value"]) == (contract["id"], Decimal("100000.00"))


def test_contract_edit_changes_only_what_was_typed_when_system_fields_are_posted(world, api):
    contract = make_contract(world.users, "east_rep1", world.objects["customer_e"], "草稿",
                             submit=False)
    body = _extras(world, title="改过的合同")
    del body["value"]
    response, d = watch(lambda: _json(api("east_rep1"), "patch",
                                      f"/api/contracts/contracts/{contract.pk}/", body))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"contracts.Contract": {"title"},
                                 "inbox.Request": {"title", "search_text"}}) == []


def test_signed_contract_is_not_edited_when_a_value_is_posted(world, api):
    contract = world.objects["contract_e"]
    body = _extras(world, title="改签", payment_terms_days=10)
    response, d = watch(lambda: _json(api("east_rep1"), "patch",
                                      f"/api/contracts/contracts/{contract.pk}/", body))
    assert response.status_code == 409, response.content
    assert d.unexpected() == []


def test_amendment_is_a_new_draft_version_when_state_number_and_owner_are_posted(world, api):
    contract = world.objects["contract_e"]
    body = _extras(world, reason="追加数量", value="600000.00")
    response, d = watch(lambda: _json(api("east_rep1"), "post",
                                      f"/api/contracts/contracts/{contract.pk}/amend/", body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"contracts.Contract", "contracts.ContractLine",
                                 "inbox.Request"}) == []
    (amendment,) = d.created_of("contracts.Contract")
    assert {line["contract_id"] for line in d.created_of("contracts.ContractLine")} == {
        amendment["id"]}  # the amendment's own lines, none added to another contract
    assert (amendment["state"], amendment["number"], amendment["version"],
            amendment["owner_id"], amendment["value"]) == (
        "draft", contract.number, 2, contract.owner_id, Decimal("600000.00"))
    assert fresh(contract).state == "signed"


def test_contract_submit_checks_credit_itself_when_no_breach_is_posted(world, api):
    u = world.users
    customer = make_customer(u, "east", "east_rep2", "无额度客户", code=CODES["spare"])
    from workflows.contracts.models import Customer

    Customer.objects.filter(pk=customer.pk).update(credit_limit=Decimal("1000.00"))
    contract = make_contract(u, "east_rep2", customer, "超额合同", submit=False)
    body = _extras(world, credit_breach=False)
    response, d = watch(lambda: _json(api("east_rep2"), "post",
                                      f"/api/contracts/contracts/{contract.pk}/submit/", body))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"contracts.Contract": {"state", "number", "submitted_at",
                                                        "credit_breach", "credit_check"},
                                 **FLOW}, creates=FLOW_CREATES) == []
    after = fresh(contract)
    assert (after.state, after.credit_breach) == ("in_review", True)


def test_milestone_added_open_to_its_contract_when_done_date_and_contract_are_posted(world,
                                                                                      api):
    contract = world.objects["contract_e"]
    due = (TODAY() + timedelta(days=20)).isoformat()
    body = _extras(world, kind="invoice", amount="1000.00", due_date=due,
                   contract=world.pk("contract_s"))
    response, d = watch(lambda: _json(api("east_rep1"), "post",
                                      f"/api/contracts/contracts/{contract.pk}/milestones/",
                                      body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"contracts.Milestone"}) == []
    (milestone,) = d.created_of("contracts.Milestone")
    assert (milestone["contract_id"], milestone["done_date"]) == (contract.pk, None)


def test_milestone_done_changes_only_its_date_when_amount_is_posted(world, api):
    milestone = world.extra["milestone_e"]
    body = _extras(world, done_date=TODAY().isoformat())
    response, d = watch(lambda: _json(api("finance"), "post",
                                      f"/api/contracts/milestones/{milestone.pk}/done/", body))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"contracts.Milestone": {"done_date"}}) == []


def test_problem_raised_by_the_caller_when_raised_by_and_resolution_are_posted(world, api):
    contract = world.objects["contract_e"]
    body = _extras(world, description="到货破损", assignee="east_rep1", resolution="已解决",
                   resolved_at="2001-02-03T04:05:06+00:00")
    response, d = watch(lambda: _json(api("east_rep1"), "post",
                                      f"/api/contracts/contracts/{contract.pk}/problems/",
                                      body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"contracts.ExecutionProblem"}) == []
    (problem,) = d.created_of("contracts.ExecutionProblem")
    assert (problem["raised_by_id"], problem["resolution"], problem["resolved_at"]) == (
        world.users["east_rep1"].pk, "", None)


def test_problem_resolve_changes_only_the_resolution_when_extras_are_posted(world, api):
    problem = world.extra["problem_e"]
    body = _extras(world, resolution="已补发")
    response, d = watch(lambda: _json(api("east_rep1"), "post",
                                      f"/api/contracts/problems/{problem.pk}/resolve/", body))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"contracts.ExecutionProblem": {
        "resolution", "resolved_at", "resolved_by_id"}}) == []


# --- plans ------------------------------------------------------------------------------------


def test_plan_created_as_the_gms_draft_when_state_author_and_number_are_posted(world, api):
    body = _extras(world, fiscal_year=NEXT + 3, target="24000000.00", title="远期计划")
    response, d = watch(lambda: _json(api("gm"), "post", "/api/plans/plans/", body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"plans.Plan", "plans.RegionMonth", "plans.PersonMonth",
                                 "inbox.Request"}) == []
    (plan,) = d.created_of("plans.Plan")
    assert (plan["state"], plan["author_id"], plan["version"], plan["target"],
            plan["published_at"]) == ("draft", world.users["gm"].pk, 1,
                                       Decimal("24000000.00"), None)
    assert "HACK" not in plan["number"]


def test_plan_edit_changes_only_what_was_typed_when_state_and_target_are_posted(world, api):
    plan = world.objects["plan_draft"]
    body = _extras(world, title="改过的计划")
    response, d = watch(lambda: _json(api("gm"), "patch", f"/api/plans/plans/{plan.pk}/",
                                      body))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"plans.Plan": {"title"},
                                 "inbox.Request": {"title", "search_text"}}) == []


def test_published_plan_is_not_edited_when_title_and_target_are_posted(world, api):
    plan = world.objects["plan_pub"]
    response, d = watch(lambda: _json(api("gm"), "patch", f"/api/plans/plans/{plan.pk}/",
                                      _extras(world, title="改", strategy="改")))
    assert response.status_code == 409, response.content
    assert d.unexpected() == []


def test_published_plan_allocations_are_not_replaced_when_put(world, api):
    plan = world.objects["plan_pub"]
    client = api("gm")
    grid = client.get(f"/api/plans/plans/{plan.pk}/allocations/").json()
    body = _extras(world, **{k: grid[k] for k in ("target", "regions") if k in grid})
    response, d = watch(lambda: _json(client, "put",
                                      f"/api/plans/plans/{plan.pk}/allocations/", body))
    assert response.status_code == 409, response.content
    assert d.unexpected() == []


def test_revision_is_a_new_draft_version_when_state_and_author_are_posted(world, api):
    plan = world.objects["plan_pub"]
    response, d = watch(lambda: _json(api("gm"), "post",
                                      f"/api/plans/plans/{plan.pk}/revise/",
                                      _extras(world, reason="上调华东")))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"plans.Plan", "plans.RegionMonth", "plans.PersonMonth",
                                 "inbox.Request"}) == []
    (revision,) = d.created_of("plans.Plan")
    assert (revision["state"], revision["version"], revision["author_id"]) == (
        "draft", 2, world.users["gm"].pk)
    assert fresh(plan).state == "published"


def test_plan_submit_goes_to_the_regions_when_published_is_posted(world, api):
    plan = world.objects["plan_draft"]
    response, d = watch(lambda: _json(api("gm"), "post",
                                      f"/api/plans/plans/{plan.pk}/submit/",
                                      _extras(world, state="published", comment="请确认")))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"plans.Plan": {"state", "submitted_at", "return_note"},
                                 **FLOW}, creates={"inbox.Request", *FLOW_CREATES}) == []
    assert fresh(plan).state == "confirming"


def test_actual_recorded_by_the_caller_when_recorded_by_and_source_are_posted(world, api):
    plan = world.objects["plan_pub"]
    body = _extras(world, salesperson="east_rep1", month=1, amount="5000.00",
                   recorded_by=world.users["admin"].pk, source="imported")
    response, d = watch(lambda: _json(api("gm"), "post",
                                      f"/api/plans/plans/{plan.pk}/actuals/", body))
    assert response.status_code in (200, 201), response.content
    assert d.unexpected(creates={"plans.Actual"}) == []
    (actual,) = d.created_of("plans.Actual")
    assert (actual["recorded_by_id"], actual["amount"], actual["source"]) == (
        world.users["gm"].pk, Decimal("5000.00"), "entered")


def test_finance_records_actuals_when_posting_to_a_published_plan(world, api, login):
    plan = world.objects["plan_pub"]
    response = _json(api("finance"), "post", f"/api/plans/plans/{plan.pk}/actuals/",
                     {"salesperson": "east_rep1", "month": 1, "amount": "5000.00"})
    assert response.status_code in (200, 201), response.content
    assert login("finance").get(f"/plans/{plan.pk}/actuals/").status_code == 200


# --- risks ------------------------------------------------------------------------------------


def _risk(world, **kwargs):
    from core.org.models import Region
    from workflows.risks.services import risk_create

    return risk_create(actor=world.users["east_rep1"], type="market", title="新风险",
                       region=Region.objects.get(code="east"), likelihood=2, impact=3,
                       **kwargs)


def test_risk_identified_by_the_caller_when_state_level_and_people_are_posted(world, api):
    body = _extras(world, type="credit", title="新风险", likelihood=4, impact=4)
    del body["owner"]
    response, d = watch(lambda: _json(api("east_rep1"), "post", "/api/risks/risks/", body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"risks.Risk", "risks.Assessment", "inbox.Request"},
                        changes={"risks.Risk": {"state", "score", "level", "assessed_at",
                                                "likelihood", "impact"}}) == []
    (risk,) = d.created_of("risks.Risk")
    me = world.users["east_rep1"].pk
    assert (risk["owner_id"], risk["identified_by_id"], risk["score"], risk["level"]) == (
        me, me, 16, "high")
    assert "HACK" not in risk["number"]


def test_risk_owner_is_refused_when_a_salesperson_names_someone_else(world, api):
    body = {"type": "credit", "title": "别人的风险", "owner": world.users["admin"].pk}
    response, d = watch(lambda: _json(api("east_rep1"), "post", "/api/risks/risks/", body))
    assert response.status_code in (400, 403), response.content
    assert d.unexpected() == []


def test_assessment_computes_the_level_itself_when_level_and_score_are_posted(world, api):
    risk = _risk(world)
    body = _extras(world, likelihood=5, impact=5, comment="升级")
    response, d = watch(lambda: _json(api("east_rep1"), "post",
                                      f"/api/risks/risks/{risk.pk}/assess/", body))
    assert response.status_code == 200, response.content
    assert d.unexpected(creates={"risks.Assessment"}, changes={
        "risks.Risk": {"likelihood", "impact", "score", "level", "assessed_at", "state",
                       "routed_role"}, "inbox.Request": {"category"}}) == []
    assert (fresh(risk).score, fresh(risk).level) == (25, "critical")


def test_measure_added_open_when_done_date_and_owner_are_posted(world, api):
    risk = _risk(world)
    body = _extras(world, description="调研", due_date=(TODAY() + timedelta(days=5)).isoformat(),
                   owner=world.users["east_rep1"].pk)
    response, d = watch(lambda: _json(api("east_rep1"), "post",
                                      f"/api/risks/risks/{risk.pk}/measures/", body))
    assert response.status_code == 201, response.content
    assert d.unexpected(creates={"risks.Measure"}) == []
    (measure,) = d.created_of("risks.Measure")
    assert (measure["done_date"], measure["owner_id"]) == (None, world.users["east_rep1"].pk)


def test_risk_plan_submit_waits_for_approval_when_a_closed_state_is_posted(world, api):
    risk = _risk(world)
    from workflows.risks.services import measure_add

    measure_add(risk_id=risk.pk, actor=world.users["east_rep1"], description="调研",
                owner=world.users["east_rep1"], due_date=TODAY() + timedelta(days=5))
    response, d = watch(lambda: _json(api("east_rep1"), "post",
                                      f"/api/risks/risks/{risk.pk}/submit/",
                                      _extras(world, state="closed")))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"risks.Risk": {"state", "routed_role"}, **FLOW},
                        creates=FLOW_CREATES) == []
    assert fresh(risk).state == "plan_submitted"


# --- tasks and requests -----------------------------------------------------------------------


def test_approval_is_recorded_as_the_callers_when_decider_and_status_are_posted(world, api):
    claim = world.objects["claim_e"]
    (item,) = open_items("expense", claim)
    body = _extras(world, comment="同意", decision="rejected", assignee=world.users["admin"].pk)
    response, d = watch(lambda: _json(api("east_mgr"), "post",
                                      f"/api/tasks/{item.pk}/approve/", body))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"expenses.ExpenseClaim": {"state", "approved_total"},
                                 "expenses.ExpenseLine": {"approved_amount"}, **FLOW},
                        creates=FLOW_CREATES) == []
    decided = WorkItem.objects.get(pk=item.pk)
    assert (decided.status, decided.decision, decided.decided_by_id, decided.acting_for_id) == (
        WorkItemStatus.DONE, "approved", User.objects.get(username="east_mgr").pk, None)


def test_withdrawal_withdraws_when_an_approved_status_is_posted(world, api):
    claim = world.objects["claim_e"]
    response, d = watch(lambda: _json(api("east_rep1"), "post",
                                      f"/api/requests/expense/{claim.pk}/withdraw/",
                                      _extras(world, reason="重复")))
    assert response.status_code == 200, response.content
    assert d.unexpected(changes={"expenses.ExpenseClaim": {"state"}, **FLOW}) == []
    assert fresh(claim).state == "withdrawn"
