"""The auditor's workbench: reproducible samples (the draw audited), reviews with a finding
(audited on the request's chain), and the anomaly lists, each on hand-built data."""

import random
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.inbox import services, workbench
from core.inbox.models import Attachment, Escalation, Request, WorkItem

from .helpers import open_item

pytestmark = pytest.mark.django_db


def _approve(req, personas, who="east_mgr"):
    services.task_approve(task_id=open_item(req).pk, actor=personas[who], comment="ok")
    req.refresh_from_db()
    return req


def _listed(code, **kwargs) -> set[int]:
    return set(workbench.anomalies(code, **kwargs).values_list("pk", flat=True))


# ------------------------------------------------------------------ access

@pytest.mark.parametrize("who", ["east_mgr", "admin", "east_rep1"])
def test_non_auditors_get_404_everywhere(client, personas, submit, who):
    req = submit("east_rep1", "800.00")
    client.force_login(personas[who])
    assert client.get("/audit/workbench/").status_code == 404
    assert client.get("/audit/workbench/anomalies/deputy/").status_code == 404
    assert client.get(f"/audit/workbench/requests/{req.pk}/review/").status_code == 404
    before = AuditEvent.objects.count()
    assert client.post("/audit/workbench/samples/", {
        "kind": "demo", "since": "2020-01-01", "until": "2030-01-01", "n": 1}).status_code == 404
    assert client.post(f"/audit/workbench/requests/{req.pk}/review/",
                       {"finding": "none"}).status_code == 404
    assert AuditEvent.objects.count() == before


def test_services_refuse_non_auditors(personas, submit):
    req = submit("east_rep1", "800.00")
    today = timezone.localdate()
    with pytest.raises(PermissionDenied):
        workbench.draw_sample(actor=personas["admin"], kind="demo", since=today, until=today,
                              n=1)
    with pytest.raises(PermissionDenied):
        workbench.review(actor=personas["east_mgr"], request_id=req.pk, finding="none")


def test_workbench_page_in_both_languages(client, personas, submit):
    submit("east_rep1", "800.00")
    client.force_login(personas["auditor"])
    page = client.get("/audit/workbench/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert b"Audit workbench" in page.content and b"Decided by a deputy" in page.content
    client.cookies.load({"django_language": "zh-hans"})
    page = client.get("/audit/workbench/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "审计工作台" in page.content.decode()
    assert b"/audit/workbench/" in client.get("/audit/").content


# ------------------------------------------------------------------ sampling

def test_sample_is_reproducible_from_its_seed_and_the_draw_is_audited(client, personas, submit):
    reqs = [submit("east_rep1", f"{100 + i}.00") for i in range(7)]
    today = timezone.localdate()
    client.force_login(personas["auditor"])
    response = client.post("/audit/workbench/samples/", {
        "kind": "demo", "since": today.isoformat(), "until": today.isoformat(), "n": 3,
        "seed": "2026-Q4"})
    assert response.status_code == 302
    event = AuditEvent.objects.get(event=workbench.SAMPLED)
    ids = sorted(r.pk for r in reqs)
    expected = random.Random("2026-Q4").sample(ids, 3)  # noqa: S311 - the documented method
    assert event.data["requests"] == expected
    assert (event.data["seed"], event.data["n"], event.data["kind"], event.data["population"]) \
        == ("2026-Q4", 3, "demo", 7)
    assert (event.subject_kind, event.subject_id, event.actor) == (
        workbench.WORKBENCH, str(personas["auditor"].pk), personas["auditor"])
    assert response["Location"] == f"/audit/workbench/samples/{event.seq}/"
    # the same seed and parameters draw the same requests again; another seed others
    again = workbench.draw_sample(actor=personas["auditor"], kind="demo", since=today,
                                  until=today, n=3, seed="2026-Q4")
    assert again.request_ids == expected
    other = workbench.draw_sample(actor=personas["auditor"], kind="demo", since=today,
                                  until=today, n=3, seed="another")
    assert other.request_ids == random.Random("another").sample(ids, 3)  # noqa: S311
    page = client.get(response["Location"])
    assert page.status_code == 200
    for pk in expected:
        assert f'href="/requests/{pk}/"'.encode() in page.content
    assert b"gives the same requests" in page.content
    assert verify_all(save=False).ok


def test_sample_without_seed_gets_one_and_bad_input_keeps_the_form(client, personas, submit):
    submit("east_rep1", "100.00")
    today = timezone.localdate()
    client.force_login(personas["auditor"])
    bad = client.post("/audit/workbench/samples/", {
        "kind": "demo", "since": today.isoformat(),
        "until": (today - timedelta(days=1)).isoformat(), "n": 0, "seed": "keep-me"})
    assert bad.status_code == 400
    assert b"The end date is before the start date." in bad.content
    assert b'value="keep-me"' in bad.content
    assert not AuditEvent.objects.filter(event=workbench.SAMPLED).exists()
    drawn = workbench.draw_sample(actor=personas["auditor"], kind="demo", since=today,
                                  until=today, n=5)
    assert len(drawn.event.data["seed"]) == 16 and len(drawn.request_ids) == 1


# ------------------------------------------------------------------ reviews

def test_review_with_a_finding_is_audited_on_the_requests_chain(client, personas, submit):
    req = submit("east_rep1", "800.00")
    client.force_login(personas["auditor"])
    detail = client.get(f"/requests/{req.pk}/")
    assert f"/audit/workbench/requests/{req.pk}/review/".encode() in detail.content
    url = f"/audit/workbench/requests/{req.pk}/review/"
    missing = client.post(url, {"finding": "exception", "note": "  "})
    assert missing.status_code == 400 and b"Describe the finding." in missing.content
    assert not AuditEvent.objects.filter(event=workbench.REVIEWED).exists()
    assert client.post(url, {"finding": "exception",
                             "note": "invoice date after the trip"}).status_code == 302
    event = AuditEvent.objects.get(event=workbench.REVIEWED)
    assert (event.subject_kind, event.subject_id) == (req.kind, str(req.object_id))
    assert event.data == {"finding": "exception", "request": req.pk}
    assert event.comment == "invoice date after the trip" and event.actor == personas["auditor"]
    page = client.get(url)
    assert b"invoice date after the trip" in page.content
    assert b"Exception (policy breach)" in page.content
    assert verify_all(save=False).ok


# ------------------------------------------------------------------ anomalies

def test_decided_by_a_deputy(personas, submit):
    plain, deputy = _approve(submit("east_rep1", "800.00"), personas), \
        _approve(submit("east_rep1", "801.00"), personas)
    WorkItem.objects.filter(request=deputy, decided_at__isnull=False).update(
        acting_for=personas["gm"])
    assert _listed("deputy") == {deputy.pk}
    assert plain.pk not in _listed("deputy")


def test_escalated(personas, submit):
    calm, late = submit("east_rep1", "800.00"), submit("east_rep1", "801.00")
    Escalation.objects.create(work_item=open_item(late), level=1,
                              from_user=personas["east_mgr"], to_user=personas["gm"])
    assert _listed("escalated") == {late.pk}
    assert calm.pk not in _listed("escalated")


def test_approved_within_a_minute(personas, submit):
    quick, slow = (_approve(submit("east_rep1", a), personas) for a in ("800.00", "801.00"))
    assert quick.status == slow.status == "approved"
    Request.objects.filter(pk=slow.pk).update(
        submitted_at=slow.submitted_at - timedelta(minutes=2))
    assert _listed("fast") == {quick.pk}
    pending = submit("east_rep1", "802.00")  # not approved: never listed
    assert pending.pk not in _listed("fast")


def test_amounts_just_below_a_band_limit(personas, submit, queue_matrix):
    just_below = submit("east_rep1", "9600.00")   # 4% below 10,000
    further = submit("east_rep1", "9400.00")      # 6% below
    above = submit("east_rep1", "10000.00")       # in the next band
    assert _listed("below-band") == {just_below.pk}
    assert _listed("below-band", margin=Decimal("0.10")) == {just_below.pk, further.pk}
    assert above.pk not in _listed("below-band", margin=Decimal("0.10"))


def test_same_receipt_on_two_requests(personas, submit):
    one, two, three = (submit("east_rep1", a) for a in ("800.00", "801.00", "802.00"))

    def attach(req, digest, n):
        Attachment.objects.create(request=req, token=f"tok{n}", file=f"x/{n}.pdf",
                                  original_name=f"{n}.pdf", content_type="application/pdf",
                                  size=10, sha256=digest, uploaded_by=personas["east_rep1"])

    attach(one, "a" * 64, 1)
    attach(two, "a" * 64, 2)
    attach(three, "b" * 64, 3)
    attach(three, "c" * 64, 4)
    assert _listed("same-receipt") == {one.pk, two.pk}


def test_anomaly_list_page_paginates_and_links_to_requests(client, personas, submit):
    reqs = [submit("east_rep1", f"{800 + i}.00") for i in range(27)]
    for req in reqs:
        Escalation.objects.create(work_item=open_item(req), level=1,
                                  from_user=personas["east_mgr"], to_user=personas["gm"])
    client.force_login(personas["auditor"])
    first = client.get("/audit/workbench/anomalies/escalated/")
    assert first.status_code == 200 and b"27 requests" in first.content
    assert len(re.findall(rb'href="/requests/\d+/"', first.content)) == 25
    second = client.get("/audit/workbench/anomalies/escalated/", {"page": 2})
    assert len(re.findall(rb'href="/requests/\d+/"', second.content)) == 2
    assert client.get("/audit/workbench/anomalies/nothing/").status_code == 404
    bad = client.get("/audit/workbench/anomalies/below-band/", {"margin": "90"})
    assert bad.status_code == 200 and b'value="90"' in bad.content
