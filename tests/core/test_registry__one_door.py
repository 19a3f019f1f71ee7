"""Adding a process is one folder plus its registration (issue 16): a throwaway spec in a test
app (tests/core/throwaway) gets its URLs, its menu entry, inbox rows, audit sentences and
access-matrix rows with no edit outside that folder, and no migration."""

import dataclasses
import importlib
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import clear_url_caches, reverse

from core import engine, kinds, registry
from core.audit.models import AuditEvent
from core.authority.models import AuthorityBand
from core.inbox import services
from core.inbox.models import WorkItem
from core.inbox.templatetags.countersign import describe, state_name, step_name
from tests.core.throwaway.process import KIND, SPEC
from tests.security import routes

pytestmark = pytest.mark.django_db


@pytest.fixture
def throwaway(settings):
    """The one line a new process needs outside its folder: its app in INSTALLED_APPS."""
    import config.urls

    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, "tests.core.throwaway"]):
        importlib.reload(config.urls)
        clear_url_caches()
        try:
            yield registry.get(KIND)
        finally:
            registry.unregister(KIND)
    importlib.reload(config.urls)
    clear_url_caches()


def test_a_second_spec_for_a_kind_is_refused():
    with pytest.raises(registry.AlreadyRegistered, match="demo"):
        registry.register(dataclasses.replace(registry.get("demo")))
    assert registry.get("demo").flow.__name__ == "DemoApprovalFlow"


def test_only_a_spec_can_be_registered():
    with pytest.raises(TypeError):
        registry.register(SimpleNamespace(kind="zz"))


def test_a_kind_must_be_a_short_code():
    with pytest.raises(ValueError):
        dataclasses.replace(SPEC, kind="not a code!")


def test_the_app_registers_its_spec(throwaway):
    assert throwaway is SPEC


def test_the_new_process_gets_its_urls_and_menu_entry(throwaway, client, personas):
    assert reverse("throwaway:thing", kwargs={"thing_id": 7}) == "/throwaway/7/"
    client.force_login(personas["east_rep1"])

    assert client.get("/throwaway/").status_code == 200
    page = client.get(reverse("inbox:inbox"))

    assert [(link["label"], link["active"]) for link in page.context["nav_processes"]
            if link["url"] == "/throwaway/"] == [("Throwaway things", False)]
    assert b'href="/throwaway/"' in page.content
    assert KIND in kinds.values() and (KIND, "Throwaway thing") in kinds.choices()


def test_the_new_process_routes_through_the_inbox_and_reads_in_plain_language(
        throwaway, personas):
    # the demo company seeded the process's own matrix from its spec
    assert AuthorityBand.objects.get(matrix__kind=KIND).steps == ["line_manager"]
    rep, manager = personas["east_rep1"], personas["east_mgr"]

    req = engine.submit(kind=KIND, obj=SimpleNamespace(pk=1), submitter=rep, title="Thing 1",
                        amount=100, number="ZZ-1")

    item = WorkItem.objects.get(request=req, status="open")
    assert (item.kind, item.assignee, item.number) == (KIND, manager, "ZZ-1")
    services.task_approve(task_id=item.pk, actor=manager, comment="fine")
    event = AuditEvent.objects.filter(subject_kind=KIND, subject_id=1).latest("seq")
    assert (event.from_state, event.to_state) == ("sent", "done")
    assert state_name("done", KIND) == "Done" and step_name("tidy_up") == "Tidy up"
    poked = AuditEvent(event="zz_throwaway.poked", actor_name="someone")
    assert describe(poked) == "someone poked the thing"


def test_the_new_process_brings_its_access_matrix_rows(throwaway):
    mapped = [route for route in routes.walk() if route.route.startswith("throwaway/")]

    assert [routes.family(r) for r in mapped if r.params] == ["thing"]


def test_adding_a_kind_needs_no_migration(throwaway):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
