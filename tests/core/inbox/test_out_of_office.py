"""自助代理: a person's own out-of-office (core.org.out_of_office), on the preferences page,
and what it does to tasks: the deputy sees them with an "acting for" banner, the route shows
the deputy, an urge reaches both, the history shows names."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.audit.models import AuditEvent
from core.inbox import actions, route, services
from core.inbox.models import Notification
from core.org import out_of_office
from core.org.models import Delegation
from core.org.out_of_office import OutOfOffice

from .helpers import no_audit_event, one_audit_event, open_item

pytestmark = pytest.mark.django_db


def away(personas, who="east_mgr", deputy="north_mgr", days=(0, 2), kinds=()):
    today = timezone.localdate()
    return out_of_office.set_out_of_office(personas[who], OutOfOffice(
        deputy=personas[deputy], starts_on=today + timedelta(days=days[0]),
        ends_on=today + timedelta(days=days[1]), kinds=list(kinds), reason="年假"))


def test_setting_it_writes_one_audit_event_and_tells_the_line_manager(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), \
            one_audit_event("org.out_of_office_set") as audit:
        delegation = away(personas)
    assert (delegation.principal, delegation.deputy) == (personas["east_mgr"],
                                                         personas["north_mgr"])
    event = audit["event"]
    assert event.actor == personas["east_mgr"]
    assert (event.subject_kind, event.subject_id) == ("org.delegation", str(delegation.pk))
    assert event.data["principal"] == "张伟" and event.data["deputy"] == "刘洋"
    note = Notification.objects.get(kind="out_of_office")
    assert note.recipient == personas["gm"]  # east_mgr's line manager
    assert note.params["principal"] == "张伟" and note.params["deputy"] == "刘洋"


@pytest.mark.parametrize(("deputy", "field"), [
    ("east_mgr", "deputy"),  # themselves
    ("auditor", "deputy"),   # may not act for anyone
])
def test_refused_deputies(personas, deputy, field):
    with no_audit_event(), pytest.raises(ValidationError) as exc:
        away(personas, deputy=deputy)
    assert field in exc.value.message_dict
    assert not Delegation.objects.exists()


def test_refused_when_it_overlaps_another_of_the_same_processes(personas):
    away(personas, days=(0, 5))
    with no_audit_event(), pytest.raises(ValidationError) as exc:
        away(personas, deputy="south_mgr", days=(3, 8))
    assert "starts_on" in exc.value.message_dict
    # other processes in the same days are fine
    away(personas, who="south_mgr", deputy="gm", days=(3, 8), kinds=["demo"])


def test_refused_when_the_deputy_already_delegates_back_in_a_circle(personas):
    away(personas, who="east_mgr", deputy="north_mgr", days=(0, 5))
    away(personas, who="north_mgr", deputy="south_mgr", days=(2, 9))
    with no_audit_event(), pytest.raises(ValidationError) as exc:
        away(personas, who="south_mgr", deputy="east_mgr", days=(4, 6))
    assert "circle" in exc.value.message_dict["deputy"][0]
    # after the circle's days it is no circle
    away(personas, who="south_mgr", deputy="east_mgr", days=(10, 12))


def test_admin_validation_refuses_the_circle_too(personas):
    away(personas, who="east_mgr", deputy="north_mgr")
    today = timezone.localdate()
    back = Delegation(principal=personas["north_mgr"], deputy=personas["east_mgr"],
                      starts_on=today, ends_on=today)
    with pytest.raises(ValidationError) as exc:
        back.full_clean()
    assert "deputy" in exc.value.message_dict


def test_cancelling_one_not_begun_removes_it_one_under_way_ends_yesterday(
    personas, django_capture_on_commit_callbacks
):
    later = away(personas, days=(5, 6))
    with django_capture_on_commit_callbacks(execute=True), \
            one_audit_event("org.out_of_office_cancelled"):
        out_of_office.cancel_out_of_office(personas["east_mgr"], later.pk)
    assert not Delegation.objects.filter(pk=later.pk).exists()
    note = Notification.objects.get(kind="out_of_office", recipient=personas["gm"])
    assert "cancelled" in note.message

    today = timezone.localdate()
    running = Delegation.objects.create(
        principal=personas["east_mgr"], deputy=personas["north_mgr"],
        starts_on=today - timedelta(days=2), ends_on=today + timedelta(days=2))
    out_of_office.cancel_out_of_office(personas["east_mgr"], running.pk)
    running.refresh_from_db()
    assert running.ends_on == today - timedelta(days=1)


def test_nobody_cancels_someone_else_s(personas):
    from core.exceptions import NotFoundError

    delegation = away(personas)
    with no_audit_event(), pytest.raises(NotFoundError):
        out_of_office.cancel_out_of_office(personas["north_mgr"], delegation.pk)
    with pytest.raises(NotFoundError):
        out_of_office.cancel_out_of_office(personas["east_mgr"], 2**70)
    assert Delegation.objects.filter(pk=delegation.pk).exists()


def test_the_deputy_sees_the_principal_s_new_task_with_the_banner_and_the_route_shows_them(
    client, submit, personas
):
    away(personas)
    req = submit()  # east_rep1's claim goes to east_mgr, who is away
    item = open_item(req)
    assert item.assignee == personas["east_mgr"]
    stops = route.request_route(req)
    assert any("张伟 → 刘洋" in d for stop in stops for d in stop.deputies)

    client.force_login(personas["north_mgr"])
    inbox = client.get(reverse("inbox:inbox")).content.decode()
    assert req.title in inbox
    assert "acting for 张伟" in inbox
    page = client.get(reverse("inbox:task", args=[item.pk])).content.decode()
    assert 'data-testid="acting-for"' in page and "张伟" in page

    # the principal sees their own task without a banner
    client.force_login(personas["east_mgr"])
    page = client.get(reverse("inbox:task", args=[item.pk])).content.decode()
    assert 'data-testid="acting-for"' not in page


def test_an_urge_reaches_both_and_the_history_names_the_principal(
    client, submit, personas, django_capture_on_commit_callbacks
):
    away(personas)
    req = submit()
    item = open_item(req)
    with django_capture_on_commit_callbacks(execute=True):
        urge = actions.task_urge(task_id=item.pk, actor=personas["east_rep1"])
    assert set(urge.recipient_ids) == {personas["east_mgr"].pk, personas["north_mgr"].pk}

    services.task_approve(task_id=item.pk, actor=personas["north_mgr"], comment="代批")
    event = AuditEvent.objects.get(event="demo.approved")
    assert event.on_behalf_of == personas["east_mgr"]
    client.force_login(personas["east_rep1"])
    page = client.get(reverse("inbox:request", args=[req.pk])).content.decode()
    assert "(acting for 张伟)" in page


class TestPage:
    def test_the_page_sets_it(self, client, personas):
        client.force_login(personas["east_mgr"])
        today = timezone.localdate()
        response = client.post(reverse("out-of-office-set"), {
            "ooo-deputy": personas["north_mgr"].pk, "ooo-starts_on": today.isoformat(),
            "ooo-ends_on": (today + timedelta(days=1)).isoformat(), "ooo-kinds": ["demo"],
            "ooo-reason": "出差"})
        assert response.status_code == 302
        delegation = Delegation.objects.get()
        assert delegation.kinds == ["demo"] and delegation.reason == "出差"
        page = client.get(reverse("preferences")).content.decode()
        assert "刘洋" in page and reverse("out-of-office-cancel", args=[delegation.pk]) in page

        response = client.post(reverse("out-of-office-cancel", args=[delegation.pk]))
        assert response.status_code == 302
        assert not Delegation.objects.exists()

    @pytest.mark.parametrize("case", ["self", "overlap", "cycle", "auditor"])
    def test_refusals_show_the_field_message_and_keep_the_input(self, client, personas, case):
        today = timezone.localdate()
        deputy = {"self": "east_mgr", "auditor": "auditor"}.get(case, "north_mgr")
        if case == "overlap":
            away(personas, deputy="south_mgr")
        if case == "cycle":
            away(personas, who="north_mgr", deputy="east_mgr")
        client.force_login(personas["east_mgr"])
        before = Delegation.objects.count()
        with no_audit_event():
            response = client.post(reverse("out-of-office-set"), {
                "ooo-deputy": personas[deputy].pk, "ooo-starts_on": today.isoformat(),
                "ooo-ends_on": today.isoformat(), "ooo-reason": "typed reason"})
        assert response.status_code == 400
        form = response.context["ooo_form"]
        assert form.errors
        page = response.content.decode()
        assert 'value="typed reason"' in page
        assert f'value="{today.isoformat()}"' in page
        assert Delegation.objects.count() == before
        assert "deputy" in form.errors or "starts_on" in form.errors

    def test_no_change_on_get(self, client, personas):
        client.force_login(personas["east_mgr"])
        assert client.get(reverse("out-of-office-set")).status_code == 405
