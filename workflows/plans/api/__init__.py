"""The plans REST API (API.md "Processes"): plans, their allocation grid (JSON or .xlsx),
submission, revision and diff, actuals and attainment. Confirmations and the CEO's decision go
through the generic /api/tasks/ endpoints.

Views parse input, check that the plan is visible (404 otherwise, never 403), call one service
or selector and render; the services decide permissions, states and amounts.
"""
