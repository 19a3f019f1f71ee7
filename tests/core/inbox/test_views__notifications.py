import pytest

from core.inbox.models import Notification
from core.inbox.tasks import deliver_notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, personas):
    def as_user(username):
        client.force_login(personas[username])
        return client

    return as_user


def note(user, key: str, text: str = "hello"):
    deliver_notification(recipient_id=user.pk, kind="decided", request_id=None, text=text,
                         url="/requests/1/", dedupe_key=key)
    return Notification.objects.get(dedupe_key=key)


def test_only_own_notifications_listed_when_user_opens_notifications(login, personas):
    mine = note(personas["east_rep1"], "a", "for rep1")
    note(personas["east_rep2"], "b", "for rep2")

    response = login("east_rep1").get("/notifications/")

    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [mine]
    assert "for rep1" in response.content.decode()
    assert "for rep2" not in response.content.decode()
    assert response.context["nav_unread"] == 1


def test_only_that_one_read_when_user_marks_one_notification_read(login, personas):
    first = note(personas["east_rep1"], "a")
    second = note(personas["east_rep1"], "b")
    theirs = note(personas["east_rep2"], "c")
    client = login("east_rep1")

    response = client.post("/notifications/read/", {"id": first.pk})
    # Someone else's notification cannot be marked through its id.
    client.post("/notifications/read/", {"id": theirs.pk})

    assert response.status_code == 302
    assert response["Location"] == "/notifications/"
    first.refresh_from_db()
    second.refresh_from_db()
    theirs.refresh_from_db()
    assert first.read_at is not None
    assert second.read_at is None
    assert theirs.read_at is None


def test_all_own_read_when_user_marks_all_read(login, personas):
    mine = [note(personas["east_rep1"], k) for k in ("a", "b")]
    theirs = note(personas["east_rep2"], "c")

    response = login("east_rep1").post("/notifications/read/", {"next": "/inbox/"})

    assert response.status_code == 302
    assert response["Location"] == "/inbox/"
    assert all(Notification.objects.get(pk=n.pk).read_at for n in mine)
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_local_redirect_only_when_next_points_elsewhere(login, personas):
    note(personas["east_rep1"], "a")

    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example/",
                   "\\\\evil.example/", "javascript:alert(1)"):
        response = login("east_rep1").post("/notifications/read/", {"next": target})
        assert response["Location"] == "/notifications/"


def test_method_not_allowed_when_mark_read_is_a_get(login, personas):
    n = note(personas["east_rep1"], "a")

    assert login("east_rep1").get("/notifications/read/").status_code == 405
    assert Notification.objects.get(pk=n.pk).read_at is None
