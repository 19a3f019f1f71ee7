from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from . import audit, requests, tasks
from .auth import token_view

urlpatterns = [
    path("auth/token/", token_view, name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    # tasks
    path("tasks/", tasks.TaskListView.as_view(), name="api-tasks"),
    path("tasks/bulk-approve/", tasks.TaskBulkApproveView.as_view(), name="api-tasks-bulk-approve"),
    path("tasks/<int:pk>/claim/", tasks.TaskClaimView.as_view(), name="api-task-claim"),
    path("tasks/<int:pk>/release/", tasks.TaskReleaseView.as_view(), name="api-task-release"),
    path("tasks/<int:pk>/approve/", tasks.TaskApproveView.as_view(), name="api-task-approve"),
    path("tasks/<int:pk>/reject/", tasks.TaskRejectView.as_view(), name="api-task-reject"),
    path("tasks/<int:pk>/return/", tasks.TaskReturnView.as_view(), name="api-task-return"),
    path("tasks/<int:pk>/reassign/", tasks.TaskReassignView.as_view(), name="api-task-reassign"),
    # requests
    path("requests/", requests.RequestListView.as_view(), name="api-requests"),
    path("requests/<str:kind>/<int:object_id>/", requests.RequestDetailView.as_view(),
         name="api-request"),
    path("requests/<str:kind>/<int:object_id>/withdraw/", requests.RequestWithdrawView.as_view(),
         name="api-request-withdraw"),
    path("requests/<str:kind>/<int:object_id>/resubmit/", requests.RequestResubmitView.as_view(),
         name="api-request-resubmit"),
    # audit
    path("audit/events/", audit.AuditEventListView.as_view(), name="api-audit-events"),
    path("audit/events/export.csv", audit.AuditExportView.as_view(), name="api-audit-export"),
    path("audit/verify/", audit.AuditVerifyView.as_view(), name="api-audit-verify"),
]
