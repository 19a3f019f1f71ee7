"""The regional confirmations (policy 4.1): one task per region in the plan, for that region's
regional manager, all open at once and all required. A push-back (a return with a reason) sends
the plan back to the sales GM and cancels the other regions' open confirmations."""

from django.utils.translation import gettext as _

from core import engine
from core.exceptions import InvalidInputError, NotYourTaskError
from core.org.models import User

from ..models import Plan
from ..steps import CONFIRM_STEP, KIND, SUBMIT_STEP


def _people(items) -> list[int]:
    people = []
    for item in items:
        if item.assignee_id:
            people.append(item.assignee_id)
        else:
            people.extend(item.candidate_set.values_list("user_id", flat=True))
    return people


def wait_on_regions(request, items=None, *, since=None) -> None:
    """The request waits on every region still open, under one step name (the caller saves)."""
    items = engine.open_items(request, step_code=CONFIRM_STEP) if items is None else items
    engine.set_waiting(request, step=CONFIRM_STEP, user_ids=_people(items), since=since,
                       save=False)


def on_region_decision(request, item, decision, decider, comment,
                       plan: Plan) -> engine.Transition:
    before = plan.state
    region = (item.task.data or {}).get("region", "")
    if decision == engine.Decision.RETURNED:
        # viewflow's join cancels the other branches' tasks; their inbox rows go with them.
        engine.cancel_open_items(request, keep=[item.pk])
        plan.return_for_revision(by=decider.actor, note=comment)
        plan.save()
        return engine.Transition(from_state=before, to_state=plan.state,
                                 changes={"region": [None, region]})
    remaining = list(engine.open_items(request, step_code=CONFIRM_STEP).exclude(pk=item.pk))
    if remaining:
        wait_on_regions(request, remaining, since=request.since)
        return engine.Transition(changes={"region": [None, region]})
    plan.confirm()
    plan.save()
    # Every region agreed: the request waits on the sales GM's submission to the CEO.
    engine.set_waiting(request, step=SUBMIT_STEP, user_ids=[plan.author_id], save=False)
    return engine.Transition(from_state=before, to_state=plan.state,
                             changes={"region": [None, region]})


def confirmations_held(plan: Plan, user: User):
    """The open confirmations of this plan that the user holds, may claim, or holds for someone
    they act for (by id)."""
    open_ = engine.items_of(KIND, plan.pk).filter(status=engine.WorkItemStatus.OPEN,
                                                  step_code=CONFIRM_STEP)
    return engine.held_by(user, open_).select_related("task").order_by("pk")


def confirmation_for(plan: Plan, user: User, region_code: str = ""):
    """The open confirmation of this plan that the user holds, may claim, or holds for someone
    they act for; of the given region when they manage several."""
    found = [i for i in confirmations_held(plan, user)
             if not region_code or (i.task.data or {}).get("region") == region_code]
    if len(found) > 1 and not region_code:
        raise InvalidInputError(_("You confirm for several regions: choose one."),
                                fields={"region": [_("Choose a region.")]})
    return found[0] if found else None


def _mine(plan_id: int, actor: User, region_code: str):
    plan = Plan.objects.filter(pk=plan_id).first()
    item = confirmation_for(plan, actor, region_code) if plan else None
    if item is None:
        raise NotYourTaskError(_("No confirmation of this plan is waiting for you."))
    return item


def region_confirm(*, plan_id: int, actor: User, region_code: str = "",
                   comment: str = ""):
    """A regional manager agrees to their region's allocation (the inbox approval)."""
    return engine.task_approve(task_id=_mine(plan_id, actor, region_code).pk, actor=actor,
                               comment=comment)


def region_push_back(*, plan_id: int, actor: User, reason: str,
                     region_code: str = ""):
    """A regional manager pushes back (the inbox return, reason required): the plan goes back
    to the sales GM with the reason."""
    return engine.task_return(task_id=_mine(plan_id, actor, region_code).pk, actor=actor,
                              reason=reason)
