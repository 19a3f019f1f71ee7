import pytest

from .fakes import FakePlatform
from .scenario import submit_claim, travel_budget

SECRETS = {"feishu": "feishu-test-secret", "dingtalk": "SECdingtalk-test-secret",
           "wecom": "wecom-robot-key-0001"}


@pytest.fixture
def fake_platform():
    """fake_platform("feishu") -> a FakePlatform on 127.0.0.1 and an enabled Robot for it."""
    from core.channels import crypto
    from core.channels.models import Robot

    started = []

    def run(platform: str, *, secret: str | None = None):
        secret = SECRETS[platform] if secret is None else secret
        fake = FakePlatform(platform, secret)
        started.append(fake)
        Robot.objects.create(name=f"{platform} approvals", platform=platform,
                             webhook_url_enc=crypto.encrypt(fake.url),
                             secret_enc=crypto.encrypt(secret))
        return fake

    yield run
    for fake in started:
        fake.stop()


@pytest.fixture
def budget(personas):
    return travel_budget(personas)


@pytest.fixture
def claim(personas, budget, django_capture_on_commit_callbacks):
    """claim() -> the Request of a travel claim by east_rep1, submitted and notified."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return submit_claim(personas, **kwargs)

    return run
