"""The contract process's kind and step codes: read by its flow, services, pages and spec, so
that none of them imports another for a name."""

KIND = "contract"

REGIONAL_STEP, LEGAL_STEP, FINANCE_STEP = "regional_review", "legal_review", "credit_review"
