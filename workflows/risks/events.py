"""The risk's own audit events in plain language (the engine's approve/reject/return/withdraw
events have their sentences in core). Registered with the process so every history shows them;
each takes %(actor)s only."""

from django.utils.translation import gettext_noop

EVENTS = {
    "risk.identified": gettext_noop("%(actor)s identified the risk"),
    "risk.assessed": gettext_noop("%(actor)s assessed it"),
    "risk.measure_added": gettext_noop("%(actor)s added a measure"),
    "risk.measure_done": gettext_noop("%(actor)s marked a measure done"),
    "risk.plan_adopted": gettext_noop("%(actor)s put the response plan in force (low risk: no "
                                      "approval needed)"),
    "risk.closure_requested": gettext_noop("%(actor)s asked to close the risk"),
    "risk.closed": gettext_noop("%(actor)s closed the risk"),
    "risk.reviewed": gettext_noop("%(actor)s completed a periodic review"),
    "risk.review_due": gettext_noop("A periodic review fell due"),
    "risk.escalated": gettext_noop("The risk was escalated up the line of authority"),
    "risk.collection_overdue": gettext_noop("A collection is overdue by more than 30 days"),
}

# Richer sentences for the risk's own page, by event and escalation reason.
ESCALATIONS = {
    "assessed": gettext_noop("Reported at once to: %(role)s"),
    "measure_overdue": gettext_noop(
        "A measure is overdue: escalated to %(role)s (level %(level)s)"),
}
