"""Fixtures for the access-control and hostile-input tests: a small world of real objects made
by the services (built once per module, rolled back at its end), logged-in clients per persona,
row snapshots, and `figure` for the report's FIGURE lines."""


import pytest
from django.db import connection, transaction
from django.test import Client, override_settings
from rest_framework.test import APIClient

from core.org.models import User

from .world import build_world


@pytest.fixture(autouse=True)
def _media(settings, tmp_path_factory):
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "security-media"


@pytest.fixture(scope="module")
def world(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """One world for the module: built once in an outer transaction that each test nests in
    (pytest-django's savepoints) and rolled back when the module is done. Read-only tests share
    it; tests that write roll their writes back with their own savepoint. A module's
    WORLD_TEXT (hostile content) goes into every free text of its world."""
    media = tmp_path_factory.getbasetemp() / "security-media"
    # pytest-django creates the test database only when a collected test asks for `db` (a
    # module using `world` is marked django_db): never build the world in the real database.
    name = str(connection.settings_dict["NAME"])
    assert "memory" in name or "test" in name, f"not a test database: {name}"
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        built = build_world(getattr(request.module, "WORLD_TEXT", ""))
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def login(db):
    """login("east_rep1") -> a Client with that persona's session (None: anonymous)."""

    def client_for(username: str | None, *, csrf: bool = False) -> Client:
        client = Client(enforce_csrf_checks=csrf)
        if username is not None:
            client.force_login(User.objects.get(username=username))
        return client

    return client_for


@pytest.fixture
def api(db):
    """api("east_rep1") -> an APIClient authenticated as that persona (None: anonymous)."""

    def client_for(username: str | None) -> APIClient:
        client = APIClient()
        if username is not None:
            client.force_authenticate(User.objects.get(username=username))
        return client

    return client_for


