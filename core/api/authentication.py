"""Token authentication: django-rest-knox's hashed, expiring tokens (our model
core.org.ApiToken), with the user's roles loaded in the same query, the time of last use kept,
and every token of a user ended by a password change (see auth.py).
Kept apart from the views: DRF imports this while it builds its settings."""

import binascii
from datetime import timedelta
from hmac import compare_digest

from django.conf import settings
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from knox.crypto import hash_token
from knox.settings import CONSTANTS
from rest_framework.exceptions import AuthenticationFailed

from core.org.backends import deputising, keep_roles, role_codes
from core.org.models import ApiToken

# last_used is written at most this often per token (not a write on every API call).
LAST_USED_GRANULARITY = timedelta(minutes=1)


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, token: bytes):
        try:
            key = token.decode("ascii")
            digest = hash_token(key)
        except (UnicodeDecodeError, TypeError, ValueError, binascii.Error):
            raise AuthenticationFailed(_("Invalid token.")) from None
        candidates = (ApiToken.objects.select_related("user")
                      .annotate(role_codes=role_codes("token"), deputising=deputising("token"))
                      .filter(token_key=key[:CONSTANTS.TOKEN_KEY_LENGTH]))
        found = next((t for t in candidates if compare_digest(t.digest, digest)), None)
        if found is None:
            raise AuthenticationFailed(_("Invalid token."))
        now = timezone.now()
        if found.expiry is not None and found.expiry <= now:
            found.delete()
            raise AuthenticationFailed(
                _("This token has expired: ask /api/auth/token/ for a new one."))
        user = keep_roles(found.user, found.role_codes, found.deputising)
        if not user.is_active:
            raise AuthenticationFailed(_("User inactive or deleted."))
        if found.last_used is None or now - found.last_used >= LAST_USED_GRANULARITY:
            ApiToken.objects.filter(pk=found.pk).update(last_used=now)
            found.last_used = now
        return user, found


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def _end_tokens_on_password_change(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    old = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if old is not None and old != instance.password:
        ApiToken.objects.filter(user_id=instance.pk).delete()


class TokenScheme(OpenApiAuthenticationExtension):
    """The schema's security scheme for these tokens (`Authorization: Token <token>`)."""

    target_class = ExpiringTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(header_name="Authorization",
                                                   token_prefix="Token")  # nosec B106: a header word
