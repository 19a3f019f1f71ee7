from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill_party(apps, schema_editor):
    """Contracts submitted before: their request names the customer, and is found by it."""
    Contract = apps.get_model("contracts", "Contract")
    Request = apps.get_model("inbox", "Request")
    names = dict(Contract.objects.values_list("pk", "customer__name"))
    batch = []
    for req in Request.objects.filter(kind="contract").select_related("submitter"):
        party = names.get(req.object_id, "")
        if not party:
            continue
        u = req.submitter
        name = u.display_name or f"{u.first_name} {u.last_name}".strip() or u.username
        text = " ".join(p for p in (req.number, req.title, party, name, u.username) if p)
        req.party, req.search_text = party, " ".join(text.split()).casefold()
        batch.append(req)
    Request.objects.bulk_update(batch, ["party", "search_text"], batch_size=500)
    WorkItem = apps.get_model("inbox", "WorkItem")
    WorkItem.objects.filter(request__kind="contract").update(search_text=Subquery(
        Request.objects.filter(pk=OuterRef("request_id")).values("search_text")[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("contracts", "0005_transitions_counted"),
        ("inbox", "0016_search"),
    ]

    operations = [migrations.RunPython(fill_party, migrations.RunPython.noop)]
