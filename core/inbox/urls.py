from django.urls import path

from . import action_views, copy_views, evidence_views, views, workbench_views

app_name = "inbox"

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/bulk-approve/", views.bulk_approve, name="bulk-approve"),
    path("inbox/tasks/<int:task_id>/", views.task_detail, name="task"),
    # before the generic action route: 转交 and 催办 have views of their own
    path("inbox/tasks/<int:task_id>/transfer/", action_views.task_transfer,
         name="task-transfer"),
    path("inbox/tasks/<int:task_id>/urge/", action_views.task_urge, name="task-urge"),
    path("inbox/tasks/<int:task_id>/add-signer/", action_views.task_add_signer,
         name="task-add-signer"),
    path(
        "inbox/tasks/<int:task_id>/<slug:action>/", views.task_action, name="task-action"
    ),
    path("requests/", views.my_requests, name="requests"),
    path("filters/", views.saved_filter_create, name="filter-save"),
    path("filters/<int:filter_id>/delete/", views.saved_filter_delete, name="filter-delete"),
    path("requests/<int:request_id>/", views.request_detail, name="request"),
    # before the generic request action route: 抄送 and comments have views of their own
    path("requests/<int:request_id>/copy/", copy_views.request_copy, name="request-copy"),
    path("requests/<int:request_id>/comment/", copy_views.request_comment,
         name="request-comment"),
    path("copied/", copy_views.copied, name="copied"),
    path("copied/read/", copy_views.copied_read, name="copied-read"),
    path("requests/<int:request_id>/evidence.<str:fmt>", evidence_views.evidence_pack,
         name="evidence"),
    path(
        "requests/<int:request_id>/attachments/",
        views.attachment_upload,
        name="attachment-upload",
    ),
    path(
        "requests/<int:request_id>/<slug:action>/",
        views.request_action,
        name="request-action",
    ),
    path("attachments/<slug:token>/", views.attachment_download, name="attachment"),
    path("attachments/<slug:token>/remove/", views.attachment_remove,
         name="attachment-remove"),
    path("attachments/<slug:token>/view/", views.attachment_view, name="attachment-view"),
    path("audit/", views.audit_search, name="audit"),
    path("audit/verify/", views.audit_verify, name="audit-verify"),
    path("audit/workbench/", workbench_views.home, name="workbench"),
    path("audit/workbench/samples/", workbench_views.sample, name="workbench-draw"),
    path("audit/workbench/samples/<int:seq>/", workbench_views.sample_detail,
         name="workbench-sample"),
    path("audit/workbench/anomalies/<slug:code>/", workbench_views.anomaly_list,
         name="workbench-anomalies"),
    path("audit/workbench/requests/<int:request_id>/review/", workbench_views.review,
         name="workbench-review"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications-read"),
]
