"""Single sign-on with OpenID Connect (mozilla-django-oidc), configured from the environment.

The identity provider proves who someone is; it never decides what they may do. A login maps
to an existing, active user — by `preferred_username` = username, else by e-mail (exactly
one) — and is refused otherwise: no user is ever created or changed from the provider's
claims. Password login stays (the demo, installations without a provider).
"""

from django.conf import settings
from django.http import Http404
from mozilla_django_oidc import views as oidc_views
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import User


def enabled() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


class ExistingUserOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        active = User.objects.filter(is_active=True)
        username = str(claims.get("preferred_username") or "").strip()
        if username:
            found = active.filter(username=username)
            if found.exists():
                return found
        email = str(claims.get("email") or "").strip()
        if email and claims.get("email_verified", True) is not False:
            found = active.filter(email__iexact=email)
            if found.count() == 1:
                return found
        return User.objects.none()

    def verify_claims(self, claims):
        return bool(claims.get("preferred_username") or claims.get("email"))

    def create_user(self, claims):  # never: OIDC_CREATE_USER is off, and this makes sure
        return None

    def update_user(self, user, claims):  # the provider's claims never change a user here
        return user


def _only_when_enabled(view):
    def wrapped(request, *args, **kwargs):
        if not enabled():
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


authenticate = _only_when_enabled(oidc_views.OIDCAuthenticationRequestView.as_view())
callback = _only_when_enabled(oidc_views.OIDCAuthenticationCallbackView.as_view())
