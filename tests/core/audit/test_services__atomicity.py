import pytest
from django.db import transaction

from core.audit.hashing import GENESIS
from core.audit.models import AuditChainHead, AuditEvent
from core.audit.services import diff, record
from core.audit.verify import verify_all
from core.org.models import User

# Real commits and rollbacks: the test is not wrapped in a transaction of its own.
pytestmark = [
    pytest.mark.django_db(transaction=True),
]


class Boom(Exception):
    pass


def _rename(user: User, name: str, *, actor: User) -> AuditEvent:
    before = {"display_name": user.display_name}
    user.display_name = name
    # A queryset update sends no signal: this event is the only one (a save() would also write
    # the configuration event of core/audit/config.py on the same chain).
    User.objects.filter(pk=user.pk).update(display_name=name)
    return record(actor=actor, subject=user, event="user.renamed",
                  changes=diff(before, {"display_name": name}))


def test_event_and_change_rolled_back_together_when_transaction_raises(personas):
    rep = personas["east_rep1"]
    original = rep.display_name

    with pytest.raises(Boom), transaction.atomic():
        _rename(rep, "Renamed", actor=personas["admin"])
        assert AuditEvent.objects.filter(event="user.renamed").count() == 1
        raise Boom

    assert User.objects.get(pk=rep.pk).display_name == original
    assert not AuditEvent.objects.filter(event="user.renamed").exists()
    assert not AuditChainHead.objects.filter(subject_kind="org.user",
                                             subject_id=str(rep.pk)).exists()


def test_chain_restarts_cleanly_when_an_earlier_attempt_was_rolled_back(personas):
    rep = personas["east_rep1"]
    with pytest.raises(Boom), transaction.atomic():
        _rename(rep, "First try", actor=personas["admin"])
        raise Boom
    rep.refresh_from_db()

    with transaction.atomic():
        ev = _rename(rep, "Second try", actor=personas["admin"])

    assert (ev.subject_seq, ev.prev_hash) == (1, GENESIS)
    assert ev.changes == {"display_name": ["赵磊", "Second try"]}
    assert User.objects.get(pk=rep.pk).display_name == "Second try"
    result = verify_all(save=False)
    assert result.ok, result.first_broken
    assert result.events_checked == 1


def test_later_event_rolled_back_but_earlier_kept_when_second_transaction_raises(personas):
    rep = personas["east_rep1"]
    with transaction.atomic():
        first = _rename(rep, "Kept", actor=personas["admin"])
    with pytest.raises(Boom), transaction.atomic():
        _rename(rep, "Lost", actor=personas["admin"])
        raise Boom

    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [first.pk]
    head = AuditChainHead.objects.get(subject_kind="org.user", subject_id=str(rep.pk))
    assert (head.last_subject_seq, head.last_hash) == (1, first.hash)
    assert User.objects.get(pk=rep.pk).display_name == "Kept"
    assert verify_all(save=False).ok
