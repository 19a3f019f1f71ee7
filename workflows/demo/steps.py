"""The demo process's kind and step codes: read by its flow, services, pages and spec, so
that none of them imports another for a name."""

KIND = "demo"
