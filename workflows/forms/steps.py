"""The template process's kind and step codes. A template step that is the submitter's line
manager or a role keeps that code (its label, SLA rules and escalation are the engine's); a
step of named people or of the person chosen in a field is an `approver` step."""

from django.utils.translation import gettext_lazy as _

KIND = "form"
APPROVER_STEP = "form_approver"
STEPS = {APPROVER_STEP: _("Approver")}

# an action item of an approved request (meeting minutes): one task, its owner's, due on the
# item's date, marked done with a note
ACTION_KIND = "form_action"
ACTION_STEP = "form_action_item"
ACTION_STEPS = {ACTION_STEP: _("Action item")}
