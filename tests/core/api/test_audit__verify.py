import pgtrigger
from django.db import connection

from core.audit.models import VerificationRun

from .conftest import open_task, task_url


def test_verify_reports_an_intact_chain_when_nothing_was_tampered(api, submit):
    req = submit("east_rep1")
    api("east_mgr").post(task_url(open_task(req).pk, "approve"), {}, format="json")

    response = api("auditor").get("/api/audit/verify/")

    assert response.status_code == 200
    assert response.json() == {"ok": True, "events_checked": 2, "first_broken": None}
    assert VerificationRun.objects.count() == 1


def test_verify_names_the_first_broken_link_when_an_event_was_altered(api, submit):
    req = submit("east_rep1")
    # as someone with database access would; the append-only trigger is bypassed on PostgreSQL
    with pgtrigger.ignore("audit.AuditEvent:audit_append_only"), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET comment = 'changed' WHERE subject_id = %s",
                       [str(req.object_id)])

    body = api("admin").get("/api/audit/verify/").json()

    assert body["ok"] is False
    assert body["first_broken"]["subject_id"] == str(req.object_id)
    assert body["first_broken"]["problem"] == "event content altered"
