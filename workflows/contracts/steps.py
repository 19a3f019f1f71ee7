"""The contract process's kind and step codes: read by its flow, services, pages and spec, so
that none of them imports another for a name. STEPS (code -> label) is the one place the step
labels are written; the spec, the flow and the inbox read them from here."""

from django.utils.translation import gettext_lazy as _

KIND = "contract"

REGIONAL_STEP, LEGAL_STEP, FINANCE_STEP = "regional_review", "legal_review", "credit_review"
# legal and finance review in parallel, after the regional manager
PARALLEL_STEPS = (LEGAL_STEP, FINANCE_STEP)

STEPS = {REGIONAL_STEP: _("Regional manager review"),
         LEGAL_STEP: _("Legal review"),
         FINANCE_STEP: _("Finance credit review")}
