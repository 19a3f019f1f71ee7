"""Issue 9: a state cannot be changed around the FSM. On PostgreSQL each governed model's
trigger (core/fsm_guard.py) refuses `Model.objects.filter(pk=...).update(state=...)` and raw
SQL, while other columns and the services' own transitions still work. The demo model is
covered by tests/core/test_foundation__fsm_guard.py; these are the other processes' models."""

from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django_fsm import FSMField

from core.org.models import Department, Region

GUARD = "state_by_transition_only"


def _claim(u):
    from workflows.expenses.services import claim_create

    day = date.today().replace(day=1)
    return claim_create(actor=u["east_rep1"], category="travel", title="守卫", expense_date=day,
                        lines=[{"date": day, "item_type": "transport", "amount": "100.00",
                                "description": "打车"}])


def _budget(u):
    from workflows.expenses.rules import even_split
    from workflows.expenses.services import budget_create

    quarters, months = even_split(Decimal("12000.00"))
    return budget_create(actor=u["finance"], fiscal_year=2031,
                         department=Department.objects.get(code="sales"), category="other",
                         total=Decimal("12000.00"), quarters=quarters, months=months)


def _contract(u):
    from workflows.contracts.services import contract_create, customer_create

    customer = customer_create(actor=u["east_rep1"], name="守卫客户",
                               credit_code="91350100M000100Y43",
                               region=Region.objects.get(code="east"),
                               account_owner=u["east_rep1"])
    return contract_create(actor=u["east_rep1"], customer=customer, title="守卫合同",
                           value=Decimal("1000.00"))


def _plan(u):
    from workflows.plans.services import plan_create

    return plan_create(actor=u["gm"], fiscal_year=2031, target=Decimal("1200000.00"))


def _risk(u):
    from workflows.risks.services import risk_create

    return risk_create(actor=u["east_rep1"], type="market", title="守卫风险")


def _campaign(u):
    from workflows.campaigns.services import campaign_create

    start = date(2031, 5, 10)
    return campaign_create(actor=u["marketing"], theme="守卫活动", type="launch", start=start,
                           end=start, place="上海",
                           lines=[{"category": "marketing", "month": start, "amount": "100.00",
                                   "description": "物料"}])


def _evaluation(u):
    from workflows.campaigns.models import CampaignEvaluation

    # opened as the sweep opens it (services._open_evaluation), on a campaign as it stands
    return CampaignEvaluation.objects.create(campaign=_campaign(u), due=date(2031, 5, 24))


def _submission(u):
    from workflows.forms import demo, services

    demo.install(u["admin"])
    template = services.FormTemplate.objects.get(code="headcount")
    return services.submission_submit(
        actor=u["east_rep1"], template_id=template.pk,
        values={"position": "守卫岗位", "level": "staff", "headcount": 1,
                "requirements": "无"})


def _action_item(u):
    from workflows.forms.models import ActionItem

    sub = _submission(u)
    return ActionItem.objects.create(submission=sub, row=0, owner=u["east_rep2"],
                                     due=date(2031, 5, 24), description="守卫事项")


# model label -> (a maker of a draft, a state the trigger must refuse)
CASES = {
    "expenses.ExpenseClaim": (_claim, "paid"),
    "expenses.Budget": (_budget, "in_force"),
    "contracts.Contract": (_contract, "signed"),
    "plans.Plan": (_plan, "published"),
    "risks.Risk": (_risk, "closed"),
    "campaigns.Campaign": (_campaign, "approved"),
    "campaigns.CampaignEvaluation": (_evaluation, "approved"),
    "forms.Submission": (_submission, "approved"),
    "forms.ActionItem": (_action_item, "done"),
}


def _governed_models():
    return sorted(m._meta.label for m in apps.get_models()
                  if any(isinstance(f, FSMField) and f.protected for f in m._meta.fields))


@pytest.mark.django_db
def test_every_fsm_model_carries_the_trigger_when_its_state_is_protected():
    labels = _governed_models()
    assert labels  # the FSM models exist
    missing = [label for label in labels
               if not any(t.name == GUARD for t in getattr(apps.get_model(label)._meta,
                                                           "triggers", []))]
    assert missing == []
    assert set(CASES) | {"demo.DemoRequest"} == set(labels)  # every one is tested here


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("label", sorted(CASES))
def test_orm_update_of_state_is_refused_when_no_transition_announced_it(personas, label):
    make, target = CASES[label]
    obj = make(personas)
    model = type(obj)
    before = model.objects.filter(pk=obj.pk).values_list("state", flat=True).get()
    with pytest.raises(DatabaseError, match=GUARD), transaction.atomic():
        model.objects.filter(pk=obj.pk).update(state=target)
    table = model._meta.db_table
    with pytest.raises(DatabaseError, match=GUARD), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute(f'UPDATE "{table}" SET "state" = %s WHERE "id" = %s',  # noqa: S608
                       [target, obj.pk])
    assert model.objects.filter(pk=obj.pk).values_list("state", flat=True).get() == before


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("label", sorted(CASES))
def test_other_columns_still_update_when_the_state_is_left_alone(personas, label):
    make, _target = CASES[label]
    obj = make(personas)
    model = type(obj)
    names = {f.name for f in model._meta.fields}
    field = next(f for f in ("title", "theme", "lessons", "reason", "note") if f in names)
    model.objects.filter(pk=obj.pk).update(**{field: "改名"})
    assert model.objects.filter(pk=obj.pk).values_list(field, flat=True).get() == "改名"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_services_still_move_states_when_the_guard_is_on(personas):
    from workflows.contracts.services import contract_submit
    from workflows.expenses.services import budget_submit
    from workflows.plans.services import plan_submit_for_confirmation

    contract = _contract(personas)
    contract_submit(contract_id=contract.pk, actor=personas["east_rep1"])
    budget = _budget(personas)
    budget_submit(budget_id=budget.pk, actor=personas["finance"])
    plan = _plan(personas)
    plan_submit_for_confirmation(plan_id=plan.pk, actor=personas["gm"])
    assert [type(o).objects.filter(pk=o.pk).values_list("state", flat=True).get()
            for o in (contract, budget, plan)] == ["in_review", "submitted", "confirming"]
