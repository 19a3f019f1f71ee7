import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    # Report files go to a throw-away folder per test.
    settings.MEDIA_ROOT = tmp_path / "media"
