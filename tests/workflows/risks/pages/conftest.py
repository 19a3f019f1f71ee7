import pytest
from django.test import Client

from core.org.models import User


@pytest.fixture
def browser(personas):
    """browser("east_mgr") -> a logged-in test client (None: anonymous)."""

    def client_for(username: str | None, **kwargs) -> Client:
        client = Client(**kwargs)
        if username is not None:
            client.force_login(User.objects.get(pk=personas[username].pk))
        return client

    return client_for
