from django.urls import path

from .views import contracts, customers, detail, execution

app_name = "contracts"

urlpatterns = [
    path("", contracts.contract_list, name="contracts"),
    path("new/", contracts.contract_new, name="contract-new"),
    # The registry's detail_url for a contract request points here.
    path("<int:contract_id>/", detail.contract_detail, name="contract"),
    path("<int:contract_id>/edit/", contracts.contract_edit, name="contract-edit"),
    path("<int:contract_id>/submit/", contracts.contract_submit, name="contract-submit"),
    path("<int:contract_id>/amend/", contracts.contract_amend, name="contract-amend"),
    path("<int:contract_id>/attachments/", detail.attachment_upload, name="attachment-upload"),
    path("<int:contract_id>/attachments/<slug:token>/", detail.attachment_download,
         name="attachment"),
    path("<int:contract_id>/milestones/", execution.milestone_add, name="milestone-add"),
    path("<int:contract_id>/milestones/<int:milestone_id>/done/", execution.milestone_done,
         name="milestone-done"),
    path("<int:contract_id>/problems/", execution.problem_raise, name="problem-raise"),
    path("<int:contract_id>/problems/<int:problem_id>/resolve/", execution.problem_resolve,
         name="problem-resolve"),
    path("customers/", customers.customer_list, name="customers"),
    path("customers/new/", customers.customer_new, name="customer-new"),
    path("customers/<int:customer_id>/", customers.customer_detail, name="customer"),
    path("customers/<int:customer_id>/limit/", customers.limit_request, name="limit-request"),
    path("customers/<int:customer_id>/interactions/", customers.interaction_add,
         name="interaction-add"),
    path("limit-changes/", customers.limit_changes, name="limit-changes"),
    path("limit-changes/<int:change_id>/decide/", customers.limit_decide, name="limit-decide"),
]
