import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One state change or decision. Append-only; each subject's events form a hash chain."""

    seq = models.BigAutoField(_("sequence"), primary_key=True)  # global order of everything
    occurred_at = models.DateTimeField(_("when (UTC)"), default=timezone.now, db_index=True)
    subject_kind = models.CharField(_("subject kind"), max_length=32)
    subject_id = models.CharField(_("subject id"), max_length=64)
    subject_seq = models.PositiveIntegerField(_("position in subject history"))
    subject_number = models.CharField(_("request number"), max_length=40, blank=True, db_index=True)
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, null=True, blank=True, db_index=True
    )
    event = models.CharField(_("event"), max_length=64, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
        db_constraint=True,
    )
    actor_name = models.CharField(_("actor name"), max_length=150)
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acting for"),
    )
    on_behalf_of_name = models.CharField(_("acting for (name)"), max_length=150, blank=True)
    from_state = models.CharField(_("from state"), max_length=32, blank=True)
    to_state = models.CharField(_("to state"), max_length=32, blank=True)
    changes = models.JSONField(_("changed fields"), default=dict, blank=True)
    comment = models.TextField(_("comment or reason"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_kind", "subject_id", "subject_seq"], name="uniq_audit_chain_pos"
            )
        ]
        indexes = [
            models.Index(fields=["actor", "seq"], name="audit_actor_seq"),
            models.Index(fields=["subject_kind", "event", "seq"], name="audit_kind_event_seq"),
        ]
        triggers = [
            # The database itself refuses edits and deletions, whatever the application does.
            pgtrigger.Protect(
                name="audit_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            ),
            pgtrigger.Trigger(
                name="audit_no_truncate",
                operation=pgtrigger.Truncate,
                level=pgtrigger.Statement,
                when=pgtrigger.Before,
                func=(
                    "RAISE EXCEPTION 'audit events are append-only: TRUNCATE refused'; "
                    "RETURN NULL;"
                ),
            ),
            # The chain head follows every appended event, in the same statement: the head
            # cannot disagree with the last event written, and appending costs no UPDATE.
            # (SQLite, for trying the app, gets the same trigger from migration 0003.)
            pgtrigger.Trigger(
                name="audit_head_follows",
                operation=pgtrigger.Insert,
                level=pgtrigger.Row,
                when=pgtrigger.After,
                func=(
                    "UPDATE audit_auditchainhead SET last_subject_seq = NEW.subject_seq, "
                    "last_hash = NEW.hash WHERE subject_kind = NEW.subject_kind "
                    "AND subject_id = NEW.subject_id; RETURN NULL;"
                ),
            ),
        ]

    def __str__(self):
        return f"#{self.seq} {self.event} {self.subject_kind}:{self.subject_id}"


class AuditChainHead(models.Model):
    """The last link of each subject's chain: locked per subject while appending, and compared
    with the events on verification so that a deleted last event is caught too. Created before
    a subject's first event; the database moves it with every event (audit_head_follows)."""

    subject_kind = models.CharField(max_length=32)
    subject_id = models.CharField(max_length=64)
    last_subject_seq = models.PositiveIntegerField(default=0)
    last_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subject_kind", "subject_id"], name="uniq_chain_head")
        ]

    def __str__(self):
        return f"{self.subject_kind}:{self.subject_id} @ {self.last_subject_seq}"


class VerificationRun(models.Model):
    """Each run of the chain verification, so auditors can see when it last passed."""

    started_at = models.DateTimeField(default=timezone.now)
    ok = models.BooleanField()
    events_checked = models.PositiveBigIntegerField()
    seconds = models.FloatField()
    first_broken = models.JSONField(null=True, blank=True)
    # The highest global sequence number this run saw: with events_checked, a checkpoint later
    # runs hold the trail to (no event at or below it may go missing; core/audit/verify.py).
    last_seq = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        get_latest_by = "started_at"

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'BROKEN'}"


class Checkpoint(models.Model):
    """A signed Merkle root over every chain head at one moment (core/audit/checkpoints.py).
    The signature's key is held outside the database, and each checkpoint is also written to a
    file meant to be shipped elsewhere: a rewrite of history, even by the database's owner,
    no longer matches what a checkpoint saw."""

    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    last_seq = models.BigIntegerField(_("last sequence number"))
    events = models.BigIntegerField(_("events"))
    subjects = models.BigIntegerField(_("chains"))
    root = models.CharField(_("Merkle root"), max_length=64)
    key_id = models.CharField(_("key id"), max_length=16)
    signature = models.TextField(_("signature"))
    file_name = models.CharField(_("file"), max_length=200, blank=True)
    # Stores every head, not only those moved since the previous checkpoint: reading a
    # checkpoint's heads starts from the latest full one (AUDIT_CHECKPOINT_FULL_EVERY).
    full = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("audit checkpoint")
        verbose_name_plural = _("audit checkpoints")
        ordering = ["-id"]
        get_latest_by = "id"
        triggers = [
            pgtrigger.Protect(name="checkpoint_append_only",
                              operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.root[:12]}"


class CheckpointLeaf(models.Model):
    """The heads a checkpoint saw that differ from the previous checkpoint's (a delta): the full
    set of checkpoint k is, per subject, its row in the latest checkpoint <= k. Their Merkle
    root must be the signed one, so these rows cannot be changed unnoticed either."""

    checkpoint = models.ForeignKey(Checkpoint, on_delete=models.PROTECT, related_name="leaves")
    subject_kind = models.CharField(max_length=32)
    subject_id = models.CharField(max_length=64)
    position = models.PositiveIntegerField()
    head_hash = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["subject_kind", "subject_id", "checkpoint"],
                                name="audit_cpleaf_subject")]
        triggers = [
            pgtrigger.Protect(name="checkpoint_leaf_append_only",
                              operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self):
        return f"{self.subject_kind}:{self.subject_id} @ {self.position}"
