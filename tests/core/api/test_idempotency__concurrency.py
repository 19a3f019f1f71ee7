import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from core.audit.models import AuditEvent
from core.org.models import User

from .conftest import open_task, task_url


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_decision_when_the_same_key_arrives_twice_at_once(personas, submit):
    task = open_task(submit("east_rep1", "15000.00"))
    url = task_url(task.pk, "approve")
    barrier = threading.Barrier(2)
    statuses = []

    def post():
        try:
            client = APIClient()
            client.force_authenticate(User.objects.get(username="east_mgr"))
            barrier.wait()
            response = client.post(url, {}, format="json", HTTP_IDEMPOTENCY_KEY="race-1")
            statuses.append((response.status_code, response.json().get("code")))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    # The second waits for the first to commit and gets the stored answer: both 200.
    assert statuses == [(200, None), (200, None)]
    assert AuditEvent.objects.filter(event="demo.step_approved").count() == 1
