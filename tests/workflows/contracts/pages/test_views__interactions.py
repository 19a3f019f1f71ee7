"""Customer pages (issue 22): the class on the list and the page, the list filtered by class,
the interaction log newest first, the form keeping what was typed on a bad date."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from workflows.contracts.models import Customer, CustomerClassChange, Interaction

pytestmark = pytest.mark.django_db


def url(customer, action=""):
    return f"/contracts/customers/{customer.pk}/{action + '/' if action else ''}"


def test_list_shows_and_filters_by_class(client_for, customer, south_customer):
    Customer.objects.filter(pk=customer.pk).update(value_class="A",
                                                   classified_for=date(2026, 12, 1))
    Customer.objects.filter(pk=south_customer.pk).update(value_class="C")
    client = client_for("finance")
    by_a = client.get("/contracts/customers/?value_class=A").content.decode()
    by_c = client.get("/contracts/customers/?value_class=C").content.decode()
    assert customer.name in by_a and south_customer.name not in by_a
    assert south_customer.name in by_c and customer.name not in by_c
    assert 'title="A: key customer">A</td>' in by_a


def test_customer_page_shows_class_history_and_interactions_newest_first(
        client_for, personas, customer):
    Customer.objects.filter(pk=customer.pk).update(value_class="B",
                                                   classified_for=date(2026, 12, 1))
    CustomerClassChange.objects.create(customer=customer, month=date(2026, 12, 1),
                                       old_class="A", new_class="B",
                                       signed_value="400000", collected="550000")
    today = timezone.localdate()
    for days, note in ((3, "older call"), (0, "newest visit")):
        Interaction.objects.create(customer=customer, kind="call", date=today - timedelta(days),
                                   note=note, by=personas["east_rep1"])
    body = client_for("east_rep1").get(url(customer)).content.decode()
    assert "B: regular customer" in body and "classified for 2026-12" in body
    assert "400,000.00" in body and "550,000.00" in body
    assert body.index("newest visit") < body.index("older call")


def test_log_an_interaction_from_the_page(client_for, personas, customer):
    today = timezone.localdate()
    response = client_for("east_rep2").post(url(customer, "interactions"), {
        "kind": "complaint", "date": today.isoformat(), "note": "交货延迟",
        "next_action_date": (today + timedelta(days=2)).isoformat()})
    assert response.status_code == 302
    item = Interaction.objects.get()
    assert (item.kind, item.by, item.note) == ("complaint", personas["east_rep2"], "交货延迟")


def test_bad_date_keeps_the_input_with_a_field_error(client_for, customer):
    today = timezone.localdate()
    response = client_for("east_rep1").post(url(customer, "interactions"), {
        "kind": "visit", "date": today.isoformat(), "note": "保留这段文字",
        "next_action_date": (today - timedelta(days=1)).isoformat()})
    assert response.status_code == 400
    body = response.content.decode()
    assert "The next action comes on or after the interaction." in body
    assert "保留这段文字" in body
    garbled = client_for("east_rep1").post(url(customer, "interactions"), {
        "kind": "visit", "date": "2026-13-45", "note": "还在"})
    assert garbled.status_code == 400 and "还在" in garbled.content.decode()
    assert not Interaction.objects.exists()


def test_someone_who_cannot_see_the_customer_gets_404(client_for, customer):
    client = client_for("south_rep1")
    assert client.get(url(customer)).status_code == 404
    response = client.post(url(customer, "interactions"), {
        "kind": "visit", "date": timezone.localdate().isoformat(), "note": "x"})
    assert response.status_code == 404
    assert client_for("east_rep1").get(url(customer, "interactions")).status_code == 405
    assert not Interaction.objects.exists()
