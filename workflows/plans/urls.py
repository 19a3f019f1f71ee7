from django.urls import path

from . import attainment_views, grid_views, views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plans"),
    path("new/", views.plan_new, name="plan-new"),
    path("attainment/", attainment_views.attainment_home, name="attainment-home"),
    path("<int:plan_id>/", views.plan_detail, name="plan"),
    path("<int:plan_id>/details/", views.plan_details, name="plan-details"),
    path("<int:plan_id>/submit/", views.plan_submit, name="plan-submit"),
    path("<int:plan_id>/withdraw/", views.plan_withdraw, name="plan-withdraw"),
    path("<int:plan_id>/decide/<slug:action>/", views.plan_decide, name="plan-decide"),
    path("<int:plan_id>/grid/", grid_views.grid_edit, name="grid"),
    path("<int:plan_id>/import/", grid_views.grid_import, name="grid-import"),
    path("<int:plan_id>/export.xlsx", grid_views.grid_export, name="grid-export"),
    path("<int:plan_id>/revise/", grid_views.plan_revise, name="plan-revise"),
    path("<int:plan_id>/diff/", grid_views.plan_diff, name="plan-diff"),
    path("<int:plan_id>/attainment/", attainment_views.attainment, name="attainment"),
    path("<int:plan_id>/actual-basis/", attainment_views.actual_basis, name="actual-basis"),
    path("<int:plan_id>/actuals/", attainment_views.actuals, name="actuals"),
    path("<int:plan_id>/actuals/import/", attainment_views.actuals_import,
         name="actuals-import"),
]
