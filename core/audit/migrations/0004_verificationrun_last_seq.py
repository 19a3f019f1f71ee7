from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0003_head_follows_event"),
    ]

    operations = [
        migrations.AddField(
            model_name="verificationrun",
            name="last_seq",
            field=models.BigIntegerField(blank=True, null=True),
        ),
    ]
