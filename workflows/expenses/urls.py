from django.urls import path

from . import budget_views, views

app_name = "expenses"

urlpatterns = [
    path("", views.claim_list, name="claims"),
    path("claims/new/", views.claim_new, name="claim-new"),
    path("claims/<int:claim_id>/", views.claim_detail, name="claim"),
    path("claims/<int:claim_id>/edit/", views.claim_edit, name="claim-edit"),
    path("claims/<int:claim_id>/submit/", views.claim_submit, name="claim-submit"),
    path("claims/<int:claim_id>/lines/<int:line_id>/reduce/", views.line_reduce,
         name="line-reduce"),
    path("claims/<int:claim_id>/retry-payment/", views.payment_retry, name="payment-retry"),
    path("claims/<int:claim_id>/receipts/", views.receipt_upload, name="receipt-upload"),
    path("claims/<int:claim_id>/receipts/<slug:token>/", views.receipt_download,
         name="receipt"),
    path("claims/<int:claim_id>/vouchers/", views.voucher_add, name="voucher-add"),
    path("claims/<int:claim_id>/vouchers/<int:receipt_id>/remove/", views.voucher_remove,
         name="voucher-remove"),
    path("claims/<int:claim_id>/vouchers/<int:receipt_id>/reject/", views.voucher_reject,
         name="voucher-reject"),
    path("claims/<int:claim_id>/vouchers/<int:receipt_id>/file/", views.voucher_file,
         name="voucher-file"),
    path("standards/", views.standards, name="standards"),
    path("budgets/", budget_views.budget_list, name="budgets"),
    path("budgets/new/", budget_views.budget_new, name="budget-new"),
    path("budgets/<int:budget_id>/", budget_views.budget_detail, name="budget"),
    path("budgets/<int:budget_id>/adjust/", budget_views.budget_adjust, name="budget-adjust"),
    path("budgets/<int:budget_id>/edit/", budget_views.budget_edit, name="budget-edit"),
    path("budgets/<int:budget_id>/submit/", budget_views.budget_submit, name="budget-submit"),
    path("monitor/", budget_views.monitor, name="monitor"),
]
