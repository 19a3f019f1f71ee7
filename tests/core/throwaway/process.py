"""A process that exists only in the tests: one folder, one spec, no edit anywhere else."""

from django.utils.translation import gettext_noop

from core import engine
from core.registry import AccessFamily, MatrixSeed, MenuEntry, ProcessSpec, UrlMount

from .flows import ThrowawayFlow

KIND = "zz_throwaway"


def on_decision(request, item, decision, decider, comment):
    if decision == engine.Decision.APPROVED and request.step_index >= len(request.chain):
        return engine.Transition(from_state="sent", to_state="done")
    return None


def on_withdraw(request, actor, reason):
    return engine.Transition(from_state="sent", to_state="withdrawn")


def on_resubmit(request, actor):
    return engine.Transition(from_state="returned", to_state="sent")


SPEC = ProcessSpec(
    kind=KIND,
    label="Throwaway thing",
    flow=ThrowawayFlow,
    on_decision=on_decision,
    on_withdraw=on_withdraw,
    on_resubmit=on_resubmit,
    steps={"tidy_up": "Tidy up"},
    states={"sent": "Sent", "done": "Done"},
    events={"zz_throwaway.poked": gettext_noop("%(actor)s poked the thing")},
    urls=(UrlMount("throwaway/", "tests.core.throwaway.urls"),),
    menu=(MenuEntry("Throwaway things", "throwaway:things", active_prefix="/throwaway/",
                    order=99),),
    matrix=(MatrixSeed(bands=(("0", None, ("line_manager",)),)),),
    access=(AccessFamily("throwaway/<int:thing_id>/", "thing"),),
)
