"""Rounds of a request (segregation of duties over its steps): Request.round counts its
(re)submissions and WorkItem.round says in which one a task opened. Existing rows are numbered
from their history: a new process is a new submission, and a decided revision (the submitter's
resubmission) starts the next round of the same process."""

from django.db import migrations, models


def number_rounds(apps, schema_editor):
    Request = apps.get_model("inbox", "Request")
    WorkItem = apps.get_model("inbox", "WorkItem")
    rows = (WorkItem.objects.order_by("request_id", "created", "pk")
            .values_list("pk", "request_id", "task__process_id", "is_revision", "status"))
    rounds: dict[int, int] = {}  # request id -> its current round
    state: dict[int, tuple] = {}  # request id -> (process id, resubmitted since)
    by_round: dict[tuple[int, int], list[int]] = {}
    for pk, request_id, process_id, is_revision, status in rows.iterator(chunk_size=5000):
        process, resubmitted = state.get(request_id, (None, False))
        if process != process_id or resubmitted:
            rounds[request_id] = rounds.get(request_id, 0) + 1
            resubmitted = False
        by_round.setdefault((request_id, rounds[request_id]), []).append(pk)
        state[request_id] = (process_id, resubmitted or (is_revision and status == "done"))
    for (_request_id, number), pks in by_round.items():
        WorkItem.objects.filter(pk__in=pks).update(round=number)
    for request_id, number in rounds.items():
        bump = 1 if state[request_id][1] else 0
        Request.objects.filter(pk=request_id).update(round=number + bump)


class Migration(migrations.Migration):

    dependencies = [
        ("inbox", "0012_idempotency_created_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="request",
            name="round",
            field=models.PositiveIntegerField(db_default=0, default=0),
        ),
        migrations.AddField(
            model_name="workitem",
            name="round",
            field=models.PositiveIntegerField(db_default=0, default=0),
        ),
        migrations.RunPython(number_rounds, migrations.RunPython.noop, elidable=True),
    ]
