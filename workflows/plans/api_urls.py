from django.urls import path

from .api import actuals, grid, plans

app_name = "plans-api"

urlpatterns = [
    path("plans/", plans.PlanListView.as_view(), name="plans"),
    path("plans/<int:pk>/", plans.PlanDetailView.as_view(), name="plan"),
    path("plans/<int:pk>/submit/", plans.PlanSubmitView.as_view(), name="plan-submit"),
    path("plans/<int:pk>/revise/", plans.PlanReviseView.as_view(), name="plan-revise"),
    path("plans/<int:pk>/diff/", plans.PlanDiffView.as_view(), name="plan-diff"),
    path("plans/<int:pk>/allocations/", grid.AllocationsView.as_view(), name="allocations"),
    path("plans/<int:pk>/allocations/import/", grid.AllocationsImportView.as_view(),
         name="allocations-import"),
    path("plans/<int:pk>/export.xlsx", grid.PlanExportView.as_view(), name="plan-export"),
    path("plans/<int:pk>/actuals/", actuals.ActualsView.as_view(), name="actuals"),
    path("plans/<int:pk>/attainment/", actuals.AttainmentView.as_view(), name="attainment"),
]
