"""Settings of the Celery worker the fault tests start: the local settings (a real broker, not
eager) with the recording bank, and Redis' redelivery timing when a test asks for it."""

import os

from config.settings.local import *  # noqa: F403

EXPENSE_PAYMENT_BACKEND = "tests.faults.bank.RecordingBank"

if os.environ.get("FAULTS_VISIBILITY_TIMEOUT"):
    # How soon Redis hands a message taken by a worker that died back to the queue (kombu's
    # default is one hour); the restore scan then runs every second.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": int(os.environ["FAULTS_VISIBILITY_TIMEOUT"]),
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    }

if os.environ.get("FAULTS_PAYMENT_STALLED_AFTER"):
    # A whole worker SIGKILLed between Redis' BRPOP and kombu recording the message as unacked
    # loses it for good; the sweep sends such a payment again after this many seconds (15
    # minutes in production, too long for a test).
    EXPENSE_PAYMENT_STALLED_AFTER = int(os.environ["FAULTS_PAYMENT_STALLED_AFTER"])
