import re
from io import BytesIO

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from core.org.admin_import import IMPORT_PERMISSIONS
from core.org.models import OrgImport, User
from tests.core.org.orgbook import book, small_company

pytestmark = pytest.mark.django_db

PAGE = "/admin/org/user/import/"
APPLY = "/admin/org/user/import/apply/"
TEMPLATE = "/admin/org/user/import/template.xlsx"


@pytest.fixture
def operator(db):
    return User.objects.create_superuser("operator", "op@acme.example", "x" * 12)


@pytest.fixture
def admin_client(client, operator):
    client.force_login(operator)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _upload(name="acme.xlsx", data=None):
    return SimpleUploadedFile(name, data if data is not None else book(small_company()))


def _staff(username, *, perms=()):
    user = User.objects.create_user(username, f"{username}@acme.example", "x" * 12,
                                    is_staff=True)
    for perm in perms:
        app, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app,
                                                         codename=codename))
    return User.objects.get(pk=user.pk)


def test_only_staff_with_the_import_permissions_reach_the_page(client, db):
    plain = User.objects.create_user("plain", "p@acme.example", "x" * 12)
    client.force_login(plain)
    assert client.get(PAGE).status_code == 302  # the admin's login page
    client.force_login(_staff("clerk", perms=["org.view_user", "org.change_user"]))
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, {"file": _upload()}).status_code == 403
    assert client.get(TEMPLATE).status_code == 403
    assert b"Import from a workbook" not in client.get("/admin/org/user/").content
    client.force_login(_staff("hr", perms=[*IMPORT_PERMISSIONS, "org.view_user"]))
    assert client.get(PAGE).status_code == 200
    assert PAGE.encode() in client.get("/admin/org/user/").content


def test_preview_shows_the_changes_then_apply_makes_them(admin_client, operator):
    response = admin_client.post(PAGE, {"file": _upload()})

    html = response.content.decode()
    assert response.status_code == 200
    assert "rep_e" in html and "Apply 12 changes" in html
    assert not User.objects.filter(username="rep_e").exists()  # a preview changes nothing
    stored = OrgImport.objects.get()
    assert stored.uploaded_by == operator and stored.applied_at is None
    assert not list((settings.MEDIA_ROOT).rglob("acme*"))  # never saved under its own name
    digest = re.search(r'name="digest" value="([0-9a-f]{64})"', html).group(1)

    applied = admin_client.post(APPLY, {"upload": stored.pk, "digest": digest})

    assert applied.status_code == 302 and applied["Location"].endswith("/admin/org/user/")
    assert User.objects.get(username="rep_e").manager.username == "mgr_e"
    stored.refresh_from_db()
    assert stored.applied_at is not None


def test_the_preview_lists_every_error_and_offers_no_apply(admin_client):
    company = small_company()
    company["people"][1][2] = "bad@"
    company["people"][2][7] = "ghost"

    html = admin_client.post(PAGE, {"file": _upload(data=book(company))}).content.decode()

    assert "The workbook has 2 errors" in html
    assert "C (电子邮箱 E-mail)" in html and "Unknown line manager “ghost”" in html
    assert APPLY not in html


@pytest.mark.parametrize("name, data, message", [
    ("people.csv", b"username,name\n", "File extension"),
    ("people.xlsx", b"username,name\n", "not an Excel workbook"),
    ("big.xlsx", b"PK" + b"0" * (2 * 1024 * 1024), "larger than 2 MB"),
])
def test_a_bad_upload_is_refused_on_the_form(admin_client, name, data, message):
    response = admin_client.post(PAGE, {"file": _upload(name, data)})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OrgImport.objects.exists()


def test_apply_is_post_only_and_csrf_protected(operator):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(operator)
    client.get(PAGE)
    assert client.post(PAGE, {"file": _upload()}).status_code == 403  # no CSRF token
    assert client.get(APPLY).status_code == 405
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    assert client.post(PAGE, {"file": _upload(), "csrfmiddlewaretoken": token}).status_code == 200
    stored = OrgImport.objects.get()
    assert client.post(APPLY, {"upload": stored.pk}).status_code == 403
    assert not User.objects.filter(username="rep_e").exists()


def test_someone_elses_upload_cannot_be_applied(admin_client, client):
    admin_client.post(PAGE, {"file": _upload()})
    stored = OrgImport.objects.get()
    other = Client(HTTP_ACCEPT_LANGUAGE="en")
    other.force_login(User.objects.create_superuser("other", "o@acme.example", "x" * 12))

    response = other.post(APPLY, {"upload": stored.pk}, follow=True)

    assert "not yours" in response.content.decode()
    assert not User.objects.filter(username="rep_e").exists()


def test_the_template_downloads_as_a_workbook(admin_client):
    response = admin_client.get(TEMPLATE)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(BytesIO(response.content))
    assert len(wb.sheetnames) == 4
