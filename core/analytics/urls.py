from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "analytics"

urlpatterns = [
    # /analytics/ itself is where people type: the approvals page is all there is
    path("", RedirectView.as_view(pattern_name="analytics:approvals", query_string=True),
         name="index"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/csv/", views.approvals_csv, name="approvals-csv"),
    path("approvals/xlsx/", views.approvals_xlsx, name="approvals-xlsx"),
    path("approvals/tasks/", views.tasks, name="tasks"),
]
