from django.urls import path

from .views import detail, register

app_name = "risks"

urlpatterns = [
    path("", register.register, name="register"),
    path("heatmap/", register.heatmap, name="heatmap"),
    path("summary/", register.summary, name="summary"),
    path("new/", register.risk_new, name="risk-new"),
    path("<int:risk_id>/", detail.risk_detail, name="risk"),
    path("<int:risk_id>/assess/", detail.assess, name="assess"),
    path("<int:risk_id>/measures/", detail.measure_add, name="measure-add"),
    path("<int:risk_id>/measures/<int:measure_id>/done/", detail.measure_done,
         name="measure-done"),
    path("<int:risk_id>/submit/", detail.submit, name="submit"),
    path("<int:risk_id>/close/", detail.close, name="close"),
    path("<int:risk_id>/reviews/<int:review_id>/", detail.review, name="review"),
    path("<int:risk_id>/<slug:action>/", detail.request_action, name="request-action"),
]
