"""Contract and customer pages (policy 4.4): contracts.py (list, new / edit, submit, amend),
detail.py (the contract page, attachments), execution.py (milestones, problems),
customers.py (customers, credit limits). Shared helpers are in common.py."""
