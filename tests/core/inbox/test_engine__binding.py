"""engine.bind keeps one request object per process for one flow run, and only for it."""

import pytest
from django.db import transaction
from viewflow.workflow.models import Process

from core.inbox import engine
from core.inbox.models import Request

pytestmark = pytest.mark.django_db


def test_reloaded_process_shares_the_bound_request_when_inside_the_same_transaction(submit):
    req = submit()
    with transaction.atomic():
        engine.bind(Process.objects.get(pk=req.process_id), req)
        again = Process.objects.get(pk=req.process_id)  # a fresh instance, as a join reloads it
        assert engine.request_of(again) is req


def test_fresh_request_read_when_a_later_transaction_asks_on_the_same_thread(submit):
    req = submit()
    with transaction.atomic():
        engine.bind(Process.objects.get(pk=req.process_id), req)
        req.title = "changed in memory, never saved"

    with transaction.atomic():
        loaded = engine.request_of(Process.objects.get(pk=req.process_id))

    assert loaded is not req
    assert loaded.title == Request.objects.get(pk=req.pk).title != "changed in memory, never saved"
