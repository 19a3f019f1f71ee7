"""The transactional outbox: jobs commit with the change, survive a broker outage, and are sent
once (the notification task is idempotent, so a double publish still makes one row)."""

import pytest
from celery import current_app
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from core.inbox import notify, outbox
from core.inbox.models import Notification, OutboxMessage
from workflows.expenses.services import payment


@pytest.fixture
def broker(monkeypatch):
    """A broker that is up or down: when up, the job runs here as a worker would."""
    state = {"up": True, "sent": []}

    def send(row):
        if not state["up"]:
            raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
        state["sent"].append(row.key)
        outbox._task(row.task).apply(kwargs=row.kwargs)

    monkeypatch.setattr(outbox, "_send", send)
    monkeypatch.setitem(current_app.conf, "task_always_eager", False)
    monkeypatch.setattr(outbox, "_paused_until", 0.0)
    return state


def notify_in_transaction(users, key):
    with transaction.atomic():
        notify.on_commit_many([u.pk for u in users], kind="task", request=None, key=key,
                              message="Something to do")


def later(seconds=60):
    return timezone.now() + timezone.timedelta(seconds=seconds)


@pytest.mark.django_db(transaction=True)
def test_notifications_are_sent_after_commit_when_the_broker_is_up(broker, personas):
    notify_in_transaction([personas["east_mgr"], personas["gm"]], "k1")
    assert OutboxMessage.objects.filter(sent_at__isnull=False).count() == 2
    assert Notification.objects.filter(dedupe_key__startswith="k1:").count() == 2


@pytest.mark.django_db(transaction=True)
def test_nothing_is_queued_when_the_transaction_rolls_back(broker, personas):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify.on_commit_many([personas["gm"].pk], kind="task", request=None, key="k2", message="x")
        raise RuntimeError
    assert OutboxMessage.objects.count() == 0
    assert broker["sent"] == []


@pytest.mark.django_db(transaction=True)
def test_jobs_wait_while_the_broker_is_down_and_go_once_when_it_is_back(broker, personas):
    broker["up"] = False
    for n in range(5):
        notify_in_transaction([personas["gm"]], f"down{n}")
    # The first refusal pauses publishing: the other four commits did not even try.
    assert list(OutboxMessage.objects.values_list("attempts", flat=True).order_by("pk")) == [
        1, 0, 0, 0, 0]
    assert Notification.objects.count() == 0
    assert outbox.pending() == 5

    assert outbox.relay(now=later()) == 0  # still down: nothing lost, nothing sent
    assert outbox.pending() == 5

    broker["up"] = True
    assert outbox.relay(now=later()) == 5
    assert outbox.relay(now=later()) == 0  # sent rows are not sent again
    assert outbox.pending() == 0
    assert sorted(broker["sent"]) == sorted(f"down{n}:{personas['gm'].pk}" for n in range(5))
    assert Notification.objects.filter(recipient=personas["gm"]).count() == 5


@pytest.mark.django_db(transaction=True)
def test_the_relay_leaves_fresh_rows_to_the_publisher(broker, personas):
    broker["up"] = False
    notify_in_transaction([personas["gm"]], "fresh")
    broker["up"] = True
    assert outbox.relay() == 0  # younger than the grace period
    assert outbox.relay(now=later()) == 1


@pytest.mark.django_db(transaction=True)
def test_a_message_published_twice_still_makes_one_notification(broker, personas):
    notify_in_transaction([personas["gm"]], "twice")
    row = OutboxMessage.objects.get()
    OutboxMessage.objects.filter(pk=row.pk).update(sent_at=None)  # crashed before marking
    assert outbox.relay(now=later()) == 1
    assert Notification.objects.filter(dedupe_key=f"twice:{personas['gm'].pk}").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_payment_queued_while_the_broker_is_down_waits_in_the_outbox(broker):
    broker["up"] = False
    with transaction.atomic():
        payment.queue_payment(12345)
    row = OutboxMessage.objects.get()
    assert (row.task, row.kwargs, row.sent_at) == (payment.PAY_TASK, {"claim_id": 12345}, None)
    assert "Connection refused" in row.last_error


@pytest.mark.django_db(transaction=True)
def test_eager_job_failures_are_recorded_not_retried_forever(monkeypatch, personas):
    monkeypatch.setattr(outbox, "_paused_until", 0.0)

    def fail(row):
        raise ValueError("payment backend said no")

    monkeypatch.setattr(outbox, "_send", fail)
    notify_in_transaction([personas["gm"]], "eager")
    row = OutboxMessage.objects.get()
    assert row.sent_at is not None and row.attempts == 1
    assert "said no" in row.last_error
    assert outbox.relay(now=later()) == 0
