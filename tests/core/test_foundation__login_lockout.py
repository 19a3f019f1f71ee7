"""django-axes: repeated wrong passwords lock a username out (pages and the token API), a
correct password during the lockout does not get in, and other users are unaffected."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

PASSWORD = "countersign-demo"


@pytest.fixture(autouse=True)
def axes_on():
    with override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3):
        yield


def login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_login_works_when_the_password_is_right(client, personas):
    response = login(client, "gm", PASSWORD)
    assert response.status_code == 302


def test_locked_out_when_the_limit_of_wrong_passwords_is_reached(client, personas):
    for _ in range(2):
        assert login(client, "gm", "wrong").status_code == 200  # the form again, with an error
    locked = login(client, "gm", "wrong")
    assert locked.status_code in (403, 429)
    assert b"Too many failed logins" in locked.content
    # Even the right password is refused while locked out.
    again = login(client, "gm", PASSWORD)
    assert again.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_other_users_can_still_log_in_when_one_is_locked_out(client, personas):
    for _ in range(3):
        login(client, "gm", "wrong")
    assert login(client, "finance", PASSWORD).status_code == 302


def test_token_api_is_locked_out_too(client, personas):
    for _ in range(3):
        response = client.post("/api/auth/token/", {"username": "ceo", "password": "wrong"},
                               content_type="application/json")
        assert response.status_code in (400, 403, 429)
    response = client.post("/api/auth/token/", {"username": "ceo", "password": PASSWORD},
                           content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "locked_out"
    assert "token" not in response.json()


def test_a_success_resets_the_failure_count(client, personas):
    for _ in range(2):
        login(client, "gm", "wrong")
    assert login(client, "gm", PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        login(client, "gm", "wrong")
    assert login(client, "gm", PASSWORD).status_code == 302
