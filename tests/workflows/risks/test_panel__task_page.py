"""Issue 18: the approver of a risk's response plan decides from the task page, which shows the
risk's level and its measures."""

import pytest

from .conftest import MEDIUM, open_item

pytestmark = pytest.mark.django_db


def test_plan_review_task_shows_the_level_and_the_measures(client, personas, with_plan):
    risk = with_plan(MEDIUM)
    client.force_login(personas["east_mgr"])

    response = client.get(f"/inbox/tasks/{open_item(risk).pk}/",
                          headers={"accept-language": "en"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="risk-measures"' in html
    assert "加强市场调研" in html
    assert "likelihood 3 × impact 3 = 9" in html
    assert 'class="lvl lvl-medium"' in html


# --- decided on that page only: no checkbox, no row approve, refused in bulk -----------------


def _demo_task(personas):
    from decimal import Decimal

    from core.inbox.models import Request, WorkItem
    from workflows.demo.services import demo_submit

    obj = demo_submit(actor=personas["east_rep2"], title="交通费", amount=Decimal("300"))
    return WorkItem.objects.get(request=Request.objects.get(kind="demo", object_id=obj.pk),
                                status="open")


def test_plan_review_row_offers_no_checkbox_nor_approve_button(client, personas, with_plan):
    plan = open_item(with_plan(MEDIUM))
    plain = _demo_task(personas)
    client.force_login(personas["east_mgr"])

    inbox = client.get("/inbox/").content.decode()

    assert f'name="ids" value="{plain.pk}"' in inbox
    assert f'formaction="/inbox/tasks/{plain.pk}/approve/"' in inbox
    assert f'name="ids" value="{plan.pk}"' not in inbox
    assert f"/inbox/tasks/{plan.pk}/approve/" not in inbox
    assert f'href="/inbox/tasks/{plan.pk}/">' in inbox  # opened, decided there


def test_plan_review_refused_by_name_when_posted_for_bulk_approval(client, personas, with_plan):
    from django.contrib.messages import get_messages

    from core.inbox.models import WorkItem

    risk = with_plan(MEDIUM)
    plan, plain = open_item(risk), _demo_task(personas)
    client.force_login(personas["east_mgr"])

    review = client.post("/inbox/bulk-approve/", {"ids": [plan.pk, plain.pk]},
                         headers={"accept-language": "en"})
    warned = review.content.decode().split('data-testid="bulk-clean"')[0]
    assert "its response plan&#x27;s measures are read on its page" in warned
    assert f"/inbox/tasks/{plan.pk}/" in warned
    # a stale form that sends it as reviewed: the others are approved, it is not, and says why
    done = client.post("/inbox/bulk-approve/", {"ids": [plan.pk, plain.pk], "reviewed": "1"},
                       headers={"accept-language": "en"})

    assert WorkItem.objects.get(pk=plan.pk).is_open
    assert not WorkItem.objects.get(pk=plain.pk).is_open
    texts = [str(m) for m in get_messages(done.wsgi_request)]
    number = plan.request.number
    assert (f"{number} left for its own page: its response plan's measures are read on its "
            "page") in texts
    # nor from a list row's one-tap approve
    row = client.post(f"/inbox/tasks/{plan.pk}/approve/", {"from_list": "1"},
                      headers={"accept-language": "en"})
    assert row["Location"] == f"/inbox/tasks/{plan.pk}/"
    assert WorkItem.objects.get(pk=plan.pk).is_open


def test_plan_review_needs_review_in_the_bulk_api(personas, with_plan):
    from core.inbox import services

    plan, plain = open_item(with_plan(MEDIUM)), _demo_task(personas)

    results = services.tasks_bulk_approve(task_ids=[plan.pk, plain.pk],
                                          actor=personas["east_mgr"])

    assert [(r.task_id, r.ok, r.code) for r in results] == [
        (plan.pk, False, services.NEEDS_REVIEW), (plain.pk, True, "")]
