"""Pre-aggregated daily facts of the approval analytics (docs/analytics.md "Daily facts"):
derived from the engine's rows, rebuilt at will (`manage.py analytics_facts --rebuild`), kept
up to date by the periodic sweep. Never edited by hand; nothing else refers to them."""

from django.db import models

# Upper bounds (hours) of the duration histogram's buckets; the last bucket is open-ended.
# A percentile read from the facts lies in the bucket(s) holding its rank: its error is at
# most that bucket's width (docs/analytics.md).
BOUNDS = (0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 72, 96, 120, 168, 240, 336, 504,
          720, 1080, 1440)
BUCKETS = len(BOUNDS) + 1


class Metric(models.IntegerChoices):
    CYCLE = 0, "opened -> decided (an approval task)"
    WAIT = 1, "opened -> first held"
    WORK = 2, "first held -> decided"
    PROCESS = 3, "a finished request: first task opened -> last decided (day of the last)"
    REQUESTS = 4, "requests with an approval decided that day (count only)"


class Dim(models.IntegerChoices):
    """One filter dimension per row (`value` its id): facts answer no filter or one of them;
    two or more at once are read from the live rows (few by then)."""

    ALL = 0, "every task"
    APPROVER = 1, "the person who decided"
    REGION = 2, "the request's region"
    DEPARTMENT = 3, "the submitter's department"
    BAND = 4, "the request's amount band (index in figures.AMOUNT_BANDS)"
    # the approvers table under one filter: value = (filter value << 32) + approver id
    APPROVER_REGION = 5, "approver within a region"
    APPROVER_DEPARTMENT = 6, "approver within a department"
    APPROVER_BAND = 7, "approver within an amount band"


class DailyFact(models.Model):
    day = models.DateField()  # Asia/Shanghai, of the decision
    metric = models.SmallIntegerField(choices=Metric.choices)
    kind = models.CharField(max_length=40)
    step_code = models.CharField(max_length=40, blank=True)  # blank: PROCESS, REQUESTS
    dim = models.SmallIntegerField(choices=Dim.choices)
    value = models.BigIntegerField(default=0)
    count = models.IntegerField()
    max_hours = models.FloatField(null=True)
    # the histogram, h0 .. h23: tasks per bucket (BOUNDS); columns so that PostgreSQL sums
    # them in one pass (an array has no SUM)
    for _n in range(BUCKETS):
        locals()[f"h{_n}"] = models.IntegerField(default=0)
    del _n
    # decisions (CYCLE rows only)
    approved = models.IntegerField(default=0)
    rejected = models.IntegerField(default=0)
    returned = models.IntegerField(default=0)
    with_due = models.IntegerField(default=0)
    on_time = models.IntegerField(default=0)
    reminded = models.IntegerField(default=0)
    reminders = models.IntegerField(default=0)
    escalated = models.IntegerField(default=0)
    escalations = models.IntegerField(default=0)
    urges = models.IntegerField(default=0)

    class Meta:
        # a filter reads one (dim, value) over a range of days; the approvers one dim
        constraints = [models.UniqueConstraint(
            fields=["dim", "value", "day", "metric", "kind", "step_code"],
            name="uniq_analytics_fact")]
        indexes = [models.Index(fields=["dim", "day"], name="analytics_fact_dim_day"),
                   models.Index(fields=["day"], name="analytics_fact_day")]

    def __str__(self):
        return f"{self.day} {self.kind}/{self.step_code} m{self.metric} d{self.dim}={self.value}"


class FactState(models.Model):
    """One row: the facts hold every decision made before `refreshed_at` (the cut), on days
    up to `complete_through` (the cut's day, so far); the page adds the decisions after the
    cut from the live rows."""

    complete_through = models.DateField(null=True)
    refreshed_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"facts through {self.complete_through}"
