"""Approval analytics across every registered process, read from the engine's own rows
(core.inbox WorkItem and Request): cycle times, SLA compliance, returns, backlog, throughput."""
