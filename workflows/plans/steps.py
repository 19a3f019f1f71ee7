"""The plan process's kind: read by its flow, services, pages and spec."""

KIND = "plan"
