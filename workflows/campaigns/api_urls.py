from django.urls import path

from .api import views

app_name = "campaigns-api"

urlpatterns = [
    path("", views.CampaignListView.as_view(), name="campaigns"),
    path("<int:pk>/", views.CampaignDetailView.as_view(), name="campaign"),
    path("<int:pk>/submit/", views.CampaignSubmitView.as_view(), name="campaign-submit"),
    path("<int:pk>/cancel/", views.CampaignCancelView.as_view(), name="campaign-cancel"),
    path("<int:pk>/evaluation/", views.CampaignEvaluationView.as_view(),
         name="campaign-evaluation"),
]
