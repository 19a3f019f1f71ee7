from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import demo_views, out_of_office_views, registry
from core import views as core_views
from core.org import oidc

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("preferences/", core_views.preferences, name="preferences"),
    path("preferences/out-of-office/", out_of_office_views.set_out_of_office,
         name="out-of-office-set"),
    path("preferences/out-of-office/<int:pk>/cancel/", out_of_office_views.cancel_out_of_office,
         name="out-of-office-cancel"),
    path("getting-started/", core_views.getting_started, name="getting-started"),
    # The login form; with DEMO_LOGINS_ALLOWED also the one-click personas (core/demo_views.py,
    # whose URLs answer 404 unless that setting is on).
    path("accounts/login/", demo_views.LoginView.as_view(), name="login"),
    path("demo/login/", demo_views.demo_login, name="demo-login"),
    # OpenID Connect single sign-on (core/org/oidc.py): 404 unless OIDC_RP_CLIENT_ID is set.
    path("oidc/authenticate/", oidc.authenticate, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.callback, name="oidc_authentication_callback"),
    path("demo/tour/", demo_views.demo_tour, name="demo-tour"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/reports/", include("workflows.reports.api_urls")),
    path("api/", include("core.api.urls")),
    path("", include("core.channels.urls")),
    path("analytics/", include("core.analytics.urls")),
    path("reports/", include("workflows.reports.urls")),
    # every registered process's pages and API (ProcessSpec.urls), longer prefixes first
    *[path(mount.prefix, include(mount.module)) for mount in registry.url_mounts()],
    path("", include("core.inbox.urls")),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
