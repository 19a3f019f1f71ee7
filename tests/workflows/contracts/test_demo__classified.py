"""The demo's customers are classified A/B/C when the demo is seeded (the classification the
monthly sweep makes), so the customer list's class filter finds them; seeding again changes
nothing."""

import pytest
from django.utils import timezone

from core.registry import get as spec_of
from workflows.contracts.models import Customer, CustomerClassChange, ValueClass

pytestmark = pytest.mark.django_db


def test_demo_customers_have_a_class_when_the_demo_is_seeded(personas, client):
    spec_of("contract").seed_demo()
    month = timezone.localdate().replace(day=1)
    customers = list(Customer.objects.all())
    assert customers and all(c.value_class in ValueClass.values and c.classified_for == month
                             for c in customers)
    classes = {c.value_class for c in customers}
    assert len(classes) > 1, "the demo shows more than one class"
    changes = CustomerClassChange.objects.count()

    spec_of("contract").seed_demo()  # again: idempotent
    assert CustomerClassChange.objects.count() == changes
    assert {c.pk: c.value_class for c in Customer.objects.all()} == {
        c.pk: c.value_class for c in customers}

    client.force_login(personas["gm"])
    for klass in classes:
        html = client.get("/contracts/customers/", {"value_class": klass}).content.decode()
        shown = [c.name for c in customers if c.value_class == klass]
        assert all(name in html for name in shown)
        assert not any(c.name in html for c in customers if c.value_class != klass)
