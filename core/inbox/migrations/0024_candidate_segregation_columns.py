"""The four-eyes rule's columns on Candidate (copied from the task), and the queue index
covering them: the menu's queue count reads the index alone (docs/PERFORMANCE.md)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

BACKFILL = """
UPDATE inbox_candidate AS c SET request_id = w.request_id, step_code = w.step_code,
       round = w.round, is_revision = w.is_revision, submitter_id = w.submitter_id
FROM inbox_workitem AS w WHERE w.task_id = c.work_item_id
"""


class Migration(migrations.Migration):

    dependencies = [
        ('inbox', '0023_analytics_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='candidate',
            name='request',
            field=models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='inbox.request'),
        ),
        migrations.AddField(
            model_name='candidate',
            name='submitter',
            field=models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='candidate',
            name='step_code',
            field=models.CharField(default='', max_length=40),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='candidate',
            name='round',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='candidate',
            name='is_revision',
            field=models.BooleanField(default=False),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name='candidate',
            name='request',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='inbox.request'),
        ),
        migrations.AlterField(
            model_name='candidate',
            name='submitter',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RemoveIndex(
            model_name='candidate',
            name='candidate_queue',
        ),
        migrations.AddIndex(
            model_name='candidate',
            index=models.Index(condition=models.Q(('open', True)), fields=['user', 'due', 'created'], include=['work_item', 'request', 'step_code', 'round', 'is_revision', 'submitter'], name='candidate_queue'),
        ),
        migrations.AlterField(
            model_name='workitem',
            name='candidates',
            field=models.ManyToManyField(blank=True, related_name='+', through='inbox.Candidate', through_fields=('work_item', 'user'), to=settings.AUTH_USER_MODEL),
        ),
    ]
