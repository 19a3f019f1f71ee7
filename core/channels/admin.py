from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from standardwebhooks import Webhook

from core.admin_base import ReadOnlyAdmin

from . import crypto, delivery, identities, webhooks
from .models import (
    ActionToken,
    Delivery,
    DeliveryStatus,
    PlatformIdentity,
    Preference,
    Robot,
    WebhookEndpoint,
    WebhookMessage,
)


class RobotForm(forms.ModelForm):
    """The webhook URL and the secret are write-only: typed in, stored encrypted, never shown
    back (an empty field keeps what is stored)."""

    webhook_url = forms.CharField(
        label=_("webhook URL"), required=False, max_length=500,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the stored one."))
    secret = forms.CharField(
        label=_("signing secret or robot key"), required=False, max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Feishu: the signature secret; DingTalk: the SEC… signing secret; WeCom: "
                    "the robot key. Leave empty to keep the stored one."))

    class Meta:
        model = Robot
        fields = ("name", "platform", "enabled", "webhook_url_env", "secret_env")

    def clean_webhook_url(self):
        value = self.cleaned_data["webhook_url"].strip()
        if value and not value.startswith(("https://", "http://")):
            raise forms.ValidationError(_("Enter an http(s) URL."))
        return value

    def clean(self):
        data = super().clean()
        has_url = (data.get("webhook_url") or data.get("webhook_url_env")
                   or (self.instance.pk and self.instance.webhook_url_enc))
        if not has_url:
            self.add_error("webhook_url", _("Give the webhook URL or the environment "
                                            "variable that holds it."))
        return data

    def save(self, commit=True):
        robot = super().save(commit=False)
        if self.cleaned_data.get("webhook_url"):
            robot.webhook_url_enc = crypto.encrypt(self.cleaned_data["webhook_url"])
        if self.cleaned_data.get("secret"):
            robot.secret_enc = crypto.encrypt(self.cleaned_data["secret"])
        if commit:
            robot.save()
        return robot


@admin.register(Robot)
class RobotAdmin(admin.ModelAdmin):
    form = RobotForm
    list_display = ("name", "platform", "enabled", "url_set", "secret_set")
    list_filter = ("platform", "enabled")

    @admin.display(boolean=True, description=_("webhook URL set"))
    def url_set(self, obj):
        return bool(obj.webhook_url_enc or obj.webhook_url_env)

    @admin.display(boolean=True, description=_("secret set"))
    def secret_set(self, obj):
        return bool(obj.secret_enc or obj.secret_env)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file (username,platform,external_id)"))


@admin.register(PlatformIdentity)
class PlatformIdentityAdmin(admin.ModelAdmin):
    list_display = ("user", "platform", "external_id")
    list_filter = ("platform",)
    search_fields = ("user__username", "external_id")
    autocomplete_fields = ("user",)
    change_list_template = "admin/channels/platformidentity/change_list.html"

    def get_urls(self):
        return [path("import/", self.admin_site.admin_view(self.import_view),
                     name="channels_platformidentity_import"), *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            raw = form.cleaned_data["file"].read(1_000_000)
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                form.add_error("file", _("The file is not UTF-8 text."))
            else:
                saved, errors = identities.import_csv(text)
                messages.success(request, _("%(n)s platform ids saved.") % {"n": saved})
                for error in errors[:50]:
                    messages.error(request, error)
                return redirect("admin:channels_platformidentity_changelist")
        return render(request, "admin/channels/platformidentity/import.html",
                      {**self.admin_site.each_context(request), "form": form,
                       "opts": self.model._meta, "title": _("Import platform user ids")},
                      status=400 if request.method == "POST" else 200)


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "language", "email_digest", "last_digest_at")
    list_filter = ("email_digest", "language")
    autocomplete_fields = ("user",)
    readonly_fields = ("last_digest_at",)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    """The delivery log. The payload holds live action links, so it is not shown."""

    list_display = ("created", "robot", "recipient", "request", "status", "attempts",
                    "response_code", "platform_code", "last_error", "next_attempt_at",
                    "sent_at")
    list_filter = ("status", "robot")
    list_select_related = ("robot", "recipient", "request")
    fields = ("key", "robot", "recipient", "request", "status", "attempts", "response_code",
              "platform_code", "last_error", "created", "next_attempt_at", "sent_at")
    actions = ["retry_now"]

    def has_retry_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    @admin.action(description=_("Retry now"), permissions=["retry"])
    def retry_now(self, request, queryset):
        ids = list(queryset.exclude(status=DeliveryStatus.SENT).values_list("pk", flat=True))
        delivery.retry_now(ids)
        sent = Delivery.objects.filter(pk__in=ids, status=DeliveryStatus.SENT).count()
        messages.info(request, _("%(n)s retried, %(s)s sent.") % {"n": len(ids), "s": sent})


@admin.register(ActionToken)
class ActionTokenAdmin(ReadOnlyAdmin):
    list_display = ("created", "recipient", "work_item", "action", "channel", "expires_at",
                    "used_at", "revoked_at")
    list_filter = ("channel", "action")
    exclude = ("token_hash",)


class WebhookEndpointForm(forms.ModelForm):
    secret = forms.CharField(
        label=_("signing secret"), required=False, max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("A Standard Webhooks secret (whsec_…). Leave empty: a new endpoint gets one "
                    "generated and shown once; an existing one keeps its own."))

    class Meta:
        model = WebhookEndpoint
        fields = ("name", "url", "events", "enabled")

    def clean_secret(self):
        value = self.cleaned_data["secret"].strip()
        if value:
            try:
                Webhook(value)
            except Exception:  # noqa: BLE001 - the library raises on any malformed secret
                raise forms.ValidationError(_("Not a valid whsec_ secret.")) from None
        return value

    def clean_events(self):
        value = self.cleaned_data["events"] or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise forms.ValidationError(_('A list of event types, e.g. ["expense.approved"].'))
        return value


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ("name", "url", "events", "enabled")

    def save_model(self, request, obj, form, change):
        secret = form.cleaned_data.get("secret")
        if not secret and not obj.secret_enc:
            secret = webhooks.new_secret()
            messages.warning(request, _("The endpoint's signing secret, shown only this once: "
                                        "%(s)s") % {"s": secret})
        if secret:
            obj.secret_enc = crypto.encrypt(secret)
        super().save_model(request, obj, form, change)


@admin.register(WebhookMessage)
class WebhookMessageAdmin(ReadOnlyAdmin):
    """The webhook log: per message its attempts, HTTP status and last error; replay."""

    list_display = ("created", "endpoint", "event", "subject_kind", "subject_id", "seq",
                    "status", "attempts", "response_code", "last_error", "sent_at")
    list_filter = ("status", "endpoint", "event")
    search_fields = ("msg_id", "subject_id")
    actions = ["replay"]

    def has_replay_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    @admin.action(description=_("Replay"), permissions=["replay"])
    def replay(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        went = webhooks.replay(ids)
        messages.info(request, _("%(n)s replayed, %(s)s sent.") % {"n": len(ids), "s": went})
