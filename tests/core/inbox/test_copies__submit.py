"""抄送 on submit (the submitter's picks) and by the processes' rules (ProcessSpec.cc_rules)."""

from decimal import Decimal

import pytest

from core import engine, registry
from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError, NotYourTaskError, SegregationOfDutiesError
from core.inbox import copies, services
from core.inbox.models import CarbonCopy, Notification, Request
from core.inbox.selectors import visible_requests
from core.inbox.templatetags.countersign import describe
from workflows.demo.models import DemoRequest
from workflows.demo.services import demo_submit

from .helpers import open_item

pytestmark = pytest.mark.django_db


def _demo(personas, cc=(), who="east_rep1"):
    obj = demo_submit(actor=personas[who], title="客户拜访交通费", amount=Decimal("800.00"), cc=cc)
    return Request.objects.get(kind="demo", object_id=obj.pk)


def test_the_submitter_copies_people_on_submit_who_are_told_and_read_it(
        personas, django_capture_on_commit_callbacks):
    finance, legal = personas["finance"], personas["legal"]
    with django_capture_on_commit_callbacks(execute=True):
        req = _demo(personas, cc=[finance, legal])
    rows = CarbonCopy.objects.filter(request=req).order_by("person_id")
    assert {r.person for r in rows} == {finance, legal}
    assert all(r.added_by == personas["east_rep1"] and r.rule == "" for r in rows)
    event = AuditEvent.objects.get(subject_kind="demo", subject_id=req.object_id,
                                   event="demo.copied")
    assert set(event.data["people"]) == {finance.pk, legal.pk}
    assert event.data["on"] == "submit"
    assert Notification.objects.filter(recipient__in=[finance, legal], kind="copied").count() == 2
    assert visible_requests(legal).filter(pk=req.pk).exists()


@pytest.mark.parametrize("who", ["inactive", "self"])
def test_copy_on_submit_refuses_naming_the_person_and_submits_nothing(personas, who):
    person = personas["legal"] if who == "inactive" else personas["east_rep1"]
    if who == "inactive":
        person.is_active = False
        person.save(update_fields=["is_active"])
    before = (DemoRequest.objects.count(), AuditEvent.objects.count())
    with pytest.raises(InvalidInputError) as exc:
        _demo(personas, cc=[person])
    assert str(person) in str(exc.value.fields["cc"])
    assert (DemoRequest.objects.count(), AuditEvent.objects.count()) == before
    assert not Request.objects.filter(kind="demo").exists()


def test_a_person_copied_on_submit_never_decides(personas):
    legal = personas["legal"]
    req = _demo(personas, cc=[legal])
    item = open_item(req)
    with pytest.raises((NotYourTaskError, SegregationOfDutiesError)):
        services.task_approve(task_id=item.pk, actor=legal)
    assert open_item(req).pk == item.pk


@pytest.fixture
def demo_rule(personas, monkeypatch):
    """A CC rule on the demo process: legal on every demo request over 1,000.00. Replaced in
    place, so the registry keeps its order (the API's kind enum, and so the committed schema,
    follow it)."""
    spec = registry.get("demo")
    people = [personas["legal"]]

    def rule(req):
        return [("Legal on demo requests over 1,000", people)] if req.amount > 1000 else []

    monkeypatch.setitem(registry._processes, "demo",
                        type(spec)(**{**spec.__dict__, "cc_rules": rule}))
    yield people


def test_a_process_rule_copies_on_submit_recorded_as_a_rule(personas, demo_rule,
                                                            django_capture_on_commit_callbacks):
    small = _demo(personas)
    assert not CarbonCopy.objects.filter(request=small).exists()
    with django_capture_on_commit_callbacks(execute=True):
        obj = demo_submit(actor=personas["east_rep1"], title="大额", amount=Decimal("1000.01"),
                          cc=[personas["finance"]])
    req = Request.objects.get(kind="demo", object_id=obj.pk)
    by_rule = CarbonCopy.objects.get(request=req, person=personas["legal"])
    assert by_rule.rule == "Legal on demo requests over 1,000"
    event = AuditEvent.objects.get(subject_kind="demo", subject_id=obj.pk,
                                   event="demo.copied_by_rule")
    assert event.data["rule"] == by_rule.rule and event.data["people"] == [personas["legal"].pk]
    assert "rule" in describe(event).lower()
    # the submitter's own pick is an ordinary copy beside it
    assert CarbonCopy.objects.get(request=req, person=personas["finance"]).rule == ""
    assert Notification.objects.filter(recipient=personas["legal"], kind="copied").exists()


def test_a_rule_never_copies_the_submitter_nor_twice(personas, demo_rule):
    demo_rule.append(personas["east_rep1"])
    obj = demo_submit(actor=personas["east_rep1"], title="大额", amount=Decimal("5000.00"))
    req = Request.objects.get(kind="demo", object_id=obj.pk)
    assert set(copies.copied_ids(req)) == {personas["legal"].pk}
    assert copies.apply_cc_rules(req, actor=personas["east_rep1"]) == []
    assert AuditEvent.objects.filter(subject_kind="demo", subject_id=obj.pk,
                                     event="demo.copied_by_rule").count() == 1


def test_a_resubmission_applies_the_rules_again(personas, demo_rule):
    req = _demo(personas)  # 800.00: under the rule
    services.task_return(task_id=open_item(req).pk, actor=personas["east_mgr"],
                         reason="金额不对")
    Request.objects.filter(pk=req.pk).update(amount=Decimal("1500.00"))
    DemoRequest.objects.filter(pk=req.object_id).update(amount=Decimal("1500.00"))
    engine.request_resubmit(request_id=req.pk, actor=personas["east_rep1"])
    assert set(copies.copied_ids(req)) == {personas["legal"].pk}
