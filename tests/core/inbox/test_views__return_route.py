"""The return form lets the approver choose where the resubmission goes, as far as the process
allows (ProcessSpec.resubmit_to, the default first), and the submitter's banner says where it
will go (issue 18)."""

import pytest
from django.test import Client

from core.inbox.models import Request, RequestStatus

from .helpers import open_item

pytestmark = pytest.mark.django_db

BACK = "submitter:returner"


@pytest.fixture
def client_for(personas):
    def make(username: str) -> Client:
        client = Client(headers={"accept-language": "en"})
        client.force_login(personas[username])
        return client

    return make


def test_both_choices_offered_default_first_when_the_process_allows_them(client_for, submit):
    req = submit("east_rep1", "800.00")

    html = client_for("east_mgr").get(f"/inbox/tasks/{open_item(req).pk}/").content.decode()

    restart = html.index('<option value="" selected>The submitter; the resubmission goes '
                         'through the whole route again</option>')
    back = html.index(f'<option value="{BACK}">The submitter; the resubmission comes straight '
                      'back to me</option>')
    assert restart < back


def test_resubmission_held_for_the_returner_when_they_chose_it(client_for, submit, personas):
    req = submit("east_rep1", "800.00")
    task = open_item(req)

    response = client_for("east_mgr").post(f"/inbox/tasks/{task.pk}/return/", {
        "return-to_step": BACK, "return-reason": "请补充行程"})

    assert response.status_code == 302
    req = Request.objects.get(pk=req.pk)
    assert (req.status, req.resume_step) == (RequestStatus.RETURNED, task.step_code)
    banner = client_for("east_rep1").get(f"/requests/{req.pk}/").content.decode()
    assert f"Once resubmitted it goes straight back to {personas['east_mgr']}" in banner


def test_whole_route_announced_when_the_returner_kept_the_default(client_for, submit):
    req = submit("east_rep1", "800.00")
    client_for("east_mgr").post(f"/inbox/tasks/{open_item(req).pk}/return/", {
        "return-to_step": "", "return-reason": "请补充行程"})

    banner = client_for("east_rep1").get(f"/requests/{req.pk}/").content.decode()

    assert Request.objects.get(pk=req.pk).resume_step == ""
    assert "Once resubmitted it goes through the whole route again." in banner


def test_form_error_and_nothing_returned_when_the_choice_is_not_offered(client_for, submit):
    req = submit("east_rep1", "800.00")
    task = open_item(req)

    response = client_for("east_mgr").post(f"/inbox/tasks/{task.pk}/return/", {
        "return-to_step": "submitter:elsewhere", "return-reason": "x"})

    assert response.status_code == 400
    assert "to_step" in response.context["return_form"].errors
    assert Request.objects.get(pk=req.pk).status == RequestStatus.IN_REVIEW
