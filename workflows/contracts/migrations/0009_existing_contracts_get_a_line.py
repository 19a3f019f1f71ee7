"""Every contract version made before products existed gets one line of the "unspecified"
product: quantity 1 at its value, so its value (now the lines' total) is unchanged."""

from decimal import Decimal

from django.db import migrations

UNSPECIFIED = "UNSPECIFIED"


def forwards(apps, schema_editor):
    Product = apps.get_model("contracts", "Product")
    Contract = apps.get_model("contracts", "Contract")
    ContractLine = apps.get_model("contracts", "ContractLine")
    product, _created = Product.objects.get_or_create(
        code=UNSPECIFIED, defaults={"name_zh": "未指定产品", "name_en": "Unspecified product",
                                    "category": "-", "unit": "-", "list_price": Decimal("0"),
                                    "active": False})
    have = set(ContractLine.objects.values_list("contract_id", flat=True))
    batch = []
    for pk, value in Contract.objects.exclude(pk__in=have).values_list("pk", "value").iterator():
        batch.append(ContractLine(contract_id=pk, position=0, product=product,
                                  quantity=Decimal(1), unit_price=value, discount=Decimal(0),
                                  value=value))
        if len(batch) >= 1000:
            ContractLine.objects.bulk_create(batch)
            batch = []
    ContractLine.objects.bulk_create(batch)


def backwards(apps, schema_editor):
    apps.get_model("contracts", "ContractLine").objects.filter(
        product__code=UNSPECIFIED).delete()


class Migration(migrations.Migration):
    dependencies = [("contracts", "0008_products_and_lines")]
    operations = [migrations.RunPython(forwards, backwards)]
