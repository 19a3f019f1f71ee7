"""The register page, the API list and the heat map each run a constant number of queries,
however many risks they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from core.org.models import User

from ..conftest import HIGH, LOW, MEDIUM

pytestmark = pytest.mark.django_db


def queries(get) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert get().status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/risks/", "/risks/heatmap/", "/risks/summary/",
                                 "api:/api/risks/risks/", "api:/api/risks/heatmap/"])
def test_constant_queries_when_the_register_grows(personas, make_risk, with_plan, url):
    gm = User.objects.get(username="gm")
    if url.startswith("api:"):
        client, url = APIClient(), url[4:]
        client.force_authenticate(gm)
    else:
        from django.test import Client

        client = Client()
        client.force_login(gm)
    for rating in (LOW, MEDIUM, HIGH):
        with_plan(rating)
    client.get(url)  # per-user caches (roles) warm up on the first request
    small = queries(lambda: client.get(url))
    for n in range(12):
        with_plan((HIGH, MEDIUM, LOW)[n % 3], title=f"风险{n}",
                  owner=("east_rep1", "south_rep1", "north_rep1")[n % 3],
                  region=("east", "south", "north")[n % 3])

    assert queries(lambda: client.get(url)) == small
