"""The demo's own pages: the login page with one-click personas, the persona switch and the
"try this" panel's hide/show. All of it exists only where settings.DEMO_LOGINS_ALLOWED is on
(local and test settings; never config.settings.production): elsewhere each URL is a 404 and
the login page is the plain form."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.org import demo

# Session key: the visitor hid the "try this" panel (kept across persona switches).
TOUR_HIDDEN = "demo_tour_hidden"


def demo_enabled() -> bool:
    return bool(getattr(settings, "DEMO_LOGINS_ALLOWED", False))


class LoginView(auth_views.LoginView):
    """Django's login form; in the demo, also every persona the seed creates, grouped by role,
    each a one-click button (a POST to demo_login) with a line on what they can do."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["demo_logins"] = demo_enabled()
        from core.org import oidc

        context["sso"] = oidc.enabled()
        if context["demo_logins"]:
            context["demo_groups"] = demo.persona_groups()
            context["demo_password"] = demo.DEMO_PASSWORD
        return context


def _safe_next(request, default: str = "/") -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_POST
def demo_login(request):
    """Log in as a demo persona with one click. Exactly what typing the persona's username and
    the public demo password would do (the same authentication backends, django-axes included):
    a persona whose password was changed, or anyone who is not a persona, is not logged in."""
    if not demo_enabled():
        raise Http404
    username = request.POST.get("username", "")
    if demo.persona(username) is None:
        raise Http404
    user = authenticate(request, username=username, password=demo.DEMO_PASSWORD)
    if user is None:
        messages.error(request, _("This demo login is not available: its password was changed "
                                  "or the account is locked or inactive."))
        return redirect("login")
    hidden = request.session.get(TOUR_HIDDEN, False)
    login(request, user)
    if hidden:
        request.session[TOUR_HIDDEN] = True
    return redirect(_safe_next(request))


@require_POST
def demo_tour(request):
    """Hide (or show again) the "try this" panel on the home page."""
    if not demo_enabled() or not request.user.is_authenticated:
        raise Http404
    request.session[TOUR_HIDDEN] = request.POST.get("action") != "show"
    return redirect(_safe_next(request))
