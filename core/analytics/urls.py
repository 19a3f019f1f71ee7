from django.urls import path

from . import views

app_name = "analytics"

urlpatterns = [
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/csv/", views.approvals_csv, name="approvals-csv"),
    path("approvals/xlsx/", views.approvals_xlsx, name="approvals-xlsx"),
    path("approvals/tasks/", views.tasks, name="tasks"),
]
