"""Small reads a decision makes, compiled once per shape (core.compiled): the same rows as the
ORM's QuerySet they are compiled from, for every argument, and compiled only once."""

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from core import compiled
from core.inbox import segregation, services
from core.inbox.models import WorkItem
from core.org import selectors
from core.org.models import Delegation, Role, User

from .helpers import open_item

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the compiled path is PostgreSQL's; SQLite always takes the ORM")


def test_prior_deciders_are_the_orms_for_every_step_and_time(submit, personas):
    gm, east_mgr = personas["gm"], personas["east_mgr"]
    req = submit("east_rep1", "12000.00")  # line manager, then the sales GM
    first = open_item(req)
    services.task_approve(task_id=first.pk, actor=east_mgr)
    second = open_item(req)
    services.task_return(task_id=second.pk, actor=gm, reason="one more quote, please")
    decided = WorkItem.objects.filter(request=req).exclude(decided_at=None)
    times = [None, timezone.now(), *(i.decided_at for i in decided),
             *(i.decided_at + timedelta(microseconds=1) for i in decided)]
    asked = 0
    for step in (first.step_code, second.step_code, "no_such_step"):
        for round_ in (req.round, req.round + 1):
            for opened in times:
                ours = segregation.prior_deciders(req.pk, step, round_, opened)
                orm = segregation.prior_deciders(req.pk, step, round_, opened, compiled=False)
                assert ours == orm, (step, round_, opened)
                asked += bool(orm)
    assert asked  # some of them found deciders: the comparison was not of empty sets only
    assert segregation.prior_deciders(req.pk, second.step_code, req.round) == {east_mgr.pk}


def test_delegations_come_back_with_their_kinds_decoded(personas):
    east_mgr, east_rep2, gm = personas["east_mgr"], personas["east_rep2"], personas["gm"]
    today = timezone.localdate()
    Delegation.objects.create(principal=east_mgr, deputy=east_rep2, starts_on=today,
                              ends_on=today + timedelta(days=2), kinds=["expense"])
    for deputies, principals in (([east_rep2], [gm]), ([east_rep2, gm], []), ([], [east_mgr])):
        found = compiled.rows(("delegations", *compiled.shape(deputies, principals)),
                              selectors._delegations, deputies=[u.pk for u in deputies],
                              principals=[u.pk for u in principals], on=today)
        orm = compiled.rows((), selectors._delegations, compiled=False,
                            deputies=[u.pk for u in deputies],
                            principals=[u.pk for u in principals], on=today)
        assert found == orm
        assert all(isinstance(kinds, list) for *_ids, kinds in found)
    with_deputy = User.objects.get(pk=east_rep2.pk)
    with transaction.atomic():
        selectors.preload_delegations(deputies=[with_deputy], principals=[gm])
        assert selectors.principals_for(with_deputy, kind="expense") == [east_mgr]
        assert selectors.principals_for(with_deputy, kind="contract") == []


def test_holder_names_are_the_orms_with_and_without_a_region(personas):
    east = personas["east_mgr"].region
    for role, region in ((Role.FINANCE, None), (Role.REGIONAL_MANAGER, east.pk),
                         (Role.REGIONAL_MANAGER, None), (Role.SALESPERSON, east.pk)):
        args = {"role": role} | ({"region_id": region} if region else {})
        assert (compiled.rows(("holders", region is not None), selectors._holders, **args)
                == compiled.rows((), selectors._holders, compiled=False, **args))
    assert list(selectors.holder_names(Role.REGIONAL_MANAGER, east.pk)) == [
        personas["east_mgr"].pk]


def test_a_shape_is_compiled_once_and_then_only_bound(personas):
    built = []

    def build(username):
        built.append(username)
        return User.objects.filter(username=username).values_list("pk")

    key = ("test", "once")
    compiled._statements.pop(key, None)
    try:
        first = compiled.rows(key, build, username="gm")
        assert len(built) == 2  # two probes: which parameters are arguments
        second = compiled.rows(key, build, username="east_mgr")
        assert len(built) == 2
        assert first == [(personas["gm"].pk,)] and second == [(personas["east_mgr"].pk,)]
    finally:
        compiled._statements.pop(key, None)


def test_an_argument_the_statement_does_not_carry_keeps_the_orm(personas):
    def build(username, region_id):  # region_id never reaches the SQL
        return User.objects.filter(username=username).values_list("pk")

    key = ("test", "folded")
    compiled._statements.pop(key, None)
    try:
        assert compiled.rows(key, build, username="gm", region_id=1) == [(personas["gm"].pk,)]
        assert compiled._statements[key] is None
        assert compiled.rows(key, build, username="ceo", region_id=1) == [(personas["ceo"].pk,)]
    finally:
        compiled._statements.pop(key, None)


def _values(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_a_loaded_work_item_is_the_orms_with_its_request_task_and_process(
        submit, personas, django_assert_num_queries):
    item = open_item(submit("east_rep1", "12000.00"))
    paths = ("request", "task", "task__process")
    orm = WorkItem.objects.select_related(*paths).get(pk=item.pk)
    with django_assert_num_queries(1):
        ours = compiled.loaded(("test_item",), WorkItem, paths, pk=item.pk)
        # the related rows came with it: reading them asks nothing more
        pairs = [(ours, orm), (ours.request, orm.request), (ours.task, orm.task),
                 (ours.task.process, orm.task.process)]
    for mine, theirs in pairs:
        assert type(mine) is type(theirs) and _values(mine) == _values(theirs)
        assert not mine._state.adding
    assert compiled.loaded(("test_item",), WorkItem, paths, pk=item.pk + 10_000) is None


@pytest.mark.parametrize("task_id", [2**63, -(2**63) - 1, "12abc", None])
def test_a_task_id_no_task_can_have_is_not_found(submit, task_id, personas):
    from core.exceptions import NotFoundError

    submit("east_rep1", "800.00")
    with pytest.raises(NotFoundError):
        services.task_approve(task_id=task_id, actor=personas["east_mgr"])


def test_objects_come_whole_with_their_annotations(personas):
    from core.org.backends import _with_roles

    gm = personas["gm"]
    day = timezone.localdate()
    ours = compiled.objects(("test_user",), _with_roles, user_id=gm.pk, day=day)
    orm = list(_with_roles(gm.pk, day))
    assert [_values(u) for u in ours] == [_values(u) for u in orm]
    assert (ours[0].role_codes, ours[0].deputising) == (orm[0].role_codes, orm[0].deputising)
    assert compiled.objects(("test_user",), _with_roles, user_id=gm.pk + 10_000, day=day) == []
