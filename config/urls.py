from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import registry
from core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("preferences/", core_views.preferences, name="preferences"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            extra_context={"demo_logins": getattr(settings, "DEMO_LOGINS_ALLOWED", False)}
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include("core.api.urls")),
    # every registered process's pages and API (ProcessSpec.urls), longer prefixes first
    *[path(mount.prefix, include(mount.module)) for mount in registry.url_mounts()],
    path("", include("core.inbox.urls")),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
