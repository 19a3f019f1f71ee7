from django.contrib.auth.decorators import login_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.renderers import JSONRenderer

from . import analytics, audit, copies, filters_saved, me, requests, tasks
from .auth import LogoutView, TokenListView, TokenRevokeView, token_view


class SchemaView(SpectacularAPIView):
    """The schema, logged in; its refusal (401) in the API's JSON envelope, not as OpenAPI YAML."""

    def handle_exception(self, exc):
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = "application/json"
        return super().handle_exception(exc)


urlpatterns = [
    path("auth/token/", token_view, name="api-token"),
    path("auth/logout/", LogoutView.as_view(), name="api-logout"),
    path("auth/tokens/", TokenListView.as_view(), name="api-tokens"),
    path("auth/tokens/<str:token_id>/", TokenRevokeView.as_view(), name="api-token-revoke"),
    path("schema/", SchemaView.as_view(), name="api-schema"),
    # Swagger UI, logged in (a browser is sent to the login page); its start-up script comes
    # from this URL (?script), not inline, for the Content-Security-Policy.
    path("docs/", login_required(SpectacularSwaggerSplitView.as_view(
        url_name="api-schema", template_name="api/swagger_ui.html")), name="api-docs"),
    # me
    path("me/out-of-office/", me.OutOfOfficeView.as_view(), name="api-me-out-of-office"),
    path("me/out-of-office/<int:pk>/", me.OutOfOfficeDetailView.as_view(),
         name="api-me-out-of-office-detail"),
    # tasks
    path("tasks/", tasks.TaskListView.as_view(), name="api-tasks"),
    path("tasks/bulk-approve/", tasks.TaskBulkApproveView.as_view(), name="api-tasks-bulk-approve"),
    path("tasks/<int:pk>/claim/", tasks.TaskClaimView.as_view(), name="api-task-claim"),
    path("tasks/<int:pk>/release/", tasks.TaskReleaseView.as_view(), name="api-task-release"),
    path("tasks/<int:pk>/approve/", tasks.TaskApproveView.as_view(), name="api-task-approve"),
    path("tasks/<int:pk>/reject/", tasks.TaskRejectView.as_view(), name="api-task-reject"),
    path("tasks/<int:pk>/return/", tasks.TaskReturnView.as_view(), name="api-task-return"),
    path("tasks/<int:pk>/reassign/", tasks.TaskReassignView.as_view(), name="api-task-reassign"),
    path("tasks/<int:pk>/transfer/", tasks.TaskTransferView.as_view(), name="api-task-transfer"),
    path("tasks/<int:pk>/add-signer/", tasks.TaskAddSignerView.as_view(),
         name="api-task-add-signer"),
    path("tasks/<int:pk>/urge/", tasks.TaskUrgeView.as_view(), name="api-task-urge"),
    path("tasks/<int:pk>/copy/", copies.TaskCopyView.as_view(), name="api-task-copy"),
    # requests
    path("requests/", requests.RequestListView.as_view(), name="api-requests"),
    path("requests/<str:kind>/<int:object_id>/", requests.RequestDetailView.as_view(),
         name="api-request"),
    path("requests/<str:kind>/<int:object_id>/withdraw/", requests.RequestWithdrawView.as_view(),
         name="api-request-withdraw"),
    path("requests/<str:kind>/<int:object_id>/resubmit/", requests.RequestResubmitView.as_view(),
         name="api-request-resubmit"),
    path("requests/<str:kind>/<int:object_id>/copy/", copies.RequestCopyView.as_view(),
         name="api-request-copy"),
    path("requests/<str:kind>/<int:object_id>/comments/", copies.RequestCommentView.as_view(),
         name="api-request-comments"),
    path("copied/", copies.CopiedListView.as_view(), name="api-copied"),
    path("copied/read/", copies.CopiedReadView.as_view(), name="api-copied-read"),
    # audit
    path("audit/events/", audit.AuditEventListView.as_view(), name="api-audit-events"),
    path("saved-filters/", filters_saved.SavedFilterListView.as_view(), name="api-saved-filters"),
    path("audit/events/export.csv", audit.AuditExportView.as_view(), name="api-audit-export"),
    path("audit/verify/", audit.AuditVerifyView.as_view(), name="api-audit-verify"),
    # analytics
    path("analytics/approvals/", analytics.ApprovalAnalyticsView.as_view(),
         name="api-analytics-approvals"),
]
