"""Token authentication with an age limit, and tokens ended by a password change (see auth.py).
Kept apart from the views: DRF imports this while it builds its settings."""

from datetime import timedelta

from django.conf import settings
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

from core.org.backends import deputising, keep_roles, role_codes


def oldest_valid_token():
    age = getattr(settings, "API_TOKEN_AGE", settings.SESSION_COOKIE_AGE)
    return timezone.now() - timedelta(seconds=age)


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        # DRF's lookup, with the user's roles loaded in the same query (core.org.backends).
        try:
            token = (Token.objects.select_related("user")
                     .annotate(role_codes=role_codes("token"), deputising=deputising("token"))
                     .get(key=key))
        except Token.DoesNotExist:
            raise AuthenticationFailed(_("Invalid token.")) from None
        user = keep_roles(token.user, token.role_codes, token.deputising)
        if not user.is_active:
            raise AuthenticationFailed(_("User inactive or deleted."))
        if token.created < oldest_valid_token():
            token.delete()
            raise AuthenticationFailed(
                _("This token has expired: ask /api/auth/token/ for a new one."))
        return user, token


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def _end_token_on_password_change(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    old = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if old is not None and old != instance.password:
        Token.objects.filter(user_id=instance.pk).delete()
