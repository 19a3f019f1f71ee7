"""The administrator's side: robots whose secrets are never shown back, platform ids from a
CSV, and the delivery log with dead letters and "retry now"."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.channels import crypto
from core.channels.models import Delivery, DeliveryStatus, PlatformIdentity, Robot

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, personas):
    from core.org.models import User

    boss = User.objects.create_superuser("root-h20", "root@example.com", "x")
    client.force_login(boss)
    return client


def test_robot_secret_and_url_are_stored_encrypted_and_never_shown(admin_client):
    answer = admin_client.post("/admin/channels/robot/add/", {
        "name": "审批群", "platform": "dingtalk", "enabled": "on",
        "webhook_url": "https://oapi.example.invalid/robot/send?access_token=TOKEN-XYZ",
        "secret": "SECsecret-abc", "webhook_url_env": "", "secret_env": ""})
    assert answer.status_code == 302, answer.content.decode()[:2000]
    robot = Robot.objects.get()
    assert "TOKEN-XYZ" not in robot.webhook_url_enc and "SECsecret-abc" not in robot.secret_enc
    assert crypto.decrypt(robot.secret_enc) == "SECsecret-abc"
    page = admin_client.get(f"/admin/channels/robot/{robot.pk}/change/").content.decode()
    assert "TOKEN-XYZ" not in page and "SECsecret-abc" not in page
    # Saving again with the fields left empty keeps what is stored.
    admin_client.post(f"/admin/channels/robot/{robot.pk}/change/", {
        "name": "审批群", "platform": "dingtalk", "enabled": "on", "webhook_url": "",
        "secret": "", "webhook_url_env": "", "secret_env": ""})
    robot.refresh_from_db()
    assert crypto.decrypt(robot.secret_enc) == "SECsecret-abc"
    from core.audit.models import AuditEvent

    event = AuditEvent.objects.filter(data__model="channels.robot").latest("seq")
    assert "SECsecret-abc" not in str(event.changes) and "TOKEN-XYZ" not in str(event.changes)


def test_secret_from_the_environment_wins(monkeypatch):
    monkeypatch.setenv("H20_FEISHU_SECRET", "from-env")
    assert crypto.resolve(crypto.encrypt("stored"), "H20_FEISHU_SECRET") == "from-env"
    assert crypto.resolve(crypto.encrypt("stored"), "H20_UNSET_VAR") == "stored"


def test_platform_ids_import_from_csv(admin_client, personas):
    csv = (b"username,platform,external_id\n"
           b"east_mgr,feishu,ou_1\n"
           b"east_mgr,dingtalk,13800000001\n"
           b"nobody,feishu,ou_2\n"
           b"gm,slack,U1\n")
    answer = admin_client.post("/admin/channels/platformidentity/import/",
                               {"file": SimpleUploadedFile("ids.csv", csv)}, follow=True)
    text = answer.content.decode()
    assert "2 platform ids saved." in text
    assert "Line 4: no user nobody" in text and "Line 5: unknown platform slack" in text
    assert set(PlatformIdentity.objects.values_list("platform", "external_id")) == {
        ("feishu", "ou_1"), ("dingtalk", "13800000001")}


def test_delivery_log_shows_dead_letters_and_retry_now_sends(admin_client, fake_platform,
                                                            claim, settings):
    settings.CHANNELS_MAX_ATTEMPTS = 1
    fake = fake_platform("feishu")
    fake.fail_next(1)
    claim()
    row = Delivery.objects.get()
    assert row.status == DeliveryStatus.DEAD
    page = admin_client.get("/admin/channels/delivery/?status__exact=dead")
    assert page.status_code == 200
    text = page.content.decode()
    assert "HTTP 500" in text and "/act/" not in text  # live links are not shown
    out = __import__("pathlib").Path("/tmp/h20-out")
    if out.is_dir():  # the delivery log as rendered, for the closing note
        (out / "delivery-log.html").write_text(text)
    answer = admin_client.post("/admin/channels/delivery/", {
        "action": "retry_now", "_selected_action": [row.pk]}, follow=True)
    assert answer.status_code == 200
    row.refresh_from_db()
    assert row.status == DeliveryStatus.SENT and len(fake.received) == 1


def test_delivery_log_is_for_administrators_only(client, personas):
    client.force_login(personas["east_mgr"])
    assert client.get("/admin/channels/delivery/").status_code in (302, 403)
