"""The risk process's kind: read by its flow, services, pages and spec."""

KIND = "risk"
