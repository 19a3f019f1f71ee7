from celery import shared_task


@shared_task(acks_late=True, reject_on_worker_lost=True)
def make_checkpoint() -> int:
    """Beat's hourly checkpoint (settings.AUDIT_CHECKPOINTS). A checkpoint taken twice costs
    a row and a file; none is lost by a retry."""
    from .checkpoints import create_checkpoint

    return create_checkpoint().pk
