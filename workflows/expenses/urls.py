from django.urls import path

app_name = "expenses"
urlpatterns: list = []
