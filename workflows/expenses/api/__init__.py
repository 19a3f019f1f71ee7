"""The expenses REST API (API.md "Processes"): claims, budgets, standards and the budget monitor.

Views parse input, check that the object is visible (404 otherwise, never 403), call one service
and render; the services decide permissions, states and amounts.
"""
