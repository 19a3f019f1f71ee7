"""The sales contracts REST API (API.md "Processes"): customers and credit limits, contracts and
their versions, execution (milestones, problems) and attachments.

Views parse input, check that the object is visible through workflows.contracts.selectors (404
otherwise, never 403), call one service and render; the services decide permissions and states.
Review decisions are not here: they go through the generic task API (/api/tasks/).
"""
