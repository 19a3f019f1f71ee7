"""Issue 18, the approver's desk: decide and open the next task; decide a queue task directly."""

import html
import re

import pytest
from django.contrib.messages import get_messages
from django.http import QueryDict

from core.inbox.models import RequestStatus, WorkItem

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, personas):
    def as_user(username):
        client.force_login(personas[username])
        return client

    return as_user


def url(item, action: str = "") -> str:
    return f"/inbox/tasks/{item.pk}/{action + '/' if action else ''}"


def texts(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_next_task_opens_in_inbox_order_when_approver_asks_for_it(login, submit, personas):
    first, second, third = (open_item(submit(title=t)) for t in ("一", "二", "三"))
    client = login("east_mgr")

    r1 = client.post(url(first, "approve"), {"approve-comment": "同意", "then": "next"})
    assert r1.status_code == 302 and r1["Location"] == url(second)
    r2 = client.post(url(second, "reject"), {"reject-reason": "不合规", "then": "next"})
    assert r2["Location"] == url(third)
    r3 = client.post(url(third, "return"), {"return-reason": "补充", "then": "next"})

    assert r3["Location"] == "/inbox/"
    assert "That was the last one: nothing else waits for you." in texts(r3)
    assert [WorkItem.objects.get(pk=i.pk).decision for i in (first, second, third)] == [
        "approved", "rejected", "returned"]


def test_back_to_inbox_when_approver_decides_without_next(login, submit):
    first, _second = open_item(submit(title="一")), open_item(submit(title="二"))

    response = login("east_mgr").post(url(first, "approve"), {"then": "inbox"})

    assert response["Location"] == "/inbox/"
    assert "Approved: 一" in texts(response)


def test_the_choice_sticks_when_the_next_decision_names_none(login, submit, personas):
    first, second, third = (open_item(submit(title=t)) for t in ("一", "二", "三"))
    client = login("east_mgr")
    client.post(url(first, "approve"), {"then": "next"})
    personas["east_mgr"].refresh_from_db()
    assert personas["east_mgr"].open_next_task is True
    page = client.get(url(second)).content.decode()
    # the remembered way out comes first, as the form's default button
    assert page.index('value="next"') < page.index('value="inbox"')

    response = client.post(url(second, "approve"), {})  # Enter, or an old form

    assert response["Location"] == url(third)
    client.post(url(third, "approve"), {"then": "inbox"})
    personas["east_mgr"].refresh_from_db()
    assert personas["east_mgr"].open_next_task is False


def test_next_skips_tasks_the_approver_may_not_decide(login, submit, personas):
    """The next task is the inbox's own next row: segregation of duties applies (another
    submitter's task is not listed to east_rep2, and a deputy never gets their own request)."""
    first = open_item(submit(title="一"))
    open_item(submit("south_rep1", title="南"))  # south_mgr's: not in east_mgr's inbox

    response = login("east_mgr").post(url(first, "approve"), {"then": "next"})

    assert response["Location"] == "/inbox/"


@pytest.mark.usefixtures("queue_matrix")
def test_candidate_sees_decision_forms_and_decides_straight_from_queue(login, submit,
                                                                       east_queue):
    req = submit()
    item = open_item(req)
    client = login("east_mgr")

    page = client.get(url(item))
    html = page.content.decode()
    assert page.context["may_decide"] is True and page.context["can_claim"] is True
    for action in ("approve", "reject", "return", "claim"):
        assert f'action="{url(item, action)}"' in html, action

    response = client.post(url(item, "approve"), {"approve-comment": "同意"})

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.decided_by.username, item.assignee.username) == (
        "done", "east_mgr", "east_mgr")
    req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED


@pytest.mark.usefixtures("queue_matrix")
def test_second_candidate_gets_409_when_the_first_decided_from_the_queue(login, submit,
                                                                         east_queue, client):
    item = open_item(submit())
    login("east_mgr").post(url(item, "approve"), {})
    client.force_login(east_queue)

    response = client.post(url(item, "approve"), {})

    assert response.status_code == 409
    assert WorkItem.objects.filter(pk=item.pk, decided_by__username="east_mgr").exists()


def test_request_files_previewed_inline_with_the_download_access_rule(login, submit, personas,
                                                                      client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.inbox import attachments

    req = submit()
    item = open_item(req)
    att = attachments.attachment_add(
        request_id=req.pk, actor=personas["east_rep1"],
        upload=SimpleUploadedFile("合同.pdf", b"%PDF-1.4\n% x\n%%EOF\n", "application/pdf"))

    page = login("east_mgr").get(url(item)).content.decode()
    view = f"/attachments/{att.token}/view/"
    assert f'<iframe src="{view}"' in page

    served = login("east_mgr").get(view)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"].startswith("inline")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'self'"
    assert served["X-Frame-Options"] == "SAMEORIGIN"
    # whoever may not download it may not view it either
    for who in ("south_mgr", "east_rep2"):
        client.force_login(personas[who])
        assert client.get(f"/attachments/{att.token}/").status_code == 404, who
        assert client.get(view).status_code == 404, who


# --- "open the next" keeps to the list the approver works through (its filters and sort) ----


def opened(location: str) -> tuple[str, dict]:
    """A task address and the list parameters its ?from= carries."""
    path, _, query = location.partition("?")
    return path, QueryDict(QueryDict(query).get("from", "")).dict()


def test_next_task_is_the_filtered_lists_next_when_the_task_came_from_it(login, submit):
    first, other, second = (open_item(submit(title=t)) for t in ("出租车 一", "酒店", "出租车 二"))
    client = login("east_mgr")
    inbox = client.get("/inbox/", {"q": "出租车"}).content.decode()
    link = re.search(rf'href="({url(first)}[^"#]*)"', inbox).group(1)
    assert opened(html.unescape(link)) == (url(first), {"q": "出租车"})
    page = client.get(html.unescape(link)).content.decode()
    listed = re.search(r'<input type="hidden" name="from" value="([^"]*)">', page).group(1)

    response = client.post(url(first, "approve"), {"then": "next", "from": html.unescape(listed)})

    # not `other`, the whole inbox's next row: the list's next, and that page keeps the list
    assert opened(response["Location"]) == (url(second), {"q": "出租车"})
    assert WorkItem.objects.get(pk=other.pk).status == "open"


def test_next_follows_the_lists_sort(login, submit):
    small, large, middle = (open_item(submit(title=t, amount=a))
                            for t, a in (("一", "100.00"), ("二", "900.00"), ("三", "500.00")))
    client = login("east_mgr")

    response = client.post(url(large, "approve"), {"then": "next", "from": "sort=-amount"})

    assert opened(response["Location"]) == (url(middle), {"sort": "-amount"})
    response = client.post(url(middle, "approve"), {"then": "next", "from": "sort=-amount"})
    assert opened(response["Location"]) == (url(small), {"sort": "-amount"})


def test_whole_inbox_next_with_a_message_when_the_filtered_list_is_empty(login, submit):
    only, other = open_item(submit(title="出租车")), open_item(submit(title="酒店"))

    response = login("east_mgr").post(url(only, "approve"), {"then": "next", "from": "q=出租车"})

    assert response["Location"] == url(other)  # no ?from=: the list it names is done
    assert ("Nothing else in your list matches its filters: this is the next task of your "
            "whole inbox.") in texts(response)


def test_back_to_the_filtered_list_when_the_approver_decides_without_next(login, submit):
    item = open_item(submit(title="出租车"))

    response = login("east_mgr").post(url(item, "approve"),
                                      {"then": "inbox", "from": "kind=demo&overdue=on"})

    assert response["Location"] == "/inbox/?kind=demo&overdue=on"


def test_list_query_keeps_only_the_lists_own_parameters(login, submit):
    """No open redirect: the list is only ever a query string of /inbox/ or a task page."""
    first, second = open_item(submit(title="一")), open_item(submit(title="二"))
    client = login("east_mgr")
    given = "next=https://evil.example/&q=二&url=//evil.example&page=9"

    to_task = client.post(url(first, "approve"), {"then": "next", "from": given})
    to_inbox = client.post(url(second, "approve"), {"then": "inbox", "from": given})

    assert opened(to_task["Location"]) == (url(second), {"q": "二"})
    assert to_inbox["Location"] == "/inbox/?q=%E4%BA%8C"
    for response in (to_task, to_inbox):
        assert "evil" not in response["Location"] and "page" not in response["Location"]


def test_rows_of_a_list_without_filters_open_the_plain_task_address(login, submit):
    item = open_item(submit(title="一"))
    client = login("east_mgr")

    for address in ("/inbox/", "/inbox/?tab=inbox", "/inbox/?tab=inbox&page=1"):
        html_ = client.get(address).content.decode()
        assert f'href="{url(item)}"' in html_ and "?from=" not in html_, address
        assert 'name="from"' not in html_, address


@pytest.mark.usefixtures("queue_matrix")
def test_the_plain_queue_tabs_next_is_the_queues_first(login, submit, east_queue, personas):
    from core.inbox import services

    claimed, first, second = (open_item(submit(title=t)) for t in ("一", "二", "三"))
    client = login("east_mgr")
    services.task_claim(task_id=claimed.pk, actor=personas["east_mgr"])
    queue = client.get("/inbox/", {"tab": "queue"}).content.decode()
    assert f'href="{url(first)}?from=tab%3Dqueue"' in queue  # the queue's rows name their list

    response = client.post(url(first, "approve"), {"then": "next", "from": "tab=queue"})

    # the queue's next, not the claimed task at the top of the inbox
    assert opened(response["Location"]) == (url(second), {"tab": "queue"})


def test_comment_and_release_keep_to_the_list_the_task_came_from(login, submit, personas):
    item = open_item(submit(title="出租车"))
    client = login("east_mgr")

    commented = client.post(url(item, "comment"), {"comment-comment": "看过了",
                                                   "from": "q=出租车"})

    assert opened(commented["Location"]) == (url(item), {"q": "出租车"})
    page = client.get(commented["Location"]).content.decode()
    forms = re.findall(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', page, re.S)
    for action, body in forms:
        if action.startswith(url(item)):
            assert 'name="from" value="q=%E5%87%BA%E7%A7%9F%E8%BD%A6"' in body, action


@pytest.mark.usefixtures("queue_matrix")
def test_release_goes_back_to_the_list_the_task_came_from(login, submit, east_queue,
                                                          personas):
    from core.inbox import services

    item = open_item(submit(title="出租车"))
    services.task_claim(task_id=item.pk, actor=personas["east_mgr"])

    response = login("east_mgr").post(url(item, "release"), {"from": "tab=queue"})

    assert response["Location"] == "/inbox/?tab=queue"
    assert WorkItem.objects.get(pk=item.pk).assignee_id is None


def test_bulk_approve_goes_back_to_the_filtered_list_it_was_sent_from(login, submit):
    first, second = open_item(submit(title="出租车 一")), open_item(submit(title="出租车 二"))
    client = login("east_mgr")
    inbox = client.get("/inbox/", {"q": "出租车"}).content.decode()
    bulk = re.search(r'<form id="bulk".*?</form>', inbox, re.S).group(0)
    assert 'name="from" value="q=%E5%87%BA%E7%A7%9F%E8%BD%A6"' in bulk

    response = client.post("/inbox/bulk-approve/", {"ids": [first.pk, second.pk],
                                                     "from": "q=出租车"})

    assert response["Location"] == "/inbox/?q=%E5%87%BA%E7%A7%9F%E8%BD%A6"
    assert {WorkItem.objects.get(pk=i.pk).decision for i in (first, second)} == {"approved"}


def test_urge_keeps_to_the_list_the_task_came_from(login, submit, personas, client):
    item = open_item(submit("east_rep1", title="出租车"))

    response = login("east_rep1").post(f"/inbox/tasks/{item.pk}/urge/",
                                       {"urge-comment": "请尽快", "from": "sort=due"})

    assert opened(response["Location"]) == (url(item), {"sort": "due"})
