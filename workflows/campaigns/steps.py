"""The campaign processes' kinds: read by their flows, services, pages and spec, so that none of
them imports another for a name."""

KIND = "campaign"  # the campaign plan's approval (marketing's head, the sales GM, the CEO)
EVAL_KIND = "campaign_eval"  # the evaluation after it ends, reviewed by the sales GM

EVALUATION_WORKING_DAYS = 10  # due this many working days after the campaign's last day
