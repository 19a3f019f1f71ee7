"""The policy's defaults, for administrators to edit: level bands 1–4 low, 5–9 medium, 10–16
high, 20–25 critical; reviews weekly (critical), monthly (high), quarterly (medium)."""

from django.db import migrations

BANDS = (("low", 1, 4), ("medium", 5, 9), ("high", 10, 16), ("critical", 20, 25))
REVIEWS = (("critical", 7), ("high", 30), ("medium", 90))


def add_defaults(apps, schema_editor):
    LevelBand = apps.get_model("risks", "LevelBand")
    ReviewSchedule = apps.get_model("risks", "ReviewSchedule")
    if not LevelBand.objects.exists():
        LevelBand.objects.bulk_create(
            LevelBand(level=level, min_score=lo, max_score=hi) for level, lo, hi in BANDS)
    if not ReviewSchedule.objects.exists():
        ReviewSchedule.objects.bulk_create(
            ReviewSchedule(level=level, interval_days=days) for level, days in REVIEWS)


class Migration(migrations.Migration):
    dependencies = [("risks", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
