import pytest
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions
from viewflow.workflow.exceptions import FlowLockFailed

from core.api.errors import exception_handler
from core.exceptions import (
    ApprovalError,
    AuthorityLimitError,
    SegregationOfDutiesError,
    StateConflictError,
)
from core.org.demo import DEMO_PASSWORD
from core.org.models import ApiToken

ERROR_KEYS = {"detail", "code", "fields"}


def _handle(exc):
    return exception_handler(exc, {})


# Over HTTP

@pytest.mark.django_db
def test_400_in_error_shape_when_token_requested_with_wrong_password(client, personas):
    response = client.post("/api/auth/token/", {"username": "east_rep1", "password": "wrong"})
    assert response.status_code == 400
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["code"] == "invalid"
    assert body["detail"]
    assert body["fields"] == {}


@pytest.mark.django_db
def test_400_naming_the_field_when_token_requested_without_password(client, personas):
    response = client.post("/api/auth/token/", {"username": "east_rep1"})
    assert response.status_code == 400
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["code"] == "invalid"
    assert list(body["fields"]) == ["password"]
    assert all(isinstance(m, str) for m in body["fields"]["password"])


@pytest.mark.django_db
def test_token_returned_when_demo_credentials_correct(client, personas):
    response = client.post("/api/auth/token/",
                           {"username": "east_rep1", "password": DEMO_PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token", "id", "expiry"}
    stored = ApiToken.objects.get(user=personas["east_rep1"])
    assert body["token"].startswith(stored.token_key) and body["id"] == stored.token_key
    assert body["token"] not in stored.digest  # only a digest of the secret is kept
    assert response["X-Request-ID"]


@pytest.mark.django_db
def test_openapi_schema_refused_when_anonymous(client):
    response = client.get("/api/schema/")
    assert response.status_code == 401
    assert set(response.json()) == ERROR_KEYS


@pytest.mark.django_db
def test_openapi_schema_served_when_logged_in(client, personas):
    client.force_login(personas["east_rep1"])
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    assert response.content.startswith(b"openapi: 3.")
    assert b"/api/auth/token/" in response.content


@pytest.mark.django_db
def test_openapi_json_served_when_logged_in(client, personas):
    client.force_login(personas["auditor"])
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Countersign API"
    assert "/api/auth/token/" in schema["paths"]


@pytest.mark.django_db
def test_docs_page_sends_anonymous_visitors_to_log_in(client, personas):
    response = client.get("/api/docs/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.get("/api/docs/?script=").status_code == 302
    client.force_login(personas["east_rep1"])
    page = client.get("/api/docs/")
    assert page.status_code == 200
    assert b"<script>" not in page.content  # the start-up script comes from ?script
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


# The handler itself, for the errors no endpoint raises yet

@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (SegregationOfDutiesError(), 403, "segregation_of_duties"),
        (AuthorityLimitError(), 403, "authority_limit"),
        (StateConflictError(), 409, "state_conflict"),
        (ApprovalError("Bad amount", fields={"amount": ["Too large."]}), 400, "approval_error"),
        (FlowLockFailed(), 409, "locked"),
        (Http404(), 404, "not_found"),
        (PermissionDenied(), 403, "permission_denied"),
        (exceptions.NotAuthenticated(), 401, "not_authenticated"),
        (exceptions.MethodNotAllowed("DELETE"), 405, "method_not_allowed"),
    ],
)
def test_error_shape_with_status_and_code_when_exception_raised(exc, status, code):
    response = _handle(exc)
    assert response.status_code == status
    assert set(response.data) == ERROR_KEYS
    assert response.data["code"] == code
    assert isinstance(response.data["detail"], str)
    assert response.data["detail"]


def test_fields_and_message_kept_when_approval_error_names_fields():
    response = _handle(ApprovalError("Bad amount", fields={"amount": ["Too large."]}))
    assert response.data == {"detail": "Bad amount", "code": "approval_error",
                             "fields": {"amount": ["Too large."]}}


def test_400_with_fields_when_django_validation_error_has_a_dict():
    response = _handle(DjangoValidationError({"ends_on": ["Must not be before the first day."]}))
    assert response.status_code == 400
    assert response.data == {
        "detail": "Must not be before the first day.",
        "code": "invalid",
        "fields": {"ends_on": ["Must not be before the first day."]},
    }


def test_400_without_fields_when_django_validation_error_is_a_message():
    response = _handle(DjangoValidationError("No band covers this amount."))
    assert response.status_code == 400
    assert response.data == {"detail": "No band covers this amount.", "code": "invalid",
                             "fields": {}}


def test_non_field_messages_joined_when_drf_validation_error_has_them():
    response = _handle(exceptions.ValidationError(
        {"non_field_errors": ["First.", "Second."], "amount": "Required."}
    ))
    assert response.status_code == 400
    assert response.data == {"detail": "First.; Second.", "code": "invalid",
                             "fields": {"amount": ["Required."]}}


def test_generic_detail_when_drf_validation_error_names_only_fields():
    response = _handle(exceptions.ValidationError({"amount": ["Required."]}))
    assert response.data == {"detail": "Some fields are not valid.", "code": "invalid",
                             "fields": {"amount": ["Required."]}}


def test_not_handled_when_exception_is_not_an_api_error():
    assert _handle(RuntimeError("bug")) is None


def test_nested_field_messages_are_plain_text_when_a_nested_serializer_fails():
    response = _handle(exceptions.ValidationError({"lines": [{"amount": ["Required."]}]}))
    messages = [m for ms in response.data["fields"].values() for m in ms]
    assert not any("ErrorDetail" in m for m in messages), messages
