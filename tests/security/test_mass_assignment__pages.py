"""Issue 9, mass assignment through the pages: the main write forms (claim, contract, customer,
plan, risk) posted with the extra fields status, state, approved_by, owner, submitter, budget,
number, credit_breach, open_receivables, amount/value; only the form's own fields are saved.
After approval (a paid claim, a signed contract, a published plan) the edit pages change
nothing."""

from decimal import Decimal

import pytest

from core.org.models import Region

from .snapshot import hostile, watch
from .world import CODES, NEXT, claim_day, fresh, make_claim, make_contract, pay_claim

pytestmark = pytest.mark.django_db


def _extras(world, **legit) -> dict:
    return hostile(admin_id=world.users["admin"].pk, budget_id=world.pk("budget"), **legit)


def _claim_form(world, **fields) -> dict:
    day = claim_day().isoformat()
    body = _extras(world, category="travel", title="杭州客户拜访", expense_date=day,
                   purpose="回访")
    body.update(fields)
    body.update({"lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0",
                 "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "1000",
                 "lines-0-date": day, "lines-0-item_type": "transport",
                 "lines-0-description": "高铁往返", "lines-0-amount": "860.00",
                 "lines-0-units": "1", "lines-0-approved_amount": "13.37",
                 "action": "save"})
    return body


def test_claim_form_saves_a_draft_of_its_submitter_when_system_fields_are_posted(world,
                                                                                  login):
    client = login("east_rep1")
    response, d = watch(lambda: client.post("/expenses/claims/new/",
                                                        _claim_form(world)))
    assert response.status_code == 302, response.content[:2000]
    assert d.unexpected(creates={"expenses.ExpenseClaim", "expenses.ExpenseLine",
                                 "inbox.Request"}) == []
    (claim,) = d.created_of("expenses.ExpenseClaim")
    assert (claim["state"], claim["submitter_id"], claim["number"], claim["total"]) == (
        "draft", world.users["east_rep1"].pk, "", Decimal("860.00"))


def test_claim_edit_form_saves_only_the_form_when_system_fields_are_posted(world, login):
    claim = make_claim(world.users, "east_rep1", "草稿", submit=False)
    body = _claim_form(world, title="改过的标题", purpose=claim.purpose)
    client = login("east_rep1")
    response, d = watch(lambda: client.post(f"/expenses/claims/{claim.pk}/edit/", body))
    assert response.status_code == 302, response.content[:2000]
    # The lines are replaced by the form's (same values, new rows).
    assert d.unexpected(changes={"expenses.ExpenseClaim": {"title"},
                                 "inbox.Request": {"title", "search_text"}},
                        creates={"expenses.ExpenseLine"}) == [f"deleted {k}" for k in
                                                             d.deleted]
    assert all(k[0] == "expenses.ExpenseLine" for k in d.deleted)
    assert fresh(claim).title == "改过的标题"


def test_paid_claim_edit_form_changes_nothing_when_amounts_are_posted(world, login):
    claim = pay_claim(world.users, make_claim(world.users, "east_rep1", "已付款"))
    body = _claim_form(world, title="改金额")
    body["lines-0-amount"] = "13.37"
    client = login("east_rep1")
    response, d = watch(lambda: client.post(f"/expenses/claims/{claim.pk}/edit/",
                                                        body))
    assert response.status_code == 302
    assert d.unexpected() == []


def _contract_form(world, **fields) -> dict:
    body = _extras(world, customer=world.pk("customer_e"), title="新合同", value="100000.00",
                   payment_terms_days="30", delivery_terms="货到验收", key_clauses="质保",
                   credit_breach="on", action="save")
    body.update(fields)
    return body


def test_contract_form_saves_the_owners_draft_when_state_number_and_breach_are_posted(
        world, login):
    client = login("east_rep1")
    response, d = watch(lambda: client.post("/contracts/new/",
                                                        _contract_form(world)))
    assert response.status_code == 302, response.content[:2000]
    assert d.unexpected(creates={"contracts.Contract", "contracts.ContractLine",
                                 "inbox.Request"}) == []
    (contract,) = d.created_of("contracts.Contract")
    assert (contract["state"], contract["owner_id"], contract["number"],
            contract["credit_breach"]) == ("draft", world.users["east_rep1"].pk, "", False)
    assert {line["contract_id"] for line in d.created_of("contracts.ContractLine")} == {
        contract["id"]}


def test_signed_contract_edit_form_changes_nothing_when_a_value_is_posted(world, login):
    contract = world.objects["contract_e"]
    body = _contract_form(world, title="改签")
    body["value"] = "13.37"
    client = login("east_rep1")
    response, d = watch(lambda: client.post(f"/contracts/{contract.pk}/edit/",
                                                        body))
    assert response.status_code in (302, 400, 409)
    assert d.unexpected() == []


def test_contract_edit_form_saves_only_the_form_when_system_fields_are_posted(world, login):
    contract = make_contract(world.users, "east_rep1", world.objects["customer_e"], "草稿",
                             submit=False)
    body = _contract_form(world, title="改过的合同", key_clauses=contract.key_clauses,
                          delivery_terms=contract.delivery_terms)
    body["value"] = str(contract.value)
    client = login("east_rep1")
    response, d = watch(lambda: client.post(f"/contracts/{contract.pk}/edit/",
                                                        body))
    assert response.status_code == 302, response.content[:2000]
    assert d.unexpected(changes={"contracts.Contract": {"title"},
                                 "inbox.Request": {"title", "search_text"}}) == []


def test_customer_form_saves_no_limit_or_receivables_when_they_are_posted(world, login):
    body = _extras(world, name="新客户有限公司", credit_code=CODES["spare"],
                   region=Region.objects.get(code="east").pk, rating="B", contacts="",
                   account_owner="")
    client = login("east_rep1")
    response, d = watch(lambda: client.post("/contracts/customers/new/", body))
    assert response.status_code == 302, response.content[:2000]
    assert d.unexpected(creates={"contracts.Customer"}) == []
    (customer,) = d.created_of("contracts.Customer")
    assert (customer["credit_limit"], customer["open_receivables"],
            customer["account_owner_id"]) == (Decimal(0), Decimal(0),
                                              world.users["east_rep1"].pk)


def test_plan_form_saves_the_gms_draft_when_state_author_and_number_are_posted(world, login):
    body = _extras(world, fiscal_year=str(NEXT + 3), target="24000000.00", title="远期计划",
                   strategy="", regions=["east", "south", "north"], spread="even")
    client = login("gm")
    response, d = watch(lambda: client.post("/plans/new/", body))
    assert response.status_code == 302, response.content[:2000]
    assert d.unexpected(creates={"plans.Plan", "plans.RegionMonth", "plans.PersonMonth",
                                 "inbox.Request"}) == []
    (plan,) = d.created_of("plans.Plan")
    assert (plan["state"], plan["author_id"], plan["version"], plan["target"]) == (
        "draft", world.users["gm"].pk, 1, Decimal("24000000.00"))


def test_published_plan_details_form_changes_nothing_when_posted(world, login):
    plan = world.objects["plan_pub"]
    body = _extras(world, title="改", strategy="改")
    client = login("gm")
    response, d = watch(lambda: client.post(f"/plans/{plan.pk}/details/", body))
    assert response.status_code == 302
    assert d.unexpected() == []


def test_risk_form_saves_the_callers_risk_when_state_level_and_people_are_posted(world,
                                                                                  login):
    body = _extras(world, type="credit", title="新风险", description="", region="",
                   customer="", contract="", likelihood="2", impact="2")
    client = login("east_rep1")
    response, d = watch(lambda: client.post("/risks/new/", body))
    assert response.status_code == 302, response.content[:2000]
    assert d.unexpected(creates={"risks.Risk", "risks.Assessment", "inbox.Request"},
                        changes={"risks.Risk": {"state", "score", "level", "assessed_at",
                                                "likelihood", "impact"}}) == []
    (risk,) = d.created_of("risks.Risk")
    me = world.users["east_rep1"].pk
    assert (risk["owner_id"], risk["identified_by_id"], risk["state"], risk["score"]) == (
        me, me, "assessed", 4)
