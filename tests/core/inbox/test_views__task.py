import pytest
from django.contrib.messages import get_messages

from core.audit.models import AuditEvent
from core.inbox.models import Decision, RequestStatus, WorkItem

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, personas):
    def as_user(username):
        client.force_login(personas[username])
        return client

    return as_user


def action_url(item, action: str) -> str:
    return f"/inbox/tasks/{item.pk}/{action}/"


def test_not_found_when_user_cannot_see_the_task(login, submit):
    item = open_item(submit())

    for who in ("east_rep2", "south_mgr", "north_rep1", "finance"):
        assert login(who).get(f"/inbox/tasks/{item.pk}/").status_code == 404, who
        assert login(who).post(action_url(item, "approve")).status_code == 404, who
    assert WorkItem.objects.get(pk=item.pk).is_open


def test_not_found_when_task_does_not_exist(login):
    assert login("auditor").get("/inbox/tasks/987654/").status_code == 404


def test_action_forms_shown_when_assignee_opens_the_task(login, submit):
    item = open_item(submit())

    response = login("east_mgr").get(f"/inbox/tasks/{item.pk}/")

    assert response.status_code == 200
    assert response.context["item"] == item
    assert response.context["is_mine"] is True
    html = response.content.decode()
    for action in ("approve", "reject", "return", "comment"):
        assert f'action="{action_url(item, action)}"' in html


def test_no_action_forms_when_auditor_opens_the_task(login, submit):
    item = open_item(submit())

    response = login("auditor").get(f"/inbox/tasks/{item.pk}/")

    assert response.status_code == 200
    assert response.context["read_only"] is True
    html = response.content.decode()
    assert f"/inbox/tasks/{item.pk}/" in html  # the page is about this task...
    for action in ("approve", "reject", "return", "claim", "reassign", "comment", "release"):
        assert action_url(item, action) not in html  # ...and offers no way to change it


def test_only_the_reassign_form_when_assignees_manager_opens_the_task(login, submit):
    item = open_item(submit())

    response = login("gm").get(f"/inbox/tasks/{item.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert action_url(item, "reassign") in html
    assert action_url(item, "approve") not in html


def test_reassign_offers_only_people_with_the_steps_authority_when_manager_opens_task(
        login, submit, personas):
    item = open_item(submit())  # east_rep1's demo request, at east_mgr (line manager)

    form = login("gm").get(f"/inbox/tasks/{item.pk}/").context["reassign_form"]
    offered = {u.username for u in form.fields["assignee"].queryset}

    assert {"south_mgr", "north_mgr", "ceo", "admin"} <= offered  # managers, above, admins
    assert not offered & {"east_rep1", "east_rep2", "east_mgr", "auditor"}  # submitter, peers,
    # the holder, read-only roles

    response = login("gm").post(action_url(item, "reassign"), {
        "reassign-assignee": personas["east_rep2"].pk, "reassign-reason": "休假"})
    assert response.status_code == 400
    assert "休假" in response.content.decode()  # what was typed is kept
    item.refresh_from_db()
    assert item.assignee == personas["east_mgr"]


def test_redirected_and_approved_when_assignee_posts_approve(login, submit):
    req = submit()
    item = open_item(req)

    response = login("east_mgr").post(action_url(item, "approve"),
                                      {"approve-comment": "fine"})

    assert response.status_code == 302
    assert response["Location"] == "/inbox/"
    item.refresh_from_db()
    assert (item.decision, item.comment) == (Decision.APPROVED, "fine")
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


def test_form_error_400_when_rejecting_without_reason(login, submit):
    item = open_item(submit())
    events = AuditEvent.objects.count()

    response = login("east_mgr").post(action_url(item, "reject"), {"reject-reason": "  "})

    assert response.status_code == 400
    form = response.context["reject_form"]
    assert "reason" in form.errors
    assert str(form.errors["reason"][0]) in response.content.decode()
    assert WorkItem.objects.get(pk=item.pk).is_open
    assert AuditEvent.objects.count() == events


def test_typed_text_kept_when_reject_reason_too_long(login, submit):
    item = open_item(submit())
    typed = "理由" * 1001  # over the 2,000-character limit

    response = login("east_mgr").post(action_url(item, "reject"), {"reject-reason": typed})

    assert response.status_code == 400
    assert "reason" in response.context["reject_form"].errors
    assert typed in response.content.decode()
    assert WorkItem.objects.get(pk=item.pk).is_open


def test_chosen_step_kept_when_return_posted_without_reason(login, submit, personas):
    from core.inbox import services

    req = submit(amount="15000")
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])
    gm_item = open_item(req)

    response = login("gm").post(action_url(gm_item, "return"),
                                {"return-to_step": "0", "return-reason": ""})

    assert response.status_code == 400
    form = response.context["return_form"]
    assert "reason" in form.errors
    assert form["to_step"].value() == "0"
    assert '<option value="0" selected>' in response.content.decode()
    assert open_item(req).pk == gm_item.pk


def test_refusal_rendered_with_its_status_when_service_refuses(login, submit):
    item = open_item(submit())

    # The submitter sees the task but may not decide it.
    response = login("east_rep1").post(action_url(item, "approve"), {"approve-comment": "me"})

    assert response.status_code == 403
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert WorkItem.objects.get(pk=item.pk).is_open


def test_method_not_allowed_when_action_url_is_a_get(login, submit):
    item = open_item(submit())
    client = login("east_mgr")

    for action in ("approve", "reject", "return", "claim", "release", "reassign", "comment"):
        assert client.get(action_url(item, action)).status_code == 405, action
    assert WorkItem.objects.get(pk=item.pk).is_open


def test_not_found_when_action_unknown(login, submit):
    item = open_item(submit())

    assert login("east_mgr").post(action_url(item, "delete")).status_code == 404


def test_comment_recorded_when_posted_from_the_task_page(login, submit):
    item = open_item(submit())

    response = login("east_rep1").post(action_url(item, "comment"),
                                       {"comment-comment": "invoice attached"})

    assert response.status_code == 302
    assert response["Location"] == f"/inbox/tasks/{item.pk}/"
    assert AuditEvent.objects.filter(event="demo.commented", comment="invoice attached").exists()


def test_task_claimed_when_candidate_posts_claim(client, submit, east_queue, queue_matrix):
    item = open_item(submit())
    client.force_login(east_queue)

    response = client.post(action_url(item, "claim"))

    assert response.status_code == 302
    assert WorkItem.objects.get(pk=item.pk).assignee == east_queue
