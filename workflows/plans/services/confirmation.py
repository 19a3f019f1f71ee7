"""The regional confirmations (policy 4.1): one task per region in the plan, for that region's
regional manager, all open at once and all required. A push-back (a return with a reason) sends
the plan back to the sales GM and cancels the other regions' open confirmations."""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.exceptions import InvalidInputError, NotYourTaskError
from core.inbox import engine
from core.inbox import services as inbox
from core.inbox.models import Candidate, Decision, WorkItem, WorkItemStatus
from core.inbox.selectors import acting_q
from core.org import selectors as org
from core.org.models import Region, Role, User
from core.registry import Transition

from ..models import Plan, RegionMonth
from .common import CONFIRM_STEP, SUBMIT_STEP


def regions_to_confirm(activation) -> list[dict]:
    """The split's data source: one confirmation per region the plan allocates to."""
    req = engine.request_of(activation.process)
    ids = RegionMonth.objects.filter(plan_id=req.object_id).values("region_id")
    return [{"region_id": pk, "region": code}
            for pk, code in Region.objects.filter(pk__in=ids).order_by("code")
            .values_list("pk", "code")]


def _people(items) -> list[int]:
    people = []
    for item in items:
        if item.assignee_id:
            people.append(item.assignee_id)
        else:
            people.extend(item.candidate_set.values_list("user_id", flat=True))
    return people


def _open_confirmations(request):
    return WorkItem.objects.filter(request=request, status=WorkItemStatus.OPEN,
                                   step_code=CONFIRM_STEP)


def open_confirmation(activation) -> None:
    """onCreate of a region's confirmation task: its regional manager holds it (their queue if
    the region has several; the administrators if it has none). The plan's author and their
    deputies are never candidates."""
    req = engine.request_of(activation.process)
    region = Region.objects.get(pk=activation.task.data["region_id"])
    excluded = {req.submitter_id} | {d.pk for d in org.deputies_of(req.submitter, kind=req.kind)}
    holders = [u.pk for u in org.holders_of(Role.REGIONAL_MANAGER, region.pk)
               if u.pk not in excluded]
    if not holders:
        holders = [u.pk for u in org.holders_of(Role.ADMINISTRATOR) if u.pk not in excluded]
    task = activation.task
    if len(holders) == 1:
        task.owner_id = holders[0]
        task.status = "ASSIGNED"
        task.save(update_fields=["owner", "status"])
    engine.open_work_item(activation, step_code=CONFIRM_STEP,
                          step_label=_("Regional confirmation: %(region)s") % {"region": region},
                          candidate_ids=holders)
    # The request waits on every region still open, under one step name.
    engine.set_waiting(req, step=CONFIRM_STEP, user_ids=_people(_open_confirmations(req)),
                       save=False)


def on_region_decision(request, item, decision, decider, comment, plan: Plan) -> Transition:
    before = plan.state
    others = _open_confirmations(request).exclude(pk=item.pk)
    region = (item.task.data or {}).get("region", "")
    if decision == Decision.RETURNED:
        # viewflow's join cancels the other branches' tasks; their inbox rows go with them.
        ids = list(others.values_list("pk", flat=True))
        WorkItem.objects.filter(pk__in=ids).update(status=WorkItemStatus.CANCELLED)
        Candidate.objects.filter(work_item_id__in=ids).update(open=False)
        plan.return_for_revision(by=decider.actor, note=comment)
        plan.save()
        return Transition(from_state=before, to_state=plan.state,
                          changes={"region": [None, region]})
    remaining = list(others)
    if remaining:
        engine.set_waiting(request, step=CONFIRM_STEP, user_ids=_people(remaining),
                           since=request.since, save=False)
        return Transition(changes={"region": [None, region]})
    plan.confirm()
    plan.save()
    # Every region agreed: the request waits on the sales GM's submission to the CEO.
    engine.set_waiting(request, step=SUBMIT_STEP, user_ids=[plan.author_id], save=False)
    return Transition(from_state=before, to_state=plan.state,
                      changes={"region": [None, region]})


def confirmation_for(plan: Plan, user: User, region_code: str = "") -> WorkItem | None:
    """The open confirmation of this plan that the user holds, may claim, or holds for someone
    they act for; of the given region when they manage several."""
    items = _open_confirmations_of(plan).filter(
        acting_q(user, "assignee_id")
        | Q(assignee__isnull=True, pk__in=Candidate.objects.filter(
            acting_q(user, "user_id", "work_item__kind")).values("work_item_id"))
    ).select_related("task").order_by("pk")
    found = [i for i in items if not region_code or (i.task.data or {}).get("region")
             == region_code]
    if len(found) > 1 and not region_code:
        raise InvalidInputError(_("You confirm for several regions: choose one."),
                                fields={"region": [_("Choose a region.")]})
    return found[0] if found else None


def _open_confirmations_of(plan: Plan):
    return WorkItem.objects.filter(request__kind="plan", request__object_id=plan.pk,
                                   status=WorkItemStatus.OPEN, step_code=CONFIRM_STEP)


def _mine(plan_id: int, actor: User, region_code: str) -> WorkItem:
    plan = Plan.objects.filter(pk=plan_id).first()
    item = confirmation_for(plan, actor, region_code) if plan else None
    if item is None:
        raise NotYourTaskError(_("No confirmation of this plan is waiting for you."))
    return item


def region_confirm(*, plan_id: int, actor: User, region_code: str = "",
                   comment: str = "") -> WorkItem:
    """A regional manager agrees to their region's allocation (the inbox approval)."""
    return inbox.task_approve(task_id=_mine(plan_id, actor, region_code).pk, actor=actor,
                              comment=comment)


def region_push_back(*, plan_id: int, actor: User, reason: str,
                     region_code: str = "") -> WorkItem:
    """A regional manager pushes back (the inbox return, reason required): the plan goes back
    to the sales GM with the reason."""
    return inbox.task_return(task_id=_mine(plan_id, actor, region_code).pk, actor=actor,
                             reason=reason)
