"""Contract statistics over the API."""

from django.urls import path

from . import stats_api

app_name = "contract-stats-api"

urlpatterns = [
    path("", stats_api.StatisticsView.as_view(), name="statistics"),
]
