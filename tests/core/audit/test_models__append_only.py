import pytest
from django.db import DatabaseError, connection, transaction

from core.audit.models import AuditEvent
from core.audit.services import record

from .conftest import APPEND_ONLY_TRIGGER, HEAD_FOLLOWS_TRIGGER, NO_TRUNCATE_TRIGGER

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def event(personas):
    return record(actor=personas["east_rep1"], event="expense.submitted",
                  subject_kind="expense", subject_id=1, comment="original")


def _raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _unchanged(event):
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.comment, stored.hash) == ("original", event.hash)


def test_triggers_installed_and_enabled_when_migrated(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname, tgenabled FROM pg_trigger"
            " WHERE tgrelid = 'audit_auditevent'::regclass AND NOT tgisinternal ORDER BY tgname"
        )
        rows = cursor.fetchall()
    assert rows == [(APPEND_ONLY_TRIGGER, "O"), (HEAD_FOLLOWS_TRIGGER, "O"),
                    (NO_TRUNCATE_TRIGGER, "O")]


def test_raw_update_refused_when_editing_an_event(event):
    with pytest.raises(DatabaseError, match="Cannot update or delete"), transaction.atomic():
        _raw("UPDATE audit_auditevent SET comment = 'edited' WHERE seq = %s", [event.seq])
    _unchanged(event)


def test_raw_delete_refused_when_removing_an_event(event):
    with pytest.raises(DatabaseError, match="Cannot update or delete"), transaction.atomic():
        _raw("DELETE FROM audit_auditevent WHERE seq = %s", [event.seq])
    _unchanged(event)


def test_truncate_refused_when_emptying_the_table(event):
    # Run the pending deferred foreign-key checks first, or PostgreSQL refuses for that reason.
    _raw("SET CONSTRAINTS ALL IMMEDIATE")
    with pytest.raises(DatabaseError, match="TRUNCATE refused"), transaction.atomic():
        _raw("TRUNCATE audit_auditevent")
    _unchanged(event)


def test_truncate_refused_when_table_already_empty(db):
    with pytest.raises(DatabaseError, match="TRUNCATE refused"), transaction.atomic():
        _raw("TRUNCATE audit_auditevent")


def test_orm_queryset_update_refused_when_editing_events(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(comment="edited")
    _unchanged(event)


def test_orm_queryset_delete_refused_when_removing_events(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().delete()
    _unchanged(event)


def test_orm_instance_save_refused_when_editing_an_event(event):
    event.comment = "edited"
    with pytest.raises(DatabaseError), transaction.atomic():
        event.save()
    _unchanged(event)


def test_orm_instance_delete_refused_when_removing_an_event(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.get(pk=event.pk).delete()
    _unchanged(event)


def test_new_events_still_append_when_an_edit_was_refused(event, personas):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(comment="edited")
    nxt = record(actor=personas["east_mgr"], event="expense.approved",
                 subject_kind="expense", subject_id=1)
    assert (nxt.subject_seq, nxt.prev_hash) == (2, event.hash)
