from django.urls import path

from . import api

app_name = "reports-api"

urlpatterns = [
    path("", api.ReportListView.as_view(), name="reports"),
    path("<int:pk>/<str:language>.<str:fmt>", api.ReportDownloadView.as_view(), name="download"),
]
