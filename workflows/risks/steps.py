"""The risk process's kind and step codes: read by its flow, services, pages and spec, so that
none of them imports another for a name. STEPS (code -> label) is the one place the step labels
are written; the spec, the flow and the inbox read them from here."""

from django.utils.translation import gettext_lazy as _

KIND = "risk"

PLAN_STEP, CLOSE_STEP = "plan_review", "close_review"

STEPS = {PLAN_STEP: _("Response plan approval"), CLOSE_STEP: _("Closure approval")}
