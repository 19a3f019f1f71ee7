"""The campaign processes' kinds: read by their flows, services, pages and spec, so that none of
them imports another for a name."""

from django.utils.translation import gettext_lazy as _

KIND = "campaign"  # the campaign plan's approval (marketing's head, the sales GM, the CEO)
EVAL_KIND = "campaign_eval"  # the evaluation after it ends, reviewed by the sales GM

# the owner's inbox task "Fill in the evaluation", opened when the campaign ends, due at the end
# of the evaluation's due date; done when the owner sends the evaluation (never by its button)
TASK_KIND = "campaign_eval_task"
TASK_STEP = "campaign_eval_fill"
TASK_STEPS = {TASK_STEP: _("Fill in the evaluation")}

EVALUATION_WORKING_DAYS = 10  # due this many working days after the campaign's last day
