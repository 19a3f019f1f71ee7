import pytest
from django.test import Client


@pytest.fixture
def client_for(personas):
    def make(username: str) -> Client:
        client = Client(headers={"accept-language": "en"})  # assertions read the source text
        client.force_login(personas[username])
        return client

    return make
