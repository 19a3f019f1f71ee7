import pytest

from core.exceptions import InvalidInputError
from core.inbox import services
from core.inbox.models import RequestStatus

from .helpers import no_audit_event, one_audit_event, open_item

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["east_rep1", "east_mgr"])
def test_commented_event_recorded_when_participant_comments(submit, personas, who):
    req = submit()

    with one_audit_event("demo.commented") as audit:
        services.request_comment(request_id=req.pk, actor=personas[who],
                                 comment="  receipts are in the drawer ")

    event = audit["event"]
    assert event.actor == personas[who]
    assert event.comment == "receipts are in the drawer"
    assert event.subject_number == req.number
    req.refresh_from_db()
    assert req.status == RequestStatus.IN_REVIEW
    assert open_item(req).is_open


@pytest.mark.parametrize("comment", ["", "   \n"])
def test_invalid_input_when_comment_empty(submit, personas, comment):
    req = submit()

    with no_audit_event(), pytest.raises(InvalidInputError) as exc:
        services.request_comment(request_id=req.pk, actor=personas["east_rep1"], comment=comment)
    assert "comment" in exc.value.fields


def test_comment_recorded_when_request_already_decided(submit, personas):
    req = submit()
    services.task_approve(task_id=open_item(req).pk, actor=personas["east_mgr"])

    with one_audit_event("demo.commented"):
        services.request_comment(request_id=req.pk, actor=personas["east_rep1"],
                                 comment="thanks")
