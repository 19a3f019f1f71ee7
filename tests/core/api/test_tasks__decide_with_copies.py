"""抄送 when deciding: approve, reject and return take `cc`; the copy and the decision are one
transaction (core.inbox.copies.decide_and_copy)."""

import pytest
from django.urls import reverse

from core.audit.models import AuditEvent
from core.inbox.models import CarbonCopy
from core.org.models import User

from .conftest import open_task, task_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("action,body", [("approve", {"comment": "同意"}),
                                         ("reject", {"reason": "不符合规定"}),
                                         ("return", {"reason": "补充发票"})])
def test_the_approver_copies_people_with_the_decision(api, submit, personas, action, body):
    req = submit()
    item = open_task(req)
    response = api("east_mgr").post(task_url(item.pk, action), {**body, "cc": ["finance"]},
                                    format="json")
    assert response.status_code == 200, response.json()
    row = CarbonCopy.objects.get(request=req)
    assert (row.person, row.added_by) == (personas["finance"], personas["east_mgr"])
    events = list(AuditEvent.objects.filter(subject_kind="demo").order_by("subject_seq")
                  .values_list("event", flat=True))
    assert events[-2] == "demo.copied"
    item.refresh_from_db()
    assert item.status == "done"


def test_a_refused_copy_leaves_the_task_undecided(api, submit, personas):
    req = submit()
    item = open_task(req)
    User.objects.filter(pk=personas["finance"].pk).update(is_active=False)
    before = AuditEvent.objects.count()
    response = api("east_mgr").post(task_url(item.pk, "approve"), {"cc": ["finance"]},
                                    format="json")
    assert response.status_code == 400
    assert str(personas["finance"]) in str(response.json()["fields"]["cc"])
    item.refresh_from_db()
    assert item.status == "open" and AuditEvent.objects.count() == before


def test_a_refused_decision_copies_nobody(api, submit, personas):
    req = submit()
    item = open_task(req)
    # the submitter may copy people on their request, but never decide it
    response = api("east_rep1").post(task_url(item.pk, "approve"), {"cc": ["finance"]},
                                     format="json")
    assert response.status_code == 403
    assert not CarbonCopy.objects.filter(request=req).exists()


def test_the_task_page_copies_with_the_approval(client, submit, personas):
    req = submit()
    item = open_task(req)
    client.force_login(personas["east_mgr"])
    page = client.get(reverse("inbox:task", args=[item.pk])).content.decode()
    assert 'id="cc-approve"' in page and 'id="cc-return"' in page
    response = client.post(reverse("inbox:task-action", args=[item.pk, "approve"]),
                           {"approve-comment": "同意", "cc": [personas["legal"].pk]})
    assert response.status_code == 302
    assert CarbonCopy.objects.filter(request=req, person=personas["legal"]).exists()
    item.refresh_from_db()
    assert item.status == "done"
