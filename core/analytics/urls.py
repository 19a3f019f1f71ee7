from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "analytics"

urlpatterns = [
    # /analytics/ itself is where people type: the approvals page is all there is
    # (signed in first, as every page: the security matrix holds anonymous visitors to the login)
    path("", login_required(RedirectView.as_view(pattern_name="analytics:approvals",
                                                 query_string=True)), name="index"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/csv/", views.approvals_csv, name="approvals-csv"),
    path("approvals/xlsx/", views.approvals_xlsx, name="approvals-xlsx"),
    path("approvals/tasks/", views.tasks, name="tasks"),
]
