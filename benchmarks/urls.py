"""The product's URLs plus viewflow's own workflow pages (inbox, queue, task forms) at /bare/,
for the flows the benchmarks compare: the bare flow and the generated demo flow's tasks."""

from django.urls import include, path
from viewflow.urls import Site
from viewflow.workflow.flow.viewset import FlowViewset, WorkflowAppViewset

from benchmarks.bareflow.flows import BareFlow, BareRoutedFlow
from workflows.demo.flows import DemoApprovalFlow

site = Site(
    title="Bare viewflow",
    viewsets=[WorkflowAppViewset(flow_viewsets=[FlowViewset(BareFlow),
                                                FlowViewset(BareRoutedFlow),
                                                FlowViewset(DemoApprovalFlow)])],
)

urlpatterns = [
    path("bare/", site.urls),
    path("", include("config.urls")),
]

handler404 = "core.views.page_not_found"
