"""The plan process's kind, step codes and step labels: read by its flow, services, pages and
spec, so that none of them imports another for a name. STEPS is the one place a step's label
is written (the spec, the flow's task titles and the pages read it)."""

from django.utils.translation import gettext_lazy as _

KIND = "plan"

CONFIRM_STEP = "confirm_region"  # one parallel task per region, for its regional manager
SUBMIT_STEP = "sales_gm_submit"  # the sales GM sends the confirmed plan to the CEO

STEPS = {
    CONFIRM_STEP: _("Regional confirmation"),
    SUBMIT_STEP: _("Sales GM submits to the CEO"),
}

# The flow's node for the sales GM's submission: not an inbox task, the services run it (and a
# withdrawal cancels it) through the engine by this name.
SUBMIT_NODE = "submit_to_ceo"
