from django.urls import path

from .api import attachments, budgets, claims, receipts, reference

app_name = "expenses-api"

urlpatterns = [
    path("claims/", claims.ClaimListView.as_view(), name="claims"),
    path("claims/<int:pk>/", claims.ClaimDetailView.as_view(), name="claim"),
    path("claims/<int:pk>/submit/", claims.ClaimSubmitView.as_view(), name="claim-submit"),
    path("claims/<int:pk>/lines/<int:line_id>/reduce/", claims.ClaimLineReduceView.as_view(),
         name="claim-line-reduce"),
    path("claims/<int:pk>/attachments/", attachments.ClaimAttachmentsView.as_view(),
         name="claim-attachments"),
    path("claims/<int:pk>/attachments/<int:att_id>/",
         attachments.ClaimAttachmentDownloadView.as_view(), name="claim-attachment"),
    path("claims/<int:pk>/receipts/", receipts.ClaimReceiptsView.as_view(),
         name="claim-receipts"),
    path("claims/<int:pk>/receipts/<int:receipt_id>/", receipts.ClaimReceiptView.as_view(),
         name="claim-receipt"),
    path("claims/<int:pk>/receipts/<int:receipt_id>/reject/",
         receipts.ClaimReceiptRejectView.as_view(), name="claim-receipt-reject"),
    path("budgets/", budgets.BudgetListView.as_view(), name="budgets"),
    path("budgets/split/", budgets.BudgetSplitView.as_view(), name="budget-split"),
    path("budgets/<int:pk>/", budgets.BudgetDetailView.as_view(), name="budget"),
    path("budgets/<int:pk>/revise/", budgets.BudgetReviseView.as_view(), name="budget-revise"),
    path("budgets/<int:pk>/submit/", budgets.BudgetSubmitView.as_view(), name="budget-submit"),
    path("standards/", reference.StandardListView.as_view(), name="standards"),
    path("monitor/", reference.MonitorView.as_view(), name="monitor"),
]
