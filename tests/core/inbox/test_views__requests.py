import pytest
from django.contrib.messages import get_messages

from core.inbox import services
from core.inbox.models import RequestStatus

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, personas):
    def as_user(username):
        client.force_login(personas[username])
        return client

    return as_user


def listed(response) -> list[int]:
    return [r.pk for r in response.context["page"].object_list]


def test_own_requests_listed_when_submitter_opens_my_requests(login, submit):
    mine = submit("east_rep1", title="mine")
    submit("east_rep2", title="a colleague's")

    response = login("east_rep1").get("/requests/")

    assert response.status_code == 200
    assert listed(response) == [mine.pk]
    assert f'href="/requests/{mine.pk}/"' in response.content.decode()


def test_only_matching_requests_when_my_requests_filtered_by_status(login, submit, personas):
    approved = submit("east_rep1", title="approved")
    services.task_approve(task_id=open_item(approved).pk, actor=personas["east_mgr"])
    waiting = submit("east_rep1", title="waiting")
    client = login("east_rep1")

    assert listed(client.get("/requests/?status=approved")) == [approved.pk]
    assert listed(client.get("/requests/?status=in_review")) == [waiting.pk]


def test_involved_requests_listed_when_approver_asks_for_all(login, submit, personas):
    req = submit("east_rep1")
    submit("south_rep1")
    client = login("east_mgr")

    assert listed(client.get("/requests/")) == []
    assert listed(client.get("/requests/?scope=all")) == [req.pk]


def test_flow_diagram_shown_when_submitter_opens_the_request(login, submit):
    req = submit()

    response = login("east_rep1").get(f"/requests/{req.pk}/")

    assert response.status_code == 200
    assert response.context["can_withdraw"] is True
    html = response.content.decode()
    assert "<svg" in html
    assert f'action="/requests/{req.pk}/withdraw/"' in html


@pytest.mark.parametrize("who", ["east_rep2", "south_mgr", "finance"])
def test_not_found_when_unrelated_user_opens_the_request(login, submit, who):
    req = submit()

    assert login(who).get(f"/requests/{req.pk}/").status_code == 404
    assert login(who).post(f"/requests/{req.pk}/withdraw/").status_code == 404


def test_no_withdraw_form_when_approver_or_auditor_opens_the_request(login, submit):
    req = submit()

    for who in ("east_mgr", "auditor"):
        response = login(who).get(f"/requests/{req.pk}/")
        assert response.status_code == 200
        assert f"/requests/{req.pk}/withdraw/" not in response.content.decode()


def test_request_withdrawn_when_submitter_posts_withdraw(login, submit):
    req = submit()
    item = open_item(req)

    response = login("east_rep1").post(f"/requests/{req.pk}/withdraw/",
                                       {"reason": "not needed"})

    assert response.status_code == 302
    assert response["Location"] == f"/requests/{req.pk}/"
    req.refresh_from_db()
    assert req.status == RequestStatus.WITHDRAWN
    item.refresh_from_db()
    assert not item.is_open


def test_error_message_and_nothing_changed_when_approver_posts_withdraw(login, submit):
    req = submit()

    response = login("east_mgr").post(f"/requests/{req.pk}/withdraw/")

    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW


def test_request_back_in_review_when_submitter_posts_resubmit(login, submit, personas):
    req = submit()
    services.task_return(task_id=open_item(req).pk, actor=personas["east_mgr"], reason="fix")
    client = login("east_rep1")
    assert client.get(f"/requests/{req.pk}/").context["can_resubmit"] is True

    response = client.post(f"/requests/{req.pk}/resubmit/", {"comment": "fixed"})

    assert response.status_code == 302
    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW
    assert open_item(req).assignee == personas["east_mgr"]


def test_method_not_allowed_when_withdraw_is_a_get(login, submit):
    req = submit()

    assert login("east_rep1").get(f"/requests/{req.pk}/withdraw/").status_code == 405
    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW


def test_not_found_when_request_action_unknown(login, submit):
    req = submit()

    assert login("east_rep1").post(f"/requests/{req.pk}/approve/").status_code == 404


@pytest.mark.parametrize(("language", "label"), [("en", "In this state since"),
                                                 ("zh-hans", "进入当前状态的时间")])
def test_since_is_labelled_as_the_time_the_request_entered_its_state(login, submit, language,
                                                                    label):
    """Issue 18, defect 5: a bare "Since" (起始时间) read as when the request began."""
    req = submit("east_rep1")
    client = login("east_rep1")
    headers = {"accept-language": language}

    detail = client.get(f"/requests/{req.pk}/", headers=headers).content.decode()
    listing = client.get("/requests/", headers=headers).content.decode()

    for html in (detail, listing):
        assert label in html
        assert ">Since<" not in html and "起始时间" not in html


def test_add_file_offered_only_while_the_request_is_open(login, submit, personas):
    """Issue 18, defect 6: finished requests still offered "add a file"."""
    req = submit("east_rep1")
    upload = f'action="/requests/{req.pk}/attachments/"'
    assert upload in login("east_rep1").get(f"/requests/{req.pk}/").content.decode()

    item = open_item(req)
    services.task_approve(task_id=item.pk, actor=personas["east_mgr"])
    req.refresh_from_db()
    assert not req.is_open

    page = login("east_rep1").get(f"/requests/{req.pk}/").content.decode()
    assert upload not in page
    assert "Files can be added until the request is decided." in page
    task_page = login("east_mgr").get(f"/inbox/tasks/{item.pk}/").content.decode()
    assert upload not in task_page


def test_the_rejection_reason_heads_the_request_and_task_pages(login, submit, personas):
    """Issue 18, defect 8: a rejection's reason appeared only deep in the history."""
    req = submit("east_rep1")
    item = open_item(req)
    services.task_reject(task_id=item.pk, actor=personas["east_mgr"], reason="超出年度预算")

    for who, url in (("east_rep1", f"/requests/{req.pk}/"),
                     ("east_mgr", f"/inbox/tasks/{item.pk}/")):
        page = login(who).get(url).content.decode()
        banner = page.index('class="msg msg-error decision-banner"')
        assert banner < page.index("超出年度预算") < page.index("<h2>History</h2>"), who
        assert str(personas["east_mgr"]) in page[banner:page.index("超出年度预算")]


def test_a_returned_demo_request_resubmits_on_its_own_page_with_the_reason_on_top(
        login, submit, personas):
    """A process without an edit page: the request page is where it is revised, so the banner
    offers no link to itself and the page keeps its one resubmit form."""
    req = submit("east_rep1")
    services.task_return(task_id=open_item(req).pk, actor=personas["east_mgr"], reason="补充说明")

    page = login("east_rep1").get(f"/requests/{req.pk}/").content.decode()

    assert page.index("decision-banner") < page.index("补充说明") < page.index("<h2>History</h2>")
    assert ">Revise and resubmit</a>" not in page
    assert page.count(f'action="/requests/{req.pk}/resubmit/"') == 1
