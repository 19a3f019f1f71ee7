"""A bare viewflow 2.4 flow of the expense route's shape: two human approvals in a row and
nothing else (no audit event, no FSM, no authority check, no inbox rows). Benchmarks only.

The approver is named in the process data and assigned without a query: the bare side gets
every advantage, so the ratio we report is, if anything, unfavourable to us.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.forms import modelform_factory
from viewflow import this
from viewflow.workflow import flow, lock
from viewflow.workflow.flow.views import UpdateProcessView
from viewflow.workflow.models import Task


def _approver(activation):
    return get_user_model()(pk=activation.process.data["approver"])


class BareFlow(flow.Flow):
    process_title = "Bare approval"
    lock_impl = lock.select_for_update_lock  # as the viewflow notes advise for PostgreSQL

    start = flow.StartHandle().Next(this.approve1)
    approve1 = (
        flow.View(UpdateProcessView.as_view(fields=[])).Annotation(title="Approve 1")
        .Assign(_approver).Next(this.approve2)
    )
    approve2 = (
        flow.View(UpdateProcessView.as_view(fields=[])).Annotation(title="Approve 2")
        .Assign(_approver).Next(this.end)
    )
    end = flow.End()


class BareRoutedFlow(flow.Flow):
    """The same with a Switch gateway after the first approval: what routing as a separate node
    costs (for information: the decision-cost mark compares with BareFlow)."""

    process_title = "Bare approval with a gateway"
    lock_impl = lock.select_for_update_lock

    start = flow.StartHandle().Next(this.approve1)
    approve1 = (
        flow.View(UpdateProcessView.as_view(fields=[])).Annotation(title="Approve 1")
        .Assign(_approver).Next(this.route)
    )
    route = flow.Switch().Case(this.end, lambda activation: False).Default(this.approve2)
    approve2 = (
        flow.View(UpdateProcessView.as_view(fields=[])).Annotation(title="Approve 2")
        .Assign(_approver).Next(this.end)
    )
    end = flow.End()


def start(approver_id: int, flow_class=BareFlow):
    return flow_class.start.run(_process_data={"approver": approver_id})


def step(process_pk: int, task_pk: int, user, flow_class=BareFlow) -> None:
    """One approval as viewflow's own task page does it on POST (flow/utils.py wrap_view, then
    UpdateProcessView.form_valid): lock, load the task, check the owner, start, save the form,
    execute (which creates the next task)."""
    with flow_class.lock(process_pk), transaction.atomic():
        task = Task.objects.get(pk=task_pk)
        if task.process.flow_class is not flow_class:
            raise LookupError(task_pk)
        activation = task.flow_task.activation_class(task)
        if not task.flow_task.can_execute(user, task):
            raise PermissionError(task_pk)
        activation.start(None)
        form = modelform_factory(type(activation.process), fields=[])(
            data={}, instance=activation.process
        )
        if not form.is_valid():
            raise ValueError(form.errors)
        form.save()
        activation.execute()


def open_task(process_pk: int):
    return Task.objects.filter(process_id=process_pk, status="ASSIGNED").values_list(
        "pk", flat=True
    ).first()


def execute_url(process_pk: int, task_pk: int) -> str:
    """The address of viewflow's own form for this task (benchmarks.urls mounts it at /bare/)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - loading the URLs names each flow's namespace
    task = Task.objects.get(pk=task_pk)
    return task.flow_task.reverse("execute", args=[process_pk, task_pk])
