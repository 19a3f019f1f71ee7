from django.urls import path

from .api import attachments, contracts, customers, execution, products

app_name = "contracts-api"

urlpatterns = [
    path("customers/", customers.CustomerListView.as_view(), name="customers"),
    path("customers/<int:pk>/", customers.CustomerDetailView.as_view(), name="customer"),
    path("customers/<int:pk>/credit-limit/", customers.CreditLimitRequestView.as_view(),
         name="customer-credit-limit"),
    path("customers/<int:pk>/interactions/", customers.CustomerInteractionListView.as_view(),
         name="customer-interactions"),
    path("credit-limit-changes/", customers.CreditLimitChangeListView.as_view(),
         name="credit-limit-changes"),
    path("credit-limit-changes/<int:pk>/decide/", customers.CreditLimitDecideView.as_view(),
         name="credit-limit-change-decide"),
    path("products/", products.ProductListView.as_view(), name="products"),
    path("contracts/", contracts.ContractListView.as_view(), name="contracts"),
    path("contracts/<int:pk>/", contracts.ContractDetailView.as_view(), name="contract"),
    path("contracts/<int:pk>/submit/", contracts.ContractSubmitView.as_view(),
         name="contract-submit"),
    path("contracts/<int:pk>/amend/", contracts.ContractAmendView.as_view(),
         name="contract-amend"),
    path("contracts/<int:pk>/diff/", contracts.ContractDiffView.as_view(), name="contract-diff"),
    path("contracts/<int:pk>/milestones/", execution.MilestoneListView.as_view(),
         name="contract-milestones"),
    path("contracts/<int:pk>/problems/", execution.ProblemListView.as_view(),
         name="contract-problems"),
    path("contracts/<int:pk>/attachments/", attachments.ContractAttachmentsView.as_view(),
         name="contract-attachments"),
    path("contracts/<int:pk>/attachments/<int:att_id>/",
         attachments.ContractAttachmentDownloadView.as_view(), name="contract-attachment"),
    path("milestones/<int:pk>/done/", execution.MilestoneDoneView.as_view(),
         name="milestone-done"),
    path("problems/<int:pk>/resolve/", execution.ProblemResolveView.as_view(),
         name="problem-resolve"),
]
