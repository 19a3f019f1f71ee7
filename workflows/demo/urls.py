from django.urls import path

from . import views

app_name = "demo"
urlpatterns = [path("new/", views.new_request, name="new")]
