from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

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
    path("demo/", include("workflows.demo.urls")),
    path("expenses/", include("workflows.expenses.urls")),
    path("api/expenses/", include("workflows.expenses.api_urls")),
    path("contracts/statistics/", include("workflows.contracts.stats_urls")),
    path("contracts/", include("workflows.contracts.urls")),
    path("api/contracts/statistics/", include("workflows.contracts.api_stats_urls")),
    path("api/contracts/", include("workflows.contracts.api_urls")),
    path("plans/", include("workflows.plans.urls")),
    path("api/plans/", include("workflows.plans.api_urls")),
    path("risks/", include("workflows.risks.urls")),
    path("api/risks/", include("workflows.risks.api_urls")),
    path("", include("core.inbox.urls")),
]

handler404 = "core.views.page_not_found"
