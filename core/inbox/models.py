from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Process, Task

from core.kinds import KindField
from core.money import MoneyField


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    RETURNED = "returned", _("Returned for revision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    DONE = "done", _("Done")


OPEN_REQUEST_STATES = (RequestStatus.IN_REVIEW, RequestStatus.RETURNED)


class Request(models.Model):
    """The header every governed object shares: what a submitter tracks, across processes.

    The domain object (claim, contract, ...) keeps its own FSM state; this row mirrors what the
    lists need so that "my requests" is one indexed query over one table.
    """

    kind = KindField(_("process"))
    object_id = models.BigIntegerField(_("object id"))
    number = models.CharField(_("number"), max_length=40, blank=True, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    # The other side of the request where it has one (a contract's customer), for the search.
    party = models.CharField(_("customer"), max_length=200, blank=True, default="")
    amount = MoneyField(_("amount"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    category = models.CharField(_("category"), max_length=32, blank=True)
    region = models.ForeignKey(
        "org.Region", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("region")
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="requests_submitted",
        verbose_name=_("submitter"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    process = models.OneToOneField(
        Process, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The resolved approval chain: [{"code", "label", "candidates": [ids], "note"}], and where
    # the request stands in it. Recomputed on every (re)submission.
    chain = models.JSONField(default=list, blank=True)
    extra_steps = models.JSONField(default=list, blank=True)  # added by the process, e.g. sales_gm
    # 加签 on stages outside the chain (core/inbox/stages.py): per stage (keyed by the task the
    # flow opened for it) the signers in order, which of them signs now and their tasks.
    stages = models.JSONField(default=dict, blank=True, db_default={})
    step_index = models.PositiveSmallIntegerField(default=0)
    current_step = models.CharField(_("current step"), max_length=100, blank=True)
    waiting_on_ids = models.JSONField(_("waiting on"), default=list, blank=True)
    waiting_on_names = models.CharField(_("waiting on"), max_length=300, blank=True)
    last_decision = models.CharField(max_length=16, blank=True)
    # Counts the (re)submissions: a task belongs to the round it opened in, and nobody decides
    # two steps of one round (core.inbox.segregation).
    round = models.PositiveIntegerField(default=0, db_default=0)
    return_to_step = models.SmallIntegerField(null=True, blank=True)
    # Returned to the submitter with "bring it straight back": the step code that returned it
    # (ProcessSpec.resubmit_to); the resubmission resumes there. Blank: the route restarts.
    resume_step = models.CharField(max_length=40, blank=True, default="", db_default="")
    since = models.DateTimeField(_("in this state since"), default=timezone.now)
    created = models.DateTimeField(_("created"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # Number, title, customer, submitter's name and username, lower case: what the one search
    # box matches (a pg_trgm GIN index, migration 0015). Kept by `save()`, the engine's
    # `update_request` and a renamed user (core.inbox.search); never edited by hand.
    search_text = models.TextField(blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="uniq_request_object")
        ]
        indexes = [
            models.Index(fields=["submitter", "-since"], name="request_submitter_since"),
            models.Index(fields=["status", "-since"], name="request_status_since"),
            # analytics: the open requests submitted longest ago
            models.Index(fields=["submitted_at"], name="request_open_submitted",
                         condition=Q(status__in=OPEN_REQUEST_STATES)),
            # analytics: the backlog under a region or amount-band filter joins the open
            # tasks to these, read index-only (docs/PERFORMANCE.md section 23)
            models.Index(fields=["region"], include=["id"], name="request_region_ids"),
            models.Index(fields=["amount"], include=["id"], name="request_amount_ids"),
        ]

    def __str__(self):
        return f"{self.number or self.pk} {self.title}"

    def save(self, *args, **kwargs):
        from .search import SEARCHED_FIELDS, search_text_of

        update_fields = kwargs.get("update_fields")
        changed = False
        if update_fields is None or SEARCHED_FIELDS & set(update_fields):
            text = search_text_of(self)
            changed, self.search_text = text != self.search_text, text
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)
        if changed:  # the request's tasks are searched by the same words
            WorkItem.objects.filter(request_id=self.pk).update(search_text=self.search_text)

    @property
    def audit_kind(self) -> str:
        return self.kind

    @property
    def waiting_on(self):
        """The people the request waits on (pre-attached for list pages, else one query)."""
        attached = getattr(self, "_waiting_people", None)
        if attached is not None:
            return attached
        from core.org.models import User

        return User.objects.filter(pk__in=self.waiting_on_ids or []).order_by("pk")

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATES


class WorkItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Decided")
    CANCELLED = "cancelled", _("Cancelled")


class Decision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    RETURNED = "returned", _("Returned for revision")
    REVISED = "revised", _("Revised and resubmitted")
    # 加签 "before me": the holder passed the step to added signers first; not a decision
    # (core/inbox/segregation.py counts approvals, rejections and returns only).
    DEFERRED = "deferred", _("Passed to added signers first")


class WorkItem(models.Model):
    """One human task (a viewflow Task) with what the inbox shows and sorts by, as columns.

    Inbox, queue and archive are each one index range scan on this table.
    """

    task = models.OneToOneField(Task, on_delete=models.CASCADE, primary_key=True, related_name="+")
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="work_items")
    kind = KindField()
    step_code = models.CharField(_("step"), max_length=40)
    step_label = models.CharField(_("step"), max_length=100)
    step_index = models.SmallIntegerField(default=0)
    is_revision = models.BooleanField(default=False)
    round = models.PositiveIntegerField(default=0, db_default=0)  # the request's, at opening
    # Who held the step's authority when it opened (its candidates, or the one person it was
    # assigned to): a reassignment must go to one of them, someone above them, or an admin.
    eligible_ids = models.JSONField(default=list, blank=True)
    # Mirrors of the request for sorting and filtering without a join.
    number = models.CharField(max_length=40, blank=True)
    title = models.CharField(max_length=200)
    # the request's search_text, copied so that a task list's search filters the list's own
    # index range without a join (kept with the request's: Request.save, search.refresh)
    search_text = models.TextField(blank=True, default="", editable=False)
    amount = MoneyField(null=True, blank=True)
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_items",
        verbose_name=_("assignee"),
    )
    candidates = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Candidate", through_fields=("work_item", "user"),
        related_name="+", blank=True
    )
    status = models.CharField(
        max_length=16, choices=WorkItemStatus.choices, default=WorkItemStatus.OPEN
    )
    created = models.DateTimeField(default=timezone.now)
    # When a person first held the task: its opening when it was assigned straight away, the
    # claim (or a decision straight from the queue, or a reassignment) for a queued task; a
    # release back to the queue clears it. Analytics: waiting = created -> taken_at, worked =
    # taken_at -> decided_at (viewflow's Task.assigned is never filled and Task.started is set
    # in the same transaction as the decision, so neither tells these apart).
    taken_at = models.DateTimeField(null=True, blank=True)
    due = models.DateTimeField(_("due"), null=True, blank=True)
    remind_at = models.DateTimeField(null=True, blank=True)
    reminded = models.BooleanField(default=False)
    # Automatic reminders sent for this task (the sweep's, one per deadline), for analytics.
    reminders = models.PositiveSmallIntegerField(default=0, db_default=0)
    escalation_level = models.PositiveSmallIntegerField(default=0)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acting_for = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=16, choices=Decision.choices, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [
            # inbox: open tasks of an assignee, most urgent first (NULL assignee = queue rows,
            # excluded so the index stays small)
            models.Index(
                fields=["assignee", "due", "created"],
                name="workitem_inbox",
                condition=Q(status="open", assignee__isnull=False),
                # the four-eyes rule's columns (selectors.decidable_q): the inbox's count and
                # page are index-only scans, no task row read
                include=["request", "step_code", "round", "is_revision", "submitter"],
            ),
            # archive: what a person decided, newest first
            models.Index(
                fields=["decided_by", "-decided_at"],
                name="workitem_archive",
                condition=Q(status="done"),
            ),
            # analytics: decisions by time (the daily facts' refresh, today's live figures,
            # the drill-down lists)
            models.Index(fields=["decided_at"], name="workitem_decided",
                         condition=Q(status="done")),
            models.Index(fields=["kind", "step_code", "decided_at"], name="workitem_step_decided",
                         condition=Q(status="done")),
            # analytics: the open approval tasks by age (the backlog), index-only (the
            # request too: a filter by region or amount band joins on it)
            models.Index(fields=["kind", "created"], include=["due", "request"],
                         name="workitem_backlog_req",
                         condition=Q(status="open", is_revision=False)),
            # sweeps: open tasks by deadline and reminder time
            models.Index(fields=["due"], name="workitem_due", condition=Q(status="open")),
            models.Index(
                fields=["remind_at"],
                name="workitem_remind",
                condition=Q(status="open", reminded=False),
            ),
        ]

    def __str__(self):
        return f"{self.step_label} · {self.number or self.title}"

    @property
    def is_open(self) -> bool:
        return self.status == WorkItemStatus.OPEN

    @property
    def overdue(self) -> bool:
        return self.is_open and self.due is not None and self.due < timezone.now()


class Candidate(models.Model):
    """Who may claim an unassigned task (queue). Resolved from the authority chain.

    `open`, `due` and `created` mirror the task so that a queue is one range scan of the
    (user, due, created) partial index, however many tasks wait in it.
    """

    work_item = models.ForeignKey(WorkItem, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    open = models.BooleanField(default=True)  # the task is open and nobody has claimed it
    due = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)
    # What segregation of duties reads (core.inbox.segregation), copied from the task when the
    # candidate is made (none of them changes afterwards): the menu's queue count applies the
    # four-eyes rule on the index alone, without joining thousands of tasks.
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="+",
                                db_index=False)
    step_code = models.CharField(max_length=40)
    round = models.PositiveIntegerField(default=0)
    is_revision = models.BooleanField(default=False)
    submitter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+", db_index=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "work_item"], name="uniq_candidate")
        ]
        indexes = [
            models.Index(
                fields=["user", "due", "created"], name="candidate_queue", condition=Q(open=True),
                include=["work_item", "request", "step_code", "round", "is_revision",
                         "submitter"],
            )
        ]

    def __str__(self):
        return f"{self.user_id} may claim {self.work_item_id}"


class SLARule(models.Model):
    """Working hours allowed for a step (process kind × step code); '*' is any step."""

    kind = KindField(_("process"))
    step_code = models.CharField(_("step"), max_length=40, default="*")
    hours = models.DecimalField(_("working hours"), max_digits=6, decimal_places=2)
    remind_before_hours = models.DecimalField(
        _("remind before (working hours)"), max_digits=6, decimal_places=2, default=4
    )

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        constraints = [
            models.UniqueConstraint(fields=["kind", "step_code"], name="uniq_sla_rule"),
            models.CheckConstraint(condition=Q(hours__gt=0), name="sla_hours_positive"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} / {self.step_code}: {self.hours} h"


class Holiday(models.Model):
    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date} {self.name}"


class Escalation(models.Model):
    """An escalation happens once per (task, level): the unique key is the guarantee."""

    work_item = models.ForeignKey(WorkItem, on_delete=models.CASCADE, related_name="escalations")
    level = models.PositiveSmallIntegerField()
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["work_item", "level"], name="uniq_escalation_level")
        ]

    def __str__(self):
        return f"task {self.work_item_id} level {self.level}"


class NotificationKind(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned to you")
    CLAIMED = "claimed", _("Claimed")
    DECIDED = "decided", _("Decided")
    RETURNED = "returned", _("Returned for revision")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REMINDER = "reminder", _("Deadline approaching")
    ESCALATED = "escalated", _("Escalated")
    URGENT = "urgent", _("Urgent: someone is waiting on you")
    COPIED = "copied", _("Copied to you")
    MENTIONED = "mentioned", _("Mentioned you")
    OUT_OF_OFFICE = "out_of_office", _("Out of office")
    REPORT = "report", _("Report ready")


class Urge(models.Model):
    """催办: someone asked the holder(s) of an open task to act now. One row per urge: the
    page counts them and the next urge of the task waits a working interval after the last."""

    work_item = models.ForeignKey(WorkItem, on_delete=models.CASCADE, related_name="urges")
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="urges")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recipient_ids = models.JSONField(default=list, blank=True)
    comment = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["work_item", "-created"], name="urge_latest")]

    def __str__(self):
        return f"urge of task {self.work_item_id} at {self.created:%Y-%m-%d %H:%M}"


class CarbonCopy(models.Model):
    """抄送: a person copied on a request. They read it (page, API, attachments) and may
    comment, never decide; `read_at` marks it seen on their "copied to me" list."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="copies")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="copies")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    created = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # copied by a rule of the process (ProcessSpec.cc_rules), not by a person: the rule's
    # sentence, untranslated (gettext_noop), rendered in the reader's language
    rule = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "person"],
                                               name="carbon_copy_once")]
        indexes = [models.Index(fields=["person", "-created"], name="carbon_copy_person")]

    def __str__(self):
        return f"request {self.request_id} copied to user {self.person_id}"


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=16, choices=NotificationKind.choices)
    request = models.ForeignKey(Request, on_delete=models.CASCADE, null=True, related_name="+")
    # What to say, rendered when read in the reader's language (core.inbox.rendering):
    # an untranslated sentence, its parameters, and the page as (url name, kwargs).
    message = models.CharField(max_length=300, blank=True)
    params = models.JSONField(default=dict, blank=True)
    target = models.JSONField(null=True, blank=True)
    # Rows written before notifications were rendered when read keep their frozen text.
    text = models.CharField(max_length=300, blank=True)
    url = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # The same notification delivered twice (a redelivered Celery message) is one row.
    dedupe_key = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["-created"]
        indexes = [
            models.Index(
                fields=["recipient", "-created"],
                name="notification_unread",
                condition=Q(read_at__isnull=True),
            ),
            models.Index(fields=["recipient", "-created"], name="notification_recipient"),
        ]

    def __str__(self):
        return self.display

    @property
    def display(self) -> str:
        from .rendering import render_message

        return render_message(self.message, self.params) if self.message else self.text

    @property
    def link(self) -> str:
        from .rendering import resolve_target

        return resolve_target(self.target) if self.target else self.url


def idempotency_key_age() -> timedelta:
    """How long an Idempotency-Key is remembered (IDEMPOTENCY_KEY_AGE seconds, default 24 h):
    the sweep deletes older records, and an older key is treated as new until it does."""
    return timedelta(seconds=getattr(settings, "IDEMPOTENCY_KEY_AGE", 24 * 3600))


class IdempotencyRecord(models.Model):
    """The first response to a POST carrying an Idempotency-Key, replayed for repeats."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=300)
    status_code = models.PositiveSmallIntegerField()
    response = models.JSONField(default=dict)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="uniq_idempotency_key")
        ]
        indexes = [models.Index(fields=["created"], name="inbox_idempotency_created")]

    def __str__(self):
        return f"{self.user_id}:{self.key}"


def _attachment_path(instance, filename):
    # Stored under a generated name (token + checked extension); the uploader's file name is kept
    # only as display text.
    return f"attachments/{instance.request_id}/{filename}"


class Attachment(models.Model):
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="attachments")
    token = models.CharField(max_length=40, unique=True)
    file = models.FileField(upload_to=_attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created"]

    def __str__(self):
        return self.original_name


class DocumentSequence(models.Model):
    """Per-prefix counters for document numbers (BX-2026-000001, HT-2026-000001, ...)."""

    prefix = models.CharField(max_length=20, unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.prefix}: {self.last}"


class OutboxMessage(models.Model):
    """A Celery job written in the same transaction as the change that causes it (transactional
    outbox): published after commit, and if the broker is down it waits here until a relay
    (the periodic sweep, or `manage.py outbox --loop`) sends it. The jobs are idempotent, so a
    message published twice (sent, then the relay ran before it was marked) does no harm."""

    task = models.CharField(max_length=120)
    kwargs = models.JSONField(default=dict)
    key = models.CharField(max_length=160, blank=True)
    created = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["created"], name="outbox_pending",
                         condition=Q(sent_at__isnull=True)),
        ]

    def __str__(self):
        return f"{self.task} {self.key}"


class SavedFilter(models.Model):
    """A search and filter a user named on one list page, to apply again with one click. Only
    its owner lists, applies or deletes it (core.inbox.search)."""

    class Page(models.TextChoices):
        TASKS = "tasks", _("Tasks")
        REQUESTS = "requests", _("Requests")
        AUDIT = "audit", _("Audit trail")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="saved_filters")
    page = models.CharField(_("page"), max_length=16, choices=Page.choices)
    name = models.CharField(_("name"), max_length=60)
    # The list's query string, reduced to the parameters that page knows (search.clean_query).
    query = models.CharField(_("filter"), max_length=1000, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "page", "name"], name="uniq_saved_filter")
        ]

    def __str__(self):
        return self.name
