"""Issue 18, "find anything": one search box over number, title, customer and submitter on the
task lists, the requests lists and the audit trail; sorts; saved filters. A search only
narrows what a list already shows: visibility and segregation of duties stay."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core import engine
from core.inbox import selectors
from core.inbox.models import Request, SavedFilter, WorkItem
from core.inbox.selectors import ARCHIVE, INBOX, TaskFilters, requests_for, tasks_for
from core.org.models import Delegation

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(personas):
    """login("east_mgr") -> a client of its own, logged in as that persona."""
    from django.test import Client

    def as_user(username):
        client = Client()
        client.force_login(personas[username])
        return client

    return as_user


def titles(qs) -> list[str]:
    return sorted(t.title for t in qs)


@pytest.fixture
def three(submit):
    """Three demo requests of east_rep1/east_rep2, all waiting on east_mgr."""
    return {
        "taxi": submit("east_rep1", "120.00", title="Taxi to the airport"),
        "booth": submit("east_rep2", "3200.00", title="Trade fair booth"),
        "samples": submit("east_rep1", "860.00", title="Samples by courier"),
    }


# --- what is searched -------------------------------------------------------------------------


def test_search_finds_by_title_number_submitter_name_and_username(personas, three):
    mgr = personas["east_mgr"]
    rep2 = personas["east_rep2"]

    def found(q):
        return titles(tasks_for(mgr, INBOX, TaskFilters(q=q)))

    assert found("booth") == ["Trade fair booth"]
    assert found("TRADE   fair") == ["Trade fair booth"]  # case and spaces do not matter
    assert found(three["samples"].number) == ["Samples by courier"]
    assert found(three["samples"].number[-3:]) == ["Samples by courier"]  # a fragment
    assert found(str(rep2)) == ["Trade fair booth"]  # the display name (Chinese)
    assert found("east_rep2") == ["Trade fair booth"]  # the username
    assert found("nothing like this") == []
    assert len(found("")) == 3  # an empty search is no search


def test_search_finds_by_customer_kept_by_the_engine(personas, three):
    """The customer (`party`) is set by the process; renaming it through the engine's
    update_request is found at once, in the request's tasks too."""
    req = three["booth"]
    engine.update_request(kind="demo", object_id=req.object_id, party="上海明远贸易有限公司")
    mgr = personas["east_mgr"]
    assert titles(tasks_for(mgr, INBOX, TaskFilters(q="明远贸易"))) == ["Trade fair booth"]
    assert titles(requests_for(personas["east_rep2"], mine=True, q="明远")) == [
        "Trade fair booth"]
    engine.update_request(kind="demo", object_id=req.object_id, title="Booth, renamed")
    assert [t.pk for t in tasks_for(mgr, INBOX, TaskFilters(q="renamed"))] == [
        open_item(req).pk]
    assert WorkItem.objects.get(pk=open_item(req).pk).search_text == Request.objects.get(
        pk=req.pk).search_text


def test_renamed_submitter_is_found_by_the_new_name(personas, three):
    rep1 = personas["east_rep1"]
    rep1.display_name = "Zhao Newname"
    rep1.save()
    assert titles(tasks_for(personas["east_mgr"], INBOX, TaskFilters(q="newname"))) == [
        "Samples by courier", "Taxi to the airport"]


def test_a_login_does_not_rewrite_the_search_text(personas, three):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rep1 = personas["east_rep1"]
    rep1.last_login = timezone.now()
    with CaptureQueriesContext(connection) as ctx:
        rep1.save(update_fields=["last_login"])
    assert not [q for q in ctx.captured_queries if "inbox_" in q["sql"]], ctx.captured_queries


# --- visibility: a search never widens a list ---------------------------------------------


def test_search_never_finds_another_users_request(personas, three, submit):
    south = submit("south_rep1", "500.00", title="Trade fair in Guangzhou")
    # east_mgr sees only the east requests; south_mgr only the south one
    assert titles(tasks_for(personas["east_mgr"], INBOX, TaskFilters(q="trade fair"))) == [
        "Trade fair booth"]
    assert titles(tasks_for(personas["south_mgr"], INBOX, TaskFilters(q="trade fair"))) == [
        "Trade fair in Guangzhou"]
    assert titles(tasks_for(personas["south_mgr"], INBOX, TaskFilters(q="booth"))) == []
    # "my requests" and "all I can see" of a submitter: their own only
    assert titles(requests_for(personas["east_rep1"], mine=True, q="trade")) == []
    assert titles(requests_for(personas["east_rep1"], q="trade")) == []
    assert titles(requests_for(personas["south_rep1"], q="trade")) == [
        "Trade fair in Guangzhou"]
    # an auditor sees everything, so finds both
    assert titles(requests_for(personas["auditor"], q="trade fair")) == [
        "Trade fair booth", "Trade fair in Guangzhou"]
    assert Request.objects.filter(pk=south.pk).exists()


def test_search_keeps_segregation_of_duties_for_a_deputy(personas, submit):
    """east_mgr delegates to east_rep2, who submits: the deputy never finds their own request
    among the tasks they may decide, by any search."""
    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_mgr"], deputy=personas["east_rep2"],
                              starts_on=today, ends_on=today + timedelta(days=1), kinds=[])
    own = submit("east_rep2", "300.00", title="My own taxi")
    other = submit("east_rep1", "300.00", title="Colleague taxi")
    deputy = type(personas["east_rep2"]).objects.get(pk=personas["east_rep2"].pk)
    assert titles(tasks_for(deputy, INBOX, TaskFilters(q="taxi"))) == ["Colleague taxi"]
    assert titles(tasks_for(deputy, INBOX, TaskFilters(q=own.number))) == []
    assert other.number


def test_archive_search_covers_only_what_the_user_decided(personas, three):
    from core.inbox import services

    mgr = personas["east_mgr"]
    services.task_approve(task_id=open_item(three["taxi"]).pk, actor=mgr, comment="")
    assert titles(tasks_for(mgr, ARCHIVE, TaskFilters(q="taxi"))) == ["Taxi to the airport"]
    assert titles(tasks_for(mgr, ARCHIVE, TaskFilters(q="booth"))) == []
    assert titles(tasks_for(personas["south_mgr"], ARCHIVE, TaskFilters(q="taxi"))) == []


# --- sorting ------------------------------------------------------------------------------


def test_sorts_by_amount_due_and_received_stably(personas, three):
    mgr = personas["east_mgr"]
    now = timezone.now()
    for name, due in (("taxi", 3), ("booth", 1), ("samples", 2)):
        WorkItem.objects.filter(pk=open_item(three[name]).pk).update(
            due=now + timedelta(days=due), created=now - timedelta(days=due))

    def order(sort):
        return [t.title.split()[0] for t in tasks_for(mgr, INBOX, TaskFilters(sort=sort))]

    assert order("amount") == ["Taxi", "Samples", "Trade"]
    assert order("-amount") == ["Trade", "Samples", "Taxi"]
    assert order("due") == ["Trade", "Samples", "Taxi"]
    assert order("-due") == ["Taxi", "Samples", "Trade"]
    assert order("received") == ["Taxi", "Samples", "Trade"]
    assert order("-received") == ["Trade", "Samples", "Taxi"]
    assert order("title; DROP TABLE x") == order("")  # not a known sort: the usual order


def test_equal_amounts_page_without_repeating_or_skipping(personas, submit):
    for i in range(7):
        submit("east_rep1", "100.00", title=f"Same amount {i}")
    qs = tasks_for(personas["east_mgr"], INBOX, TaskFilters(sort="amount"))
    pages = [list(qs[i:i + 3]) for i in range(0, 7, 3)]
    seen = [t.pk for page in pages for t in page]
    assert len(seen) == len(set(seen)) == 7


# --- the pages ------------------------------------------------------------------------------


def test_inbox_page_searches_sorts_and_keeps_the_query_in_the_pager(login, personas, submit):
    for i in range(27):
        submit("east_rep1", f"{100 + i}.00", title=f"Courier {i:02d}")
    submit("east_rep2", "50.00", title="Hotel night")
    client = login("east_mgr")
    html = client.get("/inbox/?tab=inbox&q=courier&sort=-amount").content.decode()
    assert "Hotel night" not in html
    assert html.index("Courier 26") < html.index("Courier 25")  # largest amount first
    assert "q=courier" in html and "sort=-amount" in html and "page=2" in html
    page2 = client.get("/inbox/?tab=inbox&q=courier&sort=-amount&page=2").content.decode()
    assert "Courier 00" in page2 and "Courier 26" not in page2
    assert "<th>Process</th>" in html  # the process column


@pytest.mark.parametrize("url", [
    "/inbox/?tab=inbox&sort=nonsense", "/inbox/?tab=queue&sort=%00", "/inbox/?tab=archive&sort="
    + "x" * 500, "/requests/?sort=-password", "/requests/?scope=all&sort=amount&q=" + "长" * 300,
    "/inbox/?q=%25%25%25_&sort=due",
])
def test_bad_sort_or_search_is_ignored_never_500(login, three, url):
    response = login("east_mgr").get(url)
    assert response.status_code == 200


def test_requests_page_searches_mine(login, three):
    html = login("east_rep1").get("/requests/?q=taxi").content.decode()
    assert "Taxi to the airport" in html and "Samples by courier" not in html
    html = login("east_rep1").get("/requests/?q=zzzz").content.decode()
    assert "No request matches these filters." in html


def test_audit_search_by_customer_lists_the_requests_events_from_the_draft_on(login, three):
    req = three["booth"]
    engine.update_request(kind="demo", object_id=req.object_id, party="明远贸易")
    html = login("auditor").get("/audit/?q=明远").content.decode()
    assert req.number in html
    assert three["taxi"].number not in html
    assert '<td data-label="Process">Demo approval</td>' in html  # the process column
    response = login("auditor").get("/api/audit/events/?q=明远")
    assert response.status_code == 200
    numbers = {row["number"] for row in response.json()["results"]}
    assert numbers == {req.number}


# --- saved filters --------------------------------------------------------------------------


def test_saved_filter_is_created_listed_and_applied_by_its_owner_only(login, personas, three):
    mgr = login("east_mgr")
    response = mgr.post("/filters/", {"page": "tasks", "name": "Big ones",
                                      "query": "tab=inbox&q=booth&sort=-amount&page=3&evil=1"})
    assert response.status_code == 302
    saved = SavedFilter.objects.get(user=personas["east_mgr"])
    assert saved.query == "tab=inbox&q=booth&sort=-amount"  # only what the page knows
    html = mgr.get("/inbox/").content.decode()
    assert "Big ones" in html and f"/filters/{saved.pk}/delete/" in html
    # another user neither sees nor deletes it
    other = login("south_mgr")
    assert "Big ones" not in other.get("/inbox/").content.decode()
    assert other.post(f"/filters/{saved.pk}/delete/").status_code == 404
    assert SavedFilter.objects.filter(pk=saved.pk).exists()
    # no state change on GET; the owner deletes it with a POST
    assert mgr.get(f"/filters/{saved.pk}/delete/").status_code == 405
    assert mgr.post(f"/filters/{saved.pk}/delete/").status_code == 302
    assert not SavedFilter.objects.filter(pk=saved.pk).exists()


def test_saved_filter_refuses_a_blank_name_and_an_unknown_page(login, personas):
    client = login("east_mgr")
    assert client.post("/filters/", {"page": "admin", "name": "x", "query": ""}).status_code \
        == 404
    response = client.post("/filters/", {"page": "requests", "name": "   ", "query": "q=a"},
                           follow=True)
    assert response.status_code == 200
    assert "Give the filter a name." in response.content.decode()
    assert not SavedFilter.objects.exists()


def test_saved_filter_needs_csrf(personas):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["east_mgr"])
    response = client.post("/filters/", {"page": "tasks", "name": "x", "query": "q=a"})
    assert response.status_code == 403
    assert not SavedFilter.objects.exists()


def test_search_bar_escapes_what_it_shows_and_signs_its_forms(personas):
    """The search bar is built in Python (the `search_bar` tag): a saved filter's name and
    query, the typed search and a filter's value come back escaped; each of its POST forms
    carries the CSRF token; in the reader's language."""
    from django.test import Client

    SavedFilter.objects.create(user=personas["east_mgr"], page="tasks",
                               name='<b>"big"</b> & 大', query="q=a%26b&x=<y>")
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(personas["east_mgr"])
    html = client.get("/inbox/?tab=queue&q=%3Cscript%3E&step=%22s%22").content.decode()
    assert "<b>" not in html and "<script>" not in html
    assert "&lt;b&gt;&quot;big&quot;&lt;/b&gt; &amp; 大" in html
    assert 'href="?q=a%26b&amp;x=&lt;y&gt;"' in html
    assert 'name="q" id="id_q" value="&lt;script&gt;"' in html
    assert 'name="step" value="&quot;s&quot;"' in html
    assert 'aria-label="删除已保存的筛选条件 &lt;b&gt;' in html
    assert 'href="?tab=queue">' in html  # "clear" keeps the tab
    token = client.cookies["csrftoken"].value
    assert html.count('name="csrfmiddlewaretoken"') >= 3  # delete, save, language (and more)
    saved = SavedFilter.objects.get()
    response = client.post(f"/filters/{saved.pk}/delete/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and not SavedFilter.objects.exists()


def test_inbox_rows_offer_approve_and_return_to_the_holder(login, three):
    html = login("east_mgr").get("/inbox/").content.decode()
    item = open_item(three["taxi"])
    assert f'formaction="/inbox/tasks/{item.pk}/approve/"' in html
    assert 'id="rowact"' in html
    # an auditor reads, never decides: no buttons
    assert "formaction=" not in login("auditor").get("/inbox/").content.decode()
    assert Decimal(item.amount) == Decimal("120.00")
    assert selectors.INBOX == "inbox"


def test_api_lists_search_within_what_the_user_sees(personas, three):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(personas["east_mgr"])
    response = api.get("/api/tasks/", {"q": "booth"})
    assert response.status_code == 200
    assert [t["request"]["title"] for t in response.json()["results"]] == ["Trade fair booth"]
    api.force_authenticate(personas["south_rep1"])
    response = api.get("/api/requests/", {"q": "booth"})
    assert response.status_code == 200 and response.json()["results"] == []
    response = api.get("/api/requests/", {"q": "x" * 101})
    assert response.status_code == 400


@pytest.mark.parametrize("url", [
    "/inbox/?tab=inbox&q=&step=&submitter=&amount_min=",
    "/audit/?q=&subject_kind=&number=&actor=&event=&since=&until=",
])
def test_an_empty_text_filter_stays_empty_when_the_form_comes_back(login, url):
    """An empty text field came back as "None" (Widget.format_value("") is None), and the next
    search or export looked for the number "None"."""
    html = login("auditor").get(url).content.decode()
    assert 'value="None"' not in html


def test_audit_names_the_principal_a_deputy_acted_for_with_the_username_on_hover(
        login, personas, submit):
    """The audit list showed "(for east_mgr)": a username where people read names."""
    from core.inbox import services

    today = timezone.localdate()
    Delegation.objects.create(principal=personas["east_mgr"], deputy=personas["east_rep2"],
                              starts_on=today, ends_on=today + timedelta(days=1), kinds=[])
    req = submit("east_rep1", "300.00", title="Taxi")
    deputy = type(personas["east_rep2"]).objects.get(pk=personas["east_rep2"].pk)
    services.task_approve(task_id=open_item(req).pk, actor=deputy, comment="")
    html = login("auditor").get("/audit/").content.decode()
    mgr = personas["east_mgr"]
    assert f'<span title="east_mgr">{mgr}</span>' in html
    assert f'<span title="east_rep2">{deputy}</span>' in html


def test_api_lists_the_users_own_saved_filters_only(personas):
    from rest_framework.test import APIClient

    SavedFilter.objects.create(user=personas["east_mgr"], page="tasks", name="Mine",
                               query="tab=queue&q=acme")
    SavedFilter.objects.create(user=personas["south_mgr"], page="tasks", name="Theirs")
    api = APIClient()
    api.force_authenticate(personas["east_mgr"])
    response = api.get("/api/saved-filters/")
    assert response.status_code == 200
    assert [(f["name"], f["url"]) for f in response.json()["results"]] == [
        ("Mine", "/inbox/?tab=queue&q=acme")]
    assert APIClient().get("/api/saved-filters/").status_code in (401, 403)
