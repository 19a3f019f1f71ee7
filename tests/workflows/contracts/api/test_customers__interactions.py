"""API (issue 22): customers filtered by class, the class history on the detail, the
interaction log listed and added (404 for a customer out of sight, 400 with field errors)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from workflows.contracts.models import Customer, CustomerClassChange, Interaction

from .conftest import CUSTOMERS, customer_url

pytestmark = pytest.mark.django_db


def test_list_filters_by_class(api, customer):
    Customer.objects.filter(pk=customer.pk).update(value_class="A",
                                                   classified_for=date(2026, 12, 1))
    client = api("finance")
    got = client.get(CUSTOMERS + "?value_class=A").json()
    assert [c["id"] for c in got["results"]] == [customer.pk]
    assert got["results"][0]["value_class"] == "A"
    assert got["results"][0]["classified_for"] == "2026-12-01"
    assert client.get(CUSTOMERS + "?value_class=B").json()["count"] == 0
    bad = client.get(CUSTOMERS + "?value_class=Z")
    assert bad.status_code == 400 and "value_class" in bad.json()["fields"]


def test_detail_carries_the_class_history(api, customer):
    CustomerClassChange.objects.create(customer=customer, month=date(2026, 12, 1),
                                       old_class="", new_class="A",
                                       signed_value="1000000", collected="500000")
    body = api("east_rep1").get(customer_url(customer.pk)).json()
    assert body["class_history"] == [{"month": "2026-12-01", "old_class": "", "new_class": "A",
                                      "signed_value": "1000000.00", "collected": "500000.00"}]


def test_interactions_added_and_listed_newest_first(api, customer):
    client, today = api("east_rep2"), timezone.localdate()
    first = client.post(customer_url(customer.pk, "interactions"), {
        "kind": "call", "date": (today - timedelta(days=2)).isoformat(), "note": "电话跟进"},
        format="json")
    assert first.status_code == 201, first.json()
    assert first.json()["next_action_date"] is None
    second = client.post(customer_url(customer.pk, "interactions"), {
        "kind": "visit", "date": today.isoformat(), "note": "拜访",
        "next_action_date": (today + timedelta(days=5)).isoformat()}, format="json")
    assert second.status_code == 201
    listed = api("east_rep1").get(customer_url(customer.pk, "interactions")).json()
    assert [i["note"] for i in listed["results"]] == ["拜访", "电话跟进"]
    assert listed["results"][0]["by"]["username"] == "east_rep2"


def test_interactions_out_of_sight_are_404(api, customer):
    client = api("south_rep1")
    assert client.get(customer_url(customer.pk, "interactions")).status_code == 404
    response = client.post(customer_url(customer.pk, "interactions"), {
        "kind": "call", "date": timezone.localdate().isoformat(), "note": "x"}, format="json")
    assert response.status_code == 404
    assert not Interaction.objects.exists()


def test_bad_dates_are_field_errors(api, customer):
    client, today = api("east_rep1"), timezone.localdate()
    future = client.post(customer_url(customer.pk, "interactions"), {
        "kind": "call", "date": (today + timedelta(days=1)).isoformat(), "note": "x"},
        format="json")
    assert future.status_code == 400 and "date" in future.json()["fields"]
    garbled = client.post(customer_url(customer.pk, "interactions"), {
        "kind": "call", "date": "2026-02-30", "note": "x",
        "next_action_date": "soon"}, format="json")
    assert garbled.status_code == 400
    assert {"date", "next_action_date"} <= set(garbled.json()["fields"])
    assert not Interaction.objects.exists()
