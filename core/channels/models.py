from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    FEISHU = "feishu", _("Feishu")
    DINGTALK = "dingtalk", _("DingTalk")
    WECOM = "wecom", _("WeCom")


IM_PLATFORMS = (Channel.FEISHU, Channel.DINGTALK, Channel.WECOM)


class LinkAction(models.TextChoices):
    APPROVE = "approve", _("Approve")
    RETURN = "return", _("Return for revision")
    REJECT = "reject", _("Reject")


class ActionToken(models.Model):
    """A signed action link: one recipient, one task, one decision, single use. Only the
    SHA-256 of the token is kept, so the table does not hold usable links. `stamp` is the task's
    state when the link was issued (who holds it, which round): any change revokes the link."""

    token_hash = models.CharField(max_length=64, unique=True)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="+")
    work_item = models.ForeignKey("inbox.WorkItem", on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=16, choices=LinkAction.choices)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    stamp = models.CharField(max_length=80)
    created = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("action link")
        verbose_name_plural = _("action links")
        indexes = [models.Index(fields=["work_item"], name="actiontoken_item")]

    def __str__(self):
        return f"{self.action} {self.work_item_id} for {self.recipient_id} ({self.channel})"


class Digest(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    HOURLY = "hourly", _("Hourly digest")
    DAILY = "daily", _("Daily digest")


class Preference(models.Model):
    """How a person is reached: the language of what is sent outside the app, and whether task
    e-mails come one by one or as a digest (reminders and escalations always come at once)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                primary_key=True, related_name="channel_preference")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                blank=True)
    email_digest = models.CharField(_("task e-mails"), max_length=10, choices=Digest.choices,
                                    default=Digest.IMMEDIATE)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user_id}: {self.email_digest}"


class PlatformIdentity(models.Model):
    """A person's id on an IM platform (mobile or open id), so that a card @-mentions them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="platform_ids", verbose_name=_("user"))
    platform = models.CharField(_("platform"), max_length=16, choices=Channel.choices)
    external_id = models.CharField(_("platform user id"), max_length=100)

    class Meta:
        verbose_name = _("platform user id")
        verbose_name_plural = _("platform user ids")
        constraints = [models.UniqueConstraint(fields=["user", "platform"],
                                               name="uniq_platform_identity")]

    def __str__(self):
        return f"{self.platform}:{self.external_id}"


class Robot(models.Model):
    """A group robot on Feishu, DingTalk or WeCom. The webhook URL and the signing secret are
    stored encrypted (core.channels.secrets) or named as environment variables; neither is ever
    shown back."""

    name = models.CharField(_("name"), max_length=100)
    platform = models.CharField(_("platform"), max_length=16,
                                choices=[(c.value, c.label) for c in IM_PLATFORMS])
    enabled = models.BooleanField(_("enabled"), default=True)
    webhook_url_enc = models.TextField(blank=True)
    secret_enc = models.TextField(blank=True)
    webhook_url_env = models.CharField(
        _("webhook URL from environment variable"), max_length=64, blank=True,
        help_text=_("Name of an environment variable holding the webhook URL (overrides the "
                    "stored one)."))
    secret_env = models.CharField(
        _("secret from environment variable"), max_length=64, blank=True,
        help_text=_("Name of an environment variable holding the signing secret or robot key "
                    "(overrides the stored one)."))

    class Meta:
        verbose_name = _("IM robot")
        verbose_name_plural = _("IM robots")

    def __str__(self):
        return f"{self.get_platform_display()}: {self.name}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    DEAD = "dead", _("Dead letter")


class Delivery(models.Model):
    """One message to one robot: what was sent, how often it was tried and how it ended.
    Written in the notification job's transaction; sent by core.channels.delivery with
    exponential backoff; after the last attempt it stays as a dead letter an administrator can
    retry."""

    key = models.CharField(max_length=160, unique=True)
    robot = models.ForeignKey(Robot, on_delete=models.CASCADE, related_name="deliveries",
                              verbose_name=_("robot"))
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+")
    request = models.ForeignKey("inbox.Request", on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+")
    payload = models.JSONField(default=dict)
    status = models.CharField(_("status"), max_length=10, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    response_code = models.IntegerField(_("HTTP status"), null=True, blank=True)
    platform_code = models.CharField(_("platform code"), max_length=40, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("delivery log")
        ordering = ["-created"]
        indexes = [models.Index(fields=["next_attempt_at"], name="delivery_due",
                                condition=Q(status="pending"))]

    def __str__(self):
        return f"{self.robot_id} {self.key} {self.status}"


class WebhookEndpoint(models.Model):
    """An administrator's endpoint: every audit-worthy event of a request (submitted, decided,
    returned, withdrawn, escalated, paid, signed, published, ...) whose type matches `events`
    is POSTed as JSON, signed per Standard Webhooks with `secret` (whsec_…, stored
    encrypted, never shown back)."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    events = models.JSONField(
        _("events"), default=list, blank=True,
        help_text=_('Event types to send, e.g. ["expense.approved", "contract.*"]; empty: '
                    "all."))
    secret_enc = models.TextField(blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.name

    def wants(self, event: str) -> bool:
        if not self.events:
            return True
        return any(event == p or (p.endswith(".*") and event.startswith(p[:-1]))
                   for p in self.events)


class WebhookMessage(models.Model):
    """One event for one endpoint. Sent at least once, in the order of the request's audit
    chain (`seq`): a message waits while an earlier one of the same request is unsent."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE,
                                 related_name="messages", verbose_name=_("endpoint"))
    msg_id = models.CharField(_("webhook-id"), max_length=40, unique=True)
    event = models.CharField(_("event"), max_length=60)
    subject_kind = models.CharField(max_length=40)
    subject_id = models.CharField(max_length=40)
    seq = models.PositiveIntegerField()
    payload = models.JSONField(default=dict)
    status = models.CharField(_("status"), max_length=10, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    response_code = models.IntegerField(_("HTTP status"), null=True, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook message")
        verbose_name_plural = _("webhook log")
        ordering = ["-created"]
        indexes = [
            models.Index(fields=["endpoint", "subject_kind", "subject_id", "seq"],
                         name="webhook_chain"),
            models.Index(fields=["next_attempt_at"], name="webhook_due",
                         condition=Q(status="pending")),
        ]

    def __str__(self):
        return f"{self.msg_id} {self.event}"
