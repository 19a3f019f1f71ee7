from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.org import selectors
from core.org.backends import UserWithRolesBackend
from core.org.models import Delegation, Role, User
from tests.factories import RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_user_comes_with_every_role_when_loaded_by_the_backend(db):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.FINANCE)
    RoleAssignmentFactory(user=user, role=Role.LEGAL)

    with CaptureQueriesContext(connection) as ctx:
        loaded = UserWithRolesBackend().get_user(user.pk)
        roles = selectors.roles_of(loaded)

    assert roles == {Role.FINANCE, Role.LEGAL}
    assert len(ctx.captured_queries) == 1


def test_user_has_no_roles_when_none_assigned(db):
    loaded = UserWithRolesBackend().get_user(UserFactory().pk)

    with CaptureQueriesContext(connection) as ctx:
        assert selectors.roles_of(loaded) == set()
        assert not selectors.is_read_only(loaded)
    assert ctx.captured_queries == []


def test_nobody_when_user_missing_or_inactive(db):
    inactive = UserFactory(is_active=False)

    assert UserWithRolesBackend().get_user(inactive.pk) is None
    assert UserWithRolesBackend().get_user(10**9) is None


def test_page_asks_for_no_roles_apart_when_user_logged_in(client, personas):
    finance = personas["finance"]
    client.force_login(User.objects.get(pk=finance.pk))

    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/inbox/")

    assert response.status_code == 200
    role_queries = [q["sql"] for q in ctx.captured_queries
                    if "org_roleassignment" in q["sql"] and "org_user" not in q["sql"]]
    assert role_queries == []


def test_api_asks_for_no_roles_apart_when_a_token_authenticates(client, personas):
    response = client.post("/api/auth/token/", {"username": "finance",
                                                "password": "countersign-demo"},
                           content_type="application/json")
    token = response.json()["token"]

    with CaptureQueriesContext(connection) as ctx:
        listed = client.get("/api/tasks/", HTTP_AUTHORIZATION=f"Token {token}")

    assert listed.status_code == 200
    role_queries = [q["sql"] for q in ctx.captured_queries
                    if "org_roleassignment" in q["sql"] and "org_apitoken" not in q["sql"]]
    assert role_queries == []
    assert client.get("/api/tasks/", HTTP_AUTHORIZATION="Token nonsense").status_code == 401


def _delegation(principal, deputy, first: int, last: int):
    today = selectors.today()
    return Delegation.objects.create(principal=principal, deputy=deputy, kinds=[],
                                     starts_on=today + timedelta(days=first),
                                     ends_on=today + timedelta(days=last))


def test_user_knows_whether_they_deputise_today_when_loaded(db):
    principal, deputy, later, nobody = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    _delegation(principal, deputy, -1, 1)
    _delegation(principal, later, 1, 3)

    loaded = {u.pk: UserWithRolesBackend().get_user(u.pk) for u in (deputy, later, nobody)}

    assert loaded[deputy.pk]._cs_deputising is True
    assert loaded[later.pk]._cs_deputising is False
    assert loaded[nobody.pk]._cs_deputising is False


def test_page_asks_for_delegations_only_for_a_deputy(client, personas):
    def delegation_queries(username):
        client.force_login(User.objects.get(username=username))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/inbox/?tab=queue").status_code == 200
        return [q["sql"] for q in ctx.captured_queries
                if "org_delegation" in q["sql"] and "org_user" not in q["sql"]]

    assert delegation_queries("south_rep1") == []
    _delegation(personas["east_mgr"], personas["south_rep1"], 0, 0)
    assert len(delegation_queries("south_rep1")) == 1
