from django.urls import path

from . import views

app_name = "channels"

urlpatterns = [
    path("act/<str:token>/", views.act, name="act"),
    path("preferences/channels/", views.preferences, name="preferences"),
]
