"""Every /api/ error answers the JSON envelope {detail, code, fields}, whatever the input: deeply
nested JSON, a body over the size limit, an error no view expected (issue 17, hole 5)."""

import json

import pytest
from django.test import Client
from django.test.utils import override_settings

from core.inbox import services
from core.inbox.models import WorkItem, WorkItemStatus

from .conftest import open_task, task_url

ERROR_KEYS = {"detail", "code", "fields"}


def _envelope(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["code"] == code
    assert body["detail"]
    return body


@pytest.mark.parametrize("depth", [50, 2_000, 100_000])
def test_400_when_json_is_nested_too_deeply(api, submit, depth):
    task = open_task(submit("east_rep1"))
    body = '{"comment": ' + "[" * depth + "]" * depth + "}"

    response = api("east_mgr").post(task_url(task.pk, "approve"), body,
                                    content_type="application/json")

    _envelope(response, 400, "parse_error")
    assert WorkItem.objects.get(pk=task.pk).status == WorkItemStatus.OPEN


def test_ordinary_nesting_still_accepted(api, submit):
    ids = [open_task(submit("east_rep1")).pk]
    response = api("east_mgr").post("/api/tasks/bulk-approve/", {"ids": ids}, format="json")
    assert response.status_code == 200


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_413_when_the_json_body_is_too_large(api, submit):
    task = open_task(submit("east_rep1"))
    body = json.dumps({"comment": "x" * 20_000})

    response = api("east_mgr").post(task_url(task.pk, "approve"), body,
                                    content_type="application/json")

    _envelope(response, 413, "too_large")
    assert WorkItem.objects.get(pk=task.pk).status == WorkItemStatus.OPEN


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_413_when_a_form_body_is_too_large(api, submit):
    task = open_task(submit("east_rep1"))

    response = api("east_mgr").post(task_url(task.pk, "approve"), {"comment": "x" * 20_000})

    _envelope(response, 413, "too_large")


def test_500_in_the_envelope_when_a_view_fails_unexpectedly(personas, submit, monkeypatch):
    task = open_task(submit("east_rep1"))

    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "task_approve", broken)
    client = Client(raise_request_exception=False)
    client.force_login(personas["east_mgr"])

    response = client.post(task_url(task.pk, "approve"), {}, content_type="application/json")

    body = _envelope(response, 500, "server_error")
    assert "boom" not in body["detail"]  # nothing internal leaks


def test_400_in_the_envelope_when_the_body_is_not_json(api, submit):
    task = open_task(submit("east_rep1"))
    response = api("east_mgr").post(task_url(task.pk, "approve"), "{not json",
                                    content_type="application/json")
    _envelope(response, 400, "parse_error")


def test_every_api_view_parses_json_with_the_capped_parser():
    from django.urls import URLPattern, URLResolver, get_resolver
    from rest_framework.parsers import JSONParser as DRFJSONParser

    from core.api.parsers import JSONParser

    def views(patterns):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from views(p.url_patterns)
            elif isinstance(p, URLPattern):
                cls = getattr(p.callback, "cls", None) or getattr(p.callback, "view_class", None)
                if cls is not None and hasattr(cls, "parser_classes"):
                    yield p, cls

    checked = 0
    for pattern, cls in views(get_resolver().url_patterns):
        for parser in cls.parser_classes:
            if issubclass(parser, DRFJSONParser):
                assert issubclass(parser, JSONParser), (pattern, cls)
                checked += 1
    assert checked > 20
