
from core.org import selectors
from core.org.models import Role, RoleAssignment, User
from tests.factories import RegionFactory, RoleAssignmentFactory, UserFactory


def usernames(users):
    return [u.username for u in users]


def test_manager_is_line_manager_when_user_has_one(personas):
    assert selectors.manager_of(personas["east_rep1"]) == personas["east_mgr"]
    assert selectors.manager_of(personas["east_mgr"]) == personas["gm"]
    assert selectors.manager_of(personas["gm"]) == personas["ceo"]


def test_manager_is_none_when_user_is_at_the_top(personas):
    assert selectors.manager_of(personas["ceo"]) is None
    assert selectors.manager_of(personas["admin"]) is None


def test_regional_holders_are_those_of_the_region_when_region_given(personas):
    east = personas["east_mgr"].region
    south = personas["south_mgr"].region

    assert usernames(selectors.holders_of(Role.REGIONAL_MANAGER, east.pk)) == ["east_mgr"]
    assert usernames(selectors.holders_of(Role.REGIONAL_MANAGER, south.pk)) == ["south_mgr"]
    assert set(usernames(selectors.holders_of(Role.SALESPERSON, east.pk))) == {
        "east_rep1",
        "east_rep2",
        "east_rep3",
    }


def test_regional_holders_are_all_regions_when_region_not_given(personas):
    assert set(usernames(selectors.holders_of(Role.REGIONAL_MANAGER))) == {
        "east_mgr",
        "south_mgr",
        "north_mgr",
    }


def test_region_ignored_when_role_is_not_regional(personas):
    east = personas["east_mgr"].region

    assert usernames(selectors.holders_of(Role.SALES_GM, east.pk)) == ["gm"]
    assert set(usernames(selectors.holders_of(Role.FINANCE, east.pk))) == {
        "finance",
        "finance_clerk",
    }


def test_holder_listed_once_when_role_held_for_several_regions(personas):
    east_mgr = personas["east_mgr"]
    RoleAssignment.objects.create(
        user=east_mgr, role=Role.REGIONAL_MANAGER, region=personas["north_mgr"].region
    )

    holders = usernames(selectors.holders_of(Role.REGIONAL_MANAGER))

    assert holders.count("east_mgr") == 1
    assert "east_mgr" in usernames(
        selectors.holders_of(Role.REGIONAL_MANAGER, personas["north_mgr"].region.pk)
    )


def test_inactive_user_excluded_when_listing_holders(personas):
    User.objects.filter(pk=personas["finance_clerk"].pk).update(is_active=False)
    User.objects.filter(pk=personas["east_mgr"].pk).update(is_active=False)

    assert usernames(selectors.holders_of(Role.FINANCE)) == ["finance"]
    assert list(selectors.holders_of(Role.REGIONAL_MANAGER, personas["east_rep1"].region_id)) == []


def test_no_holders_when_nobody_has_role_in_that_region(db):
    region = RegionFactory()
    RoleAssignmentFactory(role=Role.REGIONAL_MANAGER, region=RegionFactory())

    assert list(selectors.holders_of(Role.REGIONAL_MANAGER, region.pk)) == []


def test_roles_listed_when_user_holds_several(db):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.FINANCE)
    RoleAssignmentFactory(user=user, role=Role.LEGAL)

    assert selectors.roles_of(User.objects.get(pk=user.pk)) == {Role.FINANCE, Role.LEGAL}


def test_has_role_true_when_any_given_role_held(personas):
    finance = personas["finance"]

    assert selectors.has_role(finance, Role.FINANCE)
    assert selectors.has_role(finance, Role.LEGAL, Role.FINANCE)
    assert not selectors.has_role(finance, Role.LEGAL, Role.CEO)
    assert not selectors.has_role(finance)


def test_read_only_when_user_is_only_auditor(personas):
    assert selectors.is_read_only(personas["auditor"])


def test_not_read_only_when_auditor_also_holds_working_role(personas):
    RoleAssignment.objects.create(user=personas["auditor"], role=Role.FINANCE)
    auditor = User.objects.get(pk=personas["auditor"].pk)  # fresh: roles are cached per object

    assert not selectors.is_read_only(auditor)


def test_not_read_only_when_user_has_working_role_or_no_role(personas, db):
    assert not selectors.is_read_only(personas["finance"])
    assert not selectors.is_read_only(personas["admin"])
    assert not selectors.is_read_only(UserFactory())


def test_holder_excluded_when_role_held_only_for_another_region(personas):
    # north_mgr manages north and also sells in east: not a regional manager *for east*.
    north_mgr = personas["north_mgr"]
    east = personas["east_mgr"].region
    RoleAssignment.objects.create(user=north_mgr, role=Role.SALESPERSON, region=east)

    assert usernames(selectors.holders_of(Role.REGIONAL_MANAGER, east.pk)) == ["east_mgr"]


def test_holder_names_are_holders_of_with_their_names_when_listing_a_role(personas):
    # holder_names (a new task's queue) must pick exactly holders_of's people, in id order.
    north = personas["north_mgr"]
    RoleAssignment.objects.create(user=north, role=Role.SALESPERSON,
                                  region=personas["east_mgr"].region)
    RoleAssignment.objects.create(user=personas["east_mgr"], role=Role.REGIONAL_MANAGER,
                                  region=north.region)
    User.objects.filter(pk=personas["finance_clerk"].pk).update(is_active=False)
    User.objects.filter(pk=personas["finance"].pk).update(display_name="", first_name="Li",
                                                          last_name="Na")
    cases = [(Role.FINANCE, None), (Role.REGIONAL_MANAGER, None),
             (Role.REGIONAL_MANAGER, north.region_id), (Role.SALESPERSON, north.region_id),
             (Role.SALESPERSON, personas["east_mgr"].region_id), (Role.LEGAL, None)]

    for role, region_id in cases:
        expected = {u.pk: str(u) for u in selectors.holders_of(role, region_id)}
        assert selectors.holder_names(role, region_id) == expected
        assert list(selectors.holder_names(role, region_id)) == sorted(expected)
    assert list(selectors.holder_names(Role.FINANCE).values()) == ["Li Na"]


def test_departments_and_regions_are_named_in_the_readers_language(personas):
    from django.utils import translation

    from core.org.models import Department

    sales, east = personas["east_mgr"].department, personas["east_mgr"].region
    with translation.override("en"):
        assert (str(sales), str(east)) == ("Sales", "East China")
    with translation.override("zh-hans"):
        assert (str(sales), str(east)) == ("销售部", "华东")
    unnamed = Department.objects.create(code="ops", name="运营部")
    with translation.override("en"):
        assert str(unnamed) == "运营部"  # no English name yet: the Chinese one
