"""What a user may do with a plan: the one permission source the plan page, the API
(`available_actions`) and the services read (DOMAIN.md §3, policy 2.1 and 4.1).

`plan_actions(user, plan)` is who may (their role, authorship or task) *and* when (the plan's
state). A service refuses "who" as a permission (403) and "when" as a state conflict (409), so
it reads the two halves apart: `plan_actions(..., any_state=True)` and ACTION_STATES."""

from core import engine
from core.org import selectors as org
from core.org.models import Role, RoleAssignment, User

from ..models import EDITABLE_STATES, UNDER_WAY_STATES, Plan, PlanState
from ..steps import CONFIRM_STEP, KIND
from .plans import open_task_for

EDIT = "edit"  # title, strategy and the grid (page, API, .xlsx import)
SUBMIT = "submit"  # to the regions (a draft, or a plan returned for revision)
SEND_TO_CEO = "send_to_ceo"  # every region confirmed: to the CEO for sign-off
WITHDRAW = "withdraw"
REVISE = "revise"  # the published plan: draft the next version
CONFIRM, PUSH_BACK = "confirm", "push_back"  # a region's confirmation task
SIGN_OFF, RETURN = "sign_off", "return"  # the CEO's task
RECORD_ACTUAL, IMPORT_ACTUALS = "record_actual", "import_actuals"
ACTIONS = (EDIT, SUBMIT, SEND_TO_CEO, WITHDRAW, REVISE, CONFIRM, PUSH_BACK, SIGN_OFF, RETURN,
           RECORD_ACTUAL, IMPORT_ACTUALS)

# The states an action needs (the others need none, or an open task or request).
ACTION_STATES = {
    EDIT: EDITABLE_STATES,
    SUBMIT: (PlanState.DRAFT, PlanState.RETURNED),
    SEND_TO_CEO: (PlanState.CONFIRMED,),
    REVISE: (PlanState.PUBLISHED,),
}

# Who drafts and revises the plan (policy 2.1); who records actuals for every region.
PLANNERS = (Role.SALES_GM,)
RECORDERS = (Role.SALES_GM, Role.FINANCE, Role.ADMINISTRATOR)


def is_planner(user: User) -> bool:
    """The sales GM (not in a read-only role): drafts plans and revises the published one."""
    return not org.is_read_only(user) and org.has_role(user, *PLANNERS)


def recordable_region_ids(user: User) -> set[int] | None:
    """None: every region; otherwise the regions whose actuals the user may record (their own,
    as a regional manager; none for a read-only role)."""
    if org.is_read_only(user):
        return set()
    if org.has_role(user, *RECORDERS) or user.is_superuser:
        return None
    return set(RoleAssignment.objects.filter(user=user, role=Role.REGIONAL_MANAGER,
                                             region__isnull=False)
               .values_list("region_id", flat=True))


def _who(user: User, plan: Plan) -> set[str]:
    if org.is_read_only(user):
        return set()
    out = set()
    if plan.author_id == user.pk:
        out |= {EDIT, SUBMIT, SEND_TO_CEO, WITHDRAW}
    if is_planner(user):
        out |= {SEND_TO_CEO, REVISE}
    allowed = recordable_region_ids(user)
    if allowed is None or allowed:
        out |= {RECORD_ACTUAL, IMPORT_ACTUALS}
    return out


def plan_actions(user: User, plan: Plan, *, any_state: bool = False) -> frozenset[str]:
    """What the user may do with the plan now (any_state: whatever its state, by who they are:
    no task actions then)."""
    who = _who(user, plan)
    if any_state:
        return frozenset(who)
    out = {a for a in who if plan.state in ACTION_STATES.get(a, (plan.state,))}
    if REVISE in out and Plan.objects.filter(number=plan.number,
                                             state__in=UNDER_WAY_STATES).exists():
        out.discard(REVISE)
    if WITHDRAW in out:
        req = engine.request_for(KIND, plan.pk)
        if req is None or not req.is_open:
            out.discard(WITHDRAW)
    task = open_task_for(plan, user)
    if task is not None:
        out |= {CONFIRM, PUSH_BACK} if task.step_code == CONFIRM_STEP else {SIGN_OFF, RETURN}
    return frozenset(out)


def ordered(actions) -> list[str]:
    """The actions in a stable order (the API's `available_actions`)."""
    return [a for a in ACTIONS if a in actions]

