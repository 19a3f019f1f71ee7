from django.urls import path

from .api import risks, work

app_name = "risks-api"

urlpatterns = [
    path("risks/", risks.RiskListView.as_view(), name="risks"),
    path("risks/<int:pk>/", risks.RiskDetailView.as_view(), name="risk"),
    path("risks/<int:pk>/assess/", risks.RiskAssessView.as_view(), name="risk-assess"),
    path("risks/<int:pk>/submit/", risks.RiskSubmitView.as_view(), name="risk-submit"),
    path("risks/<int:pk>/close/", risks.RiskCloseView.as_view(), name="risk-close"),
    path("risks/<int:pk>/measures/", work.MeasureListView.as_view(), name="risk-measures"),
    path("risks/<int:pk>/measures/<int:measure_id>/done/", work.MeasureDoneView.as_view(),
         name="risk-measure-done"),
    path("risks/<int:pk>/reviews/", work.ReviewListView.as_view(), name="risk-reviews"),
    path("risks/<int:pk>/reviews/<int:review_id>/complete/", work.ReviewCompleteView.as_view(),
         name="risk-review-complete"),
    path("heatmap/", risks.HeatmapView.as_view(), name="heatmap"),
    path("summary/", risks.SummaryView.as_view(), name="summary"),
]
