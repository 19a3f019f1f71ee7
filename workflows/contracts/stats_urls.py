"""Contract statistics pages: the page with charts and the CSV."""

from django.urls import path

from . import stats_views

app_name = "contract-stats"

urlpatterns = [
    path("", stats_views.statistics_page, name="statistics"),
    path("csv/", stats_views.statistics_csv, name="csv"),
]
