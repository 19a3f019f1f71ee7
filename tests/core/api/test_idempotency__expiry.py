"""Idempotency-Keys are remembered for 24 hours, not for ever (issue 17, hole 7): the sweep
deletes older records, and an older key not yet swept is treated as new."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.inbox import timers
from core.inbox.models import IdempotencyRecord
from core.org.models import ApiToken

from .conftest import open_task, task_url

pytestmark = pytest.mark.django_db


def test_sweep_forgets_keys_older_than_a_day_and_keeps_newer(personas):
    now = timezone.now()
    user = personas["east_mgr"]
    old = IdempotencyRecord.objects.create(user=user, key="old", method="POST", path="/x/",
                                           status_code=200, created=now - timedelta(hours=25))
    fresh = IdempotencyRecord.objects.create(user=user, key="fresh", method="POST", path="/x/",
                                             status_code=200, created=now - timedelta(hours=23))

    result = timers.sweep(now=now)

    assert result["idempotency_keys"] == 1
    assert not IdempotencyRecord.objects.filter(pk=old.pk).exists()
    assert IdempotencyRecord.objects.filter(pk=fresh.pk).exists()


def test_key_older_than_a_day_acts_again_before_the_sweep(api, submit, personas):
    task = open_task(submit("east_rep1"))
    url = task_url(task.pk, "approve")
    IdempotencyRecord.objects.create(
        user=personas["east_mgr"], key="yesterday", method="POST", path=url, status_code=409,
        response={"detail": "stale", "code": "state_conflict", "fields": {}},
        created=timezone.now() - timedelta(hours=25))

    response = api("east_mgr").post(url, {}, format="json", HTTP_IDEMPOTENCY_KEY="yesterday")

    assert response.status_code == 200
    assert response.get("Idempotent-Replayed") is None
    assert IdempotencyRecord.objects.get(key="yesterday").status_code == 200


def test_sweep_deletes_expired_tokens(personas):
    now = timezone.now()
    expired, _ = ApiToken.objects.create(user=personas["east_rep1"], expiry=timedelta(hours=-1))
    live, _ = ApiToken.objects.create(user=personas["east_rep1"])

    assert timers.sweep(now=now)["tokens"] == 1
    assert list(ApiToken.objects.values_list("pk", flat=True)) == [live.pk]
    assert expired.pk != live.pk
