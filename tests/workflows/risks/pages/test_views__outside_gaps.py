"""The shared inbox pages with a risk in them; gaps found outside the risk's own files are
kept as regressions once fixed there."""

import pytest

from core.inbox.models import WorkItem

from ..conftest import HIGH, MEDIUM, request_of

pytestmark = pytest.mark.django_db


def test_request_page_draws_the_risk_flow_when_a_plan_waits(browser, with_plan):
    risk = with_plan(MEDIUM)

    response = browser("east_rep1").get(f"/requests/{request_of(risk).pk}/")

    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and f'href="/risks/{risk.pk}/"' in body


def test_task_page_links_to_the_risk_when_its_plan_waits(browser, with_plan):
    risk = with_plan(HIGH)
    item = WorkItem.objects.get(request=request_of(risk), status="open")

    body = browser("gm").get(f"/inbox/tasks/{item.pk}/").content.decode()

    assert f'href="/risks/{risk.pk}/"' in body
