from decimal import Decimal

import pytest

from core.audit import services
from core.audit.verify import verify_all


@pytest.mark.django_db
def test_amount_3dp():
    services.record(actor=None, event="x.done", subject_kind="t", subject_id=1, amount=Decimal("10.005"))
    r = verify_all()
    print("AMOUNT", r)


@pytest.mark.django_db
def test_float_big():
    services.record(actor=None, event="x.done", subject_kind="t", subject_id=2, data={"f": 1e16, "g": 0.1})
    r = verify_all()
    print("FLOAT", r)


@pytest.mark.django_db
def test_newline_rid(client):
    r = client.get("/healthz", HTTP_X_REQUEST_ID="abc\n")
    print("RID", r.status_code, repr(r.get("X-Request-ID")))


@pytest.mark.django_db
def test_schema(client):
    r = client.get("/api/schema/")
    print("SCHEMA", r.status_code, r["Content-Type"], r.content[:200])
