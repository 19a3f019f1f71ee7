"""抄送 copy to and @mentions in comments (core/inbox/copies.py)."""

import pytest

from core import engine
from core.exceptions import (
    InvalidInputError,
    NotFoundError,
    NotYourTaskError,
    PermissionDeniedError,
    ReadOnlyRoleError,
    SegregationOfDutiesError,
)
from core.inbox import copies, services
from core.inbox.models import CarbonCopy, Notification
from core.inbox.selectors import visible_requests
from core.inbox.templatetags.countersign import describe

from .helpers import no_audit_event, one_audit_event, open_item

pytestmark = pytest.mark.django_db


def test_submitter_copies_finance_who_is_told_and_reads_exactly_that_request(
    submit, personas, django_capture_on_commit_callbacks
):
    req = submit()
    other = submit(title="另一笔")
    finance = personas["finance"]
    assert not visible_requests(finance).filter(pk=req.pk).exists()

    with one_audit_event("demo.copied") as audit, \
            django_capture_on_commit_callbacks(execute=True):
        engine.request_copy(request_id=req.pk, actor=personas["east_rep1"], people=[finance],
                            comment="供参考")

    event = audit["event"]
    assert event.actor == personas["east_rep1"]
    assert event.data["people"] == [finance.pk] and event.data["names"] == [str(finance)]
    assert event.comment == "供参考"
    assert str(personas["east_rep1"]) in describe(event) and "demo.copied" not in describe(event)
    note = Notification.objects.get(recipient=finance, kind="copied")
    assert note.target == ["inbox:request", {"request_id": req.pk}]
    assert str(personas["east_rep1"]) in note.display and req.title in note.display
    seen = set(visible_requests(finance).filter(pk__in=[req.pk, other.pk])
               .values_list("pk", flat=True))
    assert seen == {req.pk}
    row = copies.copied_to(finance).get()
    assert row.request == req and row.added_by == personas["east_rep1"] and row.read_at is None
    assert copies.unread_copies(finance) == 1
    copies.mark_read(finance, req)
    assert copies.unread_copies(finance) == 0


def test_the_holder_copies_too_and_a_stranger_may_not(submit, personas):
    req = submit()
    engine.request_copy(request_id=req.pk, actor=personas["east_mgr"],
                        people=[personas["legal"]])
    assert CarbonCopy.objects.filter(request=req, person=personas["legal"],
                                     added_by=personas["east_mgr"]).exists()
    # someone who cannot see the request: 404, never a hint that it exists
    with no_audit_event(), pytest.raises(NotFoundError):
        copies.request_copy(request_id=req.pk, actor=personas["south_rep1"],
                            people=[personas["finance"]])
    # the copied person reads it but may not copy others on it
    with no_audit_event(), pytest.raises(PermissionDeniedError):
        copies.request_copy(request_id=req.pk, actor=personas["legal"],
                            people=[personas["finance"]])


def test_refusals_name_the_person(submit, personas):
    req = submit()
    copies.request_copy(request_id=req.pk, actor=personas["east_rep1"],
                        people=[personas["finance"]])
    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        copies.request_copy(request_id=req.pk, actor=personas["east_rep1"],
                            people=[personas["finance"]])
    assert str(personas["finance"]) in str(exc.value.message)
    assert "people" in exc.value.fields
    with no_audit_event(), pytest.raises(InvalidInputError):
        copies.request_copy(request_id=req.pk, actor=personas["east_rep1"], people=[])
    with no_audit_event(), pytest.raises(ReadOnlyRoleError):
        copies.request_copy(request_id=req.pk, actor=personas["auditor"],
                            people=[personas["legal"]])


def test_a_copied_person_can_never_decide(submit, personas):
    req = submit()
    item = open_item(req)
    legal = personas["legal"]
    copies.request_copy(request_id=req.pk, actor=personas["east_rep1"], people=[legal])
    assert services.decision_check(legal, item)[0] is None
    for decide in (lambda: services.task_approve(task_id=item.pk, actor=legal),
                   lambda: services.task_reject(task_id=item.pk, actor=legal, reason="不行")):
        with no_audit_event(), pytest.raises((NotYourTaskError, PermissionDeniedError,
                                              SegregationOfDutiesError)):
            decide()
    open_item(req)  # still open, still with its holder


def test_a_copied_person_may_comment(submit, personas):
    req = submit()
    copies.request_copy(request_id=req.pk, actor=personas["east_rep1"],
                        people=[personas["finance"]])
    with one_audit_event("demo.commented"):
        services.request_comment(request_id=req.pk, actor=personas["finance"], comment="已阅")


# --- @mentions -------------------------------------------------------------------------------


def test_a_mention_notifies_the_person(submit, personas, django_capture_on_commit_callbacks):
    req = submit()
    with one_audit_event("demo.commented") as audit, \
            django_capture_on_commit_callbacks(execute=True):
        services.request_comment(request_id=req.pk, actor=personas["east_rep1"],
                                 comment="@east_mgr 请尽快审批, 见 a@example.com.")
    assert audit["event"].data["mentions"] == [personas["east_mgr"].pk]
    note = Notification.objects.get(recipient=personas["east_mgr"], kind="mentioned")
    assert note.target == ["inbox:request", {"request_id": req.pk}]


def test_a_mention_of_someone_who_cannot_see_the_request_is_refused_naming_them(
    submit, personas
):
    req = submit()
    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        services.request_comment(request_id=req.pk, actor=personas["east_rep1"],
                                 comment="@east_mgr 和 @finance 看一下")
    assert exc.value.status == 400
    assert "@finance" in str(exc.value.message) and str(personas["finance"]) in str(
        exc.value.message)
    assert "east_mgr" not in str(exc.value.message)
    assert "comment" in exc.value.fields
    assert not Notification.objects.filter(kind="mentioned").exists()
    # once copied, they can be mentioned
    copies.request_copy(request_id=req.pk, actor=personas["east_rep1"],
                        people=[personas["finance"]])
    services.request_comment(request_id=req.pk, actor=personas["east_rep1"],
                             comment="@finance 看一下")


def test_a_mention_of_nobody_is_refused(submit, personas):
    req = submit()
    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        services.request_comment(request_id=req.pk, actor=personas["east_rep1"],
                                 comment="@nobody_here hi")
    assert "@nobody_here" in str(exc.value.message)


def test_mentions_are_parsed_sensibly():
    assert copies.mentioned("@a, @b. mail x@y.com @a") == ["a", "b"]
