from django.db import migrations, models

# The demo company's departments (core.org.demo), named in English where a demo database
# already holds them under their Chinese names; any other department keeps a blank name_en
# (the Chinese name is shown) until an administrator gives one.
DEMO = {
    ("management", "总经办"): "General Manager's Office",
    ("sales", "销售部"): "Sales",
    ("finance", "财务部"): "Finance",
    ("legal", "法务部"): "Legal",
    ("marketing", "市场部"): "Marketing",
    ("audit", "审计部"): "Internal Audit",
    ("admin", "行政部"): "Administration",
}


def name_demo_departments(apps, schema_editor):
    Department = apps.get_model("org", "Department")
    for (code, name), en in DEMO.items():
        Department.objects.filter(code=code, name=name, name_en="").update(name_en=en)


class Migration(migrations.Migration):

    dependencies = [
        ('org', '0005_region_name_en'),
    ]

    operations = [
        migrations.AddField(
            model_name='department',
            name='name_en',
            field=models.CharField(blank=True, max_length=100, verbose_name='name (English)'),
        ),
        migrations.RunPython(name_demo_departments, migrations.RunPython.noop),
    ]
