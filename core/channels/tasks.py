from celery import shared_task
from django.db import InterfaceError, OperationalError


@shared_task(acks_late=True, reject_on_worker_lost=True,
             autoretry_for=(OperationalError, InterfaceError), retry_backoff=True, max_retries=5)
def send_delivery(*, delivery_id: int):
    """One attempt at a robot message; a failed one waits for its backoff in the sweep."""
    from .delivery import send

    return send(delivery_id)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def sweep_channels():
    from . import delivery, digest, webhooks

    return {"retried": delivery.sweep(), "webhooks": webhooks.sweep(),
            "digests": digest.sweep()}


@shared_task(acks_late=True, reject_on_worker_lost=True,
             autoretry_for=(OperationalError, InterfaceError), retry_backoff=True, max_retries=5)
def send_webhooks(*, endpoint_id: int, subject_kind: str, subject_id: str):
    from .webhooks import send_chain

    return send_chain(endpoint_id, subject_kind, subject_id)
