from django.urls import path

from . import views

app_name = "inbox"

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/tasks/<int:task_id>/", views.task_detail, name="task"),
]
