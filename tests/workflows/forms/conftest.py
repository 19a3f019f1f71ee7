import pytest

from workflows.forms import demo


@pytest.fixture
def shipped(personas):
    """The four shipped templates, published by the demo's administrator (the training plan's
    amount bands come from the authority matrix the spec seeds with the demo company)."""
    from workflows.forms.models import FormTemplate

    demo.install(personas["admin"])
    return {t.code: t for t in FormTemplate.objects.all()}
