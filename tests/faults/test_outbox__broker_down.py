"""Broker down (issue 9, Faults): with Redis stopped, submissions still commit and answer at
once; the notifications they cause wait in the transactional outbox and, once Redis is back and
the relay has run, each is delivered exactly once by a real worker.

A private redis-server (free port) carries the messages and a real Celery worker consumes them;
the test stops that Redis, submits demo requests (page) and expense claims (API) at a steady
rate for longer than the outbox's back-off, starts Redis again on the same port and relays.
"""

import email.header
import statistics
import time
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from core.inbox import outbox
from core.inbox.models import Notification, OutboxMessage, Request, RequestStatus
from core.inbox.notify import TASK as NOTIFY_TASK
from core.inbox.tasks import deliver_notification

from .helpers import wait_for

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.faults,
    pytest.mark.broker,
    pytest.mark.django_db(transaction=True),
]

ANSWER_LIMIT = 2.0  # seconds, each submission
DELIVERY_TIMEOUT = 90


class SlowAnswer(AssertionError):
    """A submission took longer than ANSWER_LIMIT to answer while the broker was down."""


def _waiting_suffixes(title: str) -> tuple[str, ...]:
    """The end of an "is waiting for you" subject for `title` in each language: the worker
    renders a notification when it sends it, in its site language (not the queuer's)."""
    from django.utils import translation

    ends = []
    for language in ("zh-hans", "en"):
        with translation.override(language):
            text = translation.gettext("%(step)s: %(title)s is waiting for you") % {
                "step": "\x00", "title": title}
        ends.append(text.split("\x00", 1)[1])
    return tuple(ends)


def _subjects(log_text: str) -> list[str]:
    """Decoded `Subject:` headers the worker's console e-mail backend printed (a long encoded
    subject, as a Chinese one is, folds onto continuation lines that start with white space)."""
    out = []
    lines = log_text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("Subject:"):
            header = line[len("Subject:"):]
            for more in lines[i + 1:]:
                if not more[:1].isspace():
                    break
                header += more
            parts = email.header.decode_header(header)
            out.append("".join(p.decode(c or "utf-8") if isinstance(p, bytes) else p
                               for p, c in parts))
    return out


def _submit_all(personas, claims, n: int, interval: float,
                prefix: str = "broker-down") -> list[tuple[str, float, int]]:
    """n submissions, alternately a demo request through its page and an expense claim through
    the API, one every `interval` seconds; [(title, seconds to answer, status)]."""
    client = Client()
    client.force_login(personas["east_rep1"])
    answers = []
    claims = iter(claims)
    for i in range(n):
        started = time.monotonic()
        if i % 2 == 0:
            title = f"{prefix}-demo-{i:03d}"
            response = client.post("/demo/new/", {"title": title, "amount": "800.00"})
            ok = response.status_code == 302
        else:
            claim = next(claims)
            title = claim.title
            response = client.post(f"/api/expenses/claims/{claim.pk}/submit/",
                                   content_type="application/json")
            ok = response.status_code == 200
        elapsed = time.monotonic() - started
        answers.append((title, elapsed, response.status_code if ok else -response.status_code))
        time.sleep(max(0.0, interval - elapsed))
    return answers


def run_broker_down(*, n, interval, personas, draft_claims, broker_on, workers,
                    private_redis, figure):
    # 300.00 each: even 200 of them stay inside the month's travel budget.
    claims = draft_claims(n // 2, prefix="broker-down-claim", amount="300.00")
    broker_on()
    # Supervised like production (systemd Restart=always): see CeleryWorker.
    worker = workers(concurrency=2, supervised=True)
    # One submission while Redis is up: the app's publisher holds a live connection, as it would
    # in production when Redis goes away.
    mark = timezone.now()
    warm = _submit_all(personas, draft_claims(1, prefix="warm-up"), 2, 0, prefix="warm-up")
    assert [status for _, _, status in warm] == [302, 200]
    warm_keys = set(OutboxMessage.objects.filter(created__gte=mark)
                    .values_list("key", flat=True))
    wait_for(lambda: Notification.objects.filter(dedupe_key__in=warm_keys).count()
             == len(warm_keys) > 0, 30, "the warm-up notifications", log=worker.log)
    mark = timezone.now()

    private_redis.stop()
    down_at = time.monotonic()
    answers = _submit_all(personas, claims, n, interval)
    down_for = time.monotonic() - down_at

    titles = [title for title, _, _ in answers]
    failed = [(title, status) for title, _, status in answers if status < 0]
    assert failed == [], f"submissions refused while the broker was down: {failed}"
    committed = Request.objects.filter(title__in=titles, status=RequestStatus.IN_REVIEW).count()
    waiting = list(OutboxMessage.objects.filter(task=NOTIFY_TASK, created__gte=mark,
                                                sent_at__isnull=True))
    expected = {row.kwargs["dedupe_key"] for row in OutboxMessage.objects.filter(
        task=NOTIFY_TASK, created__gte=mark)}
    figure("submissions committed while Redis was down", f"{committed}/{n}")
    figure("Redis down for", f"{down_for:.1f}", "s")
    figure("notifications waiting in the outbox", len(waiting))
    assert committed == n
    assert len(waiting) == len(expected) >= n  # every submission notifies its first approver
    assert not Notification.objects.filter(dedupe_key__in=expected).exists()

    private_redis.start()  # the same port: the worker and the publisher reconnect
    back_at = time.monotonic()

    def relayed():
        outbox.relay(now=timezone.now() + timedelta(seconds=outbox.RELAY_GRACE_SECONDS + 1))
        return outbox.pending() == 0

    wait_for(relayed, 30, "the relay to send the waiting notifications", interval=0.5,
             log=worker.log)
    wait_for(lambda: Notification.objects.filter(dedupe_key__in=expected).count()
             == len(expected), DELIVERY_TIMEOUT, "every notification to be delivered",
             interval=0.5, log=worker.log)
    delivered_in = time.monotonic() - back_at
    # A sentinel behind everything: once it is delivered, no copy is still on its way.
    deliver_notification.apply_async(kwargs={
        "recipient_id": personas["gm"].pk, "kind": "decided", "request_id": None,
        "text": "broker-down-sentinel", "url": "", "dedupe_key": "broker-down:sentinel"})
    wait_for(lambda: Notification.objects.filter(dedupe_key="broker-down:sentinel").exists(),
             30, "the sentinel", log=worker.log)

    notes = list(Notification.objects.filter(dedupe_key__in=expected))
    lost = expected - {note.dedupe_key for note in notes}
    duplicate_rows = len(notes) - len({note.dedupe_key for note in notes})
    subjects = _subjects(worker.all_logs())
    per_title = {t: sum(1 for s in subjects if s.endswith(_waiting_suffixes(t)))
                 for t in titles}
    emailed = {note.dedupe_key for note in notes if note.emailed_at is not None}
    duplicate_emails = sum(count - 1 for count in per_title.values() if count > 1)
    seconds = sorted(elapsed for _, elapsed, _ in answers)
    figure("notifications lost", len(lost))
    figure("duplicate notifications", duplicate_rows)
    figure("e-mails sent / duplicate e-mails", f"{sum(per_title.values())} / {duplicate_emails}")
    figure("all delivered after Redis was back in", f"{delivered_in:.1f}", "s")
    figure("answer time max", f"{seconds[-1]:.3f}", "s")
    figure("answer time median", f"{statistics.median(seconds):.3f}", "s")
    figure("answer time p95", f"{seconds[int(0.95 * (len(seconds) - 1))]:.3f}", "s")
    figure("answers over 2 s", sum(1 for s in seconds if s >= ANSWER_LIMIT))
    figure("worker restarts by the supervisor", worker.restarts)

    assert lost == set()
    assert duplicate_rows == 0 and duplicate_emails == 0
    assert len(emailed) == sum(per_title.values())  # every e-mail claimed is one e-mail sent
    assert OutboxMessage.objects.filter(created__gte=mark, sent_at__isnull=True).count() == 0
    slow = [(title, round(elapsed, 2)) for title, elapsed, _ in answers
            if elapsed >= ANSWER_LIMIT]
    if slow:
        raise SlowAnswer(f"{len(slow)} of {n} submissions answered in {ANSWER_LIMIT} s or more "
                         f"while Redis was down: {slow}")




def test_every_notification_sent_once_and_each_answer_fast_when_redis_is_down_for_100_submissions(
    personas, draft_claims, broker_on, workers, private_redis, figure
):
    run_broker_down(n=100, interval=0.15, personas=personas, draft_claims=draft_claims,
                    broker_on=broker_on, workers=workers, private_redis=private_redis,
                    figure=figure)


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_every_notification_sent_once_and_each_answer_fast_when_redis_is_down_for_400_submissions(
    personas, draft_claims, broker_on, workers, private_redis, figure
):
    run_broker_down(n=400, interval=0.1, personas=personas, draft_claims=draft_claims,
                    broker_on=broker_on, workers=workers, private_redis=private_redis,
                    figure=figure)
