from celery import shared_task

from .services.payment import PaymentError, pay


@shared_task(acks_late=True, reject_on_worker_lost=True, autoretry_for=(PaymentError, OSError),
             retry_backoff=True, retry_backoff_max=100, max_retries=10)
def pay_claim(*, claim_id: int):
    """Idempotent: a redelivered or retried job finds the claim paid and does nothing."""
    return pay(claim_id)
