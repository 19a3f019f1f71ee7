import pytest
from rest_framework.test import APIClient

from core.org.models import User

PLANS = "/api/plans/plans/"


def url(plan_id, action: str = "") -> str:
    return f"{PLANS}{plan_id}/{action + '/' if action and '.' not in action else action}"


@pytest.fixture
def api(personas):
    """api("gm") -> an APIClient logged in as that persona (api(None): anonymous), each with
    a fresh copy of the user so per-user caches start cold."""

    def client_for(username: str | None) -> APIClient:
        client = APIClient(headers={"accept-language": "en"})
        if username is not None:
            client.force_authenticate(User.objects.get(pk=personas[username].pk))
        return client

    return client_for
