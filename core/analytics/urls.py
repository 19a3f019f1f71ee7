from django.urls import path

from . import views

app_name = "analytics"

urlpatterns = [
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/<slug:table>.csv", views.approvals_csv, name="approvals-csv"),
]
