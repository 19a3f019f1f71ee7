"""The chain head follows every appended event (AuditEvent.Meta.triggers on PostgreSQL; the
same trigger for SQLite, where pgtrigger installs nothing)."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations

SQLITE_TRIGGER = "audit_head_follows"


def sqlite_install(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        f"CREATE TRIGGER {SQLITE_TRIGGER} AFTER INSERT ON audit_auditevent BEGIN "
        "UPDATE audit_auditchainhead SET last_subject_seq = NEW.subject_seq, last_hash = NEW.hash "
        "WHERE subject_kind = NEW.subject_kind AND subject_id = NEW.subject_id; END"
    )


def sqlite_remove(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {SQLITE_TRIGGER}")


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0002_initial'),
    ]

    operations = [
        pgtrigger.migrations.AddTrigger(
            model_name='auditevent',
            trigger=pgtrigger.compiler.Trigger(name='audit_head_follows', sql=pgtrigger.compiler.UpsertTriggerSql(func='UPDATE audit_auditchainhead SET last_subject_seq = NEW.subject_seq, last_hash = NEW.hash WHERE subject_kind = NEW.subject_kind AND subject_id = NEW.subject_id; RETURN NULL;', hash='fff6f7673e03f152c8d37f524b394fc44018b38f', operation='INSERT', pgid='pgtrigger_audit_head_follows_6cc68', table='audit_auditevent', when='AFTER')),
        ),
        migrations.RunPython(sqlite_install, sqlite_remove),
    ]
