from django.urls import path

from . import api

app_name = "forms-api"

urlpatterns = [
    path("templates/", api.TemplateListView.as_view(), name="templates"),
    path("submissions/", api.SubmissionCreateView.as_view(), name="submissions"),
    path("submissions/<int:pk>/", api.SubmissionDetailView.as_view(), name="submission"),
    path("submissions/<int:pk>/files/", api.SubmissionFilesView.as_view(),
         name="submission-files"),
    path("submissions/<int:pk>/send/", api.SubmissionSendView.as_view(), name="submission-send"),
]
