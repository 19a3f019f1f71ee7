"""Issue 9, login and sessions (the lockout is tests/core/test_foundation__login_lockout.py):
a session ends after SESSION_COOKIE_AGE and with the browser, its key changes at login, a
deactivated user or a changed password ends it, weak passwords are refused by the validators
(also through the admin's set-password form), logout is POST only. API tokens are held to the
same."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.org.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "countersign-demo"
WEAK = ["123456", "password", "12345678901", "abc12", "east_rep1", "赵磊赵磊赵磊"]


def _log_in(client, username: str = "east_rep1"):
    response = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def _token(client, username: str = "east_rep1") -> str:
    response = client.post("/api/auth/token/", {"username": username, "password": PASSWORD},
                           content_type="application/json")
    assert response.status_code == 200
    return response.json()["token"]


def test_session_ends_when_the_cookie_age_has_passed(personas, client):
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600  # a working day, not weeks
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        _log_in(client)
        assert client.get("/inbox/").status_code == 200
        traveller.shift(timedelta(seconds=settings.SESSION_COOKIE_AGE - 60))
        assert client.get("/inbox/").status_code == 200
        traveller.shift(timedelta(seconds=120))
        response = client.get("/inbox/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_session_cookie_ends_with_the_browser_when_logged_in(personas, client):
    response = _log_in(client)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert (cookie["expires"], cookie["max-age"]) == ("", "")  # a browser-session cookie
    assert cookie["httponly"] and cookie["samesite"].lower() in ("lax", "strict")


def test_session_key_changes_when_logging_in(personas, client):
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key
    _log_in(client)
    assert client.session.session_key != before


def test_session_ends_when_the_user_is_deactivated(personas, client):
    _log_in(client)
    User.objects.filter(username="east_rep1").update(is_active=False)
    assert client.get("/inbox/").status_code == 302


def test_session_ends_when_the_password_changes(personas, client):
    _log_in(client)
    user = User.objects.get(username="east_rep1")
    user.set_password("Tq7!vX2#pL9mRw-new")
    user.save()
    assert client.get("/inbox/").status_code == 302


@pytest.mark.parametrize("weak", WEAK)
def test_weak_password_is_refused_when_validated(personas, weak):
    with pytest.raises(ValidationError):
        validate_password(weak, user=personas["east_rep1"])


def test_strong_password_passes_when_validated(personas):
    validate_password("Tq7!vX2#pL9mRw", user=personas["east_rep1"])


def test_admin_set_password_form_refuses_weak_passwords_when_posted(personas, client):
    client.force_login(personas["admin"])
    target = personas["east_rep1"]
    url = reverse("admin:auth_user_password_change", args=[target.pk])  # Django's fixed name
    for weak in WEAK[:3]:
        response = client.post(url, {"password1": weak, "password2": weak,
                                     "usable_password": "true"})
        assert response.status_code == 200, weak  # the form again, with the error
        assert "password2" in response.context["form"].errors, weak  # the validators' verdict
    assert User.objects.get(pk=target.pk).check_password(PASSWORD)
    strong = "Tq7!vX2#pL9mRw"  # the same form takes a strong one
    response = client.post(url, {"password1": strong, "password2": strong,
                                 "usable_password": "true"})
    assert response.status_code == 302
    assert User.objects.get(pk=target.pk).check_password(strong)


def test_logout_is_post_only_when_called_with_get(personas, client):
    _log_in(client)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.get("/inbox/").status_code == 200  # still logged in
    assert client.post("/accounts/logout/").status_code in (200, 302)
    assert client.get("/inbox/").status_code == 302


def test_token_stops_working_when_the_user_is_deactivated(personas, client):
    token = _token(client)
    User.objects.filter(username="east_rep1").update(is_active=False)
    assert client.get("/api/tasks/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 401


def test_token_stops_working_when_the_session_age_has_passed(personas, client):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        token = _token(client)
        auth = {"HTTP_AUTHORIZATION": f"Token {token}"}
        assert client.get("/api/tasks/", **auth).status_code == 200
        traveller.shift(timedelta(seconds=settings.SESSION_COOKIE_AGE + 60))
        assert client.get("/api/tasks/", **auth).status_code == 401


def test_token_stops_working_when_the_password_changes(personas, client):
    token = _token(client)
    user = User.objects.get(username="east_rep1")
    user.set_password("Tq7!vX2#pL9mRw-new")
    user.save()
    assert client.get("/api/tasks/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 401


def test_session_store_reads_what_djangos_database_store_reads(personas, client):
    """core.sessions compiles its one statement once; it finds the same session as Django's
    database store, and nothing (and forgets the key) for an unknown or expired one."""
    from django.contrib.sessions.backends.db import SessionStore as DjangoStore
    from django.contrib.sessions.models import Session

    from core.sessions import SessionStore

    assert settings.SESSION_ENGINE == "core.sessions"
    _log_in(client)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert SessionStore(key).load() == DjangoStore(key).load() != {}
    unknown = SessionStore("x" * 32)
    assert unknown.load() == {} and unknown.session_key is None
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(
        seconds=1))
    expired = SessionStore(key)
    assert expired.load() == {} == DjangoStore(key).load() and expired.session_key is None
    assert client.get("/inbox/").status_code == 302  # logged out
