import pytest
from rest_framework.test import APIClient

from core.org.models import User

RISKS = "/api/risks/risks/"


def risk_url(risk_id, action: str = "") -> str:
    return f"{RISKS}{risk_id}/{action + '/' if action else ''}"


@pytest.fixture
def api(personas):
    """api("east_mgr") -> an APIClient logged in as that persona (api(None): anonymous).
    Each client gets its own copy of the user, so per-user caches (roles) start cold."""

    def client_for(username: str | None) -> APIClient:
        client = APIClient()
        if username is not None:
            client.force_authenticate(User.objects.get(pk=personas[username].pk))
        return client

    return client_for
