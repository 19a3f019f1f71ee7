"""Segregation of duties over a request's steps: nobody decides two steps of one request.

The rule (DOMAIN.md, "four eyes"): nobody may decide a task of a request they submitted or
whose submitter they act for, and nobody may decide two steps of one request in one round —
neither themselves nor through a deputy (a decision taken by a deputy for their principal
counts for both of them). A round is one submission: a resubmission starts the next.

The rule is written twice, once per language, next to each other:

- `prior_deciders(item)` gives `DecisionContext.prior_ids`, which
  `core.authority.services.ensure_can_decide` (the judge of every decision, claim and the task
  page) refuses;
- `core.inbox.selectors.decidable_q(user)` / `claimable_candidates(user)` are the same rule as
  SQL for the inbox, the queue, their counts and the API's `available_actions`, so those never
  list or offer a task the decision would refuse.

Both read `prior_decisions`, and tests/properties check that they agree for every user and
every open task.
"""

from django.db.models import Q, QuerySet

from core.compiled import rows

from .models import Decision, WorkItem, WorkItemStatus

DECISIONS = (Decision.APPROVED, Decision.REJECTED, Decision.RETURNED)
# A holder who passed their step to signers added before them (加签) acted on the request too.
ACTS = (*DECISIONS, Decision.DEFERRED)


def prior_decisions(request_id, step_code, round, opened=None) -> QuerySet[WorkItem]:
    """Decisions taken on the request's other steps in this round, and — given `opened`, when
    the task being decided was opened — the votes given since then on the same step: the
    other signatures of a step several people sign at once (n-of-m, alongside co-signers), so
    that nobody gives two of them, by transfer or as the deputy of two signers.

    The arguments are values or OuterRefs. A round is one submission, up to the submitter's
    resubmission (Request.round): the same manager approves their step again after a revision,
    and a risk's closure is a new submission after its plan's. The same step decided again (a
    return to an earlier step comes back to its holder) is not a second step: that decision
    came before the returned task was opened.
    """
    same_step = Q(step_code=step_code)
    if opened is not None:
        # (a decision without a time is an old row: before, as the rule always read it)
        same_step &= Q(decided_at__lt=opened) | Q(decided_at__isnull=True)
    return (WorkItem.objects.filter(request_id=request_id, round=round,
                                    status=WorkItemStatus.DONE, is_revision=False,
                                    decision__in=ACTS)
            .exclude(same_step))


def _deciders(request_id, step_code, round, opened=None) -> QuerySet:
    return prior_decisions(request_id, step_code, round, opened).values_list(
        "decided_by_id", "acting_for_id")


def prior_deciders(request_id: int, step_code: str, round: int, opened=None, *,
                   compiled: bool = True) -> frozenset[int]:
    """Who decided another step of the request this round (or, given `opened`, another
    signature of this step since the task opened), and whom they acted for. Every decision
    asks this (twice: its own four-eyes check, and whom the next step may go to), so the
    statement is compiled once (core.compiled)."""
    args = {"request_id": request_id, "step_code": step_code, "round": round}
    if opened is not None:
        args["opened"] = opened
    found = rows(("prior_deciders", opened is not None), _deciders, compiled=compiled, **args)
    return frozenset(pk for row in found for pk in row if pk)


def decided_by(*people) -> Q:
    """Decisions taken by any of these people, or for any of them by a deputy."""
    q = Q()
    for person in people:
        q |= Q(decided_by_id=person) | Q(acting_for_id=person)
    return q
