from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from core import kinds
from core.org.models import Delegation, User
from tests.factories import DelegationFactory, UserFactory

START = date(2025, 5, 1)
END = date(2025, 5, 10)


def errors_of(instance) -> dict[str, list]:
    """The errors clean() raises, by field; errors not tied to a field are under "__all__"."""
    with pytest.raises(ValidationError) as excinfo:
        instance.clean()
    return excinfo.value.update_error_dict({})


# --- User.clean: line managers ---


def test_refused_when_user_is_own_manager(db):
    user = UserFactory()
    user.manager = user

    assert "manager" in errors_of(user)


def test_refused_when_manager_closes_a_cycle(db):
    a = UserFactory(username="a")
    b = UserFactory(username="b")
    c = UserFactory(username="c")
    a.manager = b
    a.save()
    b.manager = c
    b.save()

    c.manager = a  # a -> b -> c -> a

    assert "manager" in errors_of(c)


def test_refused_when_demo_top_would_report_to_own_report(personas):
    ceo = personas["ceo"]
    ceo.manager = personas["east_rep1"]  # east_rep1 -> east_mgr -> gm -> ceo

    assert "manager" in errors_of(ceo)


def test_accepted_when_manager_chain_has_no_cycle(personas):
    rep = User.objects.get(pk=personas["east_rep1"].pk)
    rep.manager = personas["south_mgr"]
    rep.clean()

    top = User.objects.get(pk=personas["admin"].pk)
    top.manager = personas["ceo"]
    top.clean()

    new = UserFactory.build(username="newcomer")
    new.manager = personas["east_rep3"]
    new.clean()


# --- Delegation.clean ---


def delegation(principal, deputy, start=START, end=END, kinds=None):
    return Delegation(
        principal=principal, deputy=deputy, starts_on=start, ends_on=end, kinds=kinds or []
    )


def test_refused_when_delegating_to_oneself(personas):
    gm = personas["gm"]

    assert "deputy" in errors_of(delegation(gm, gm))


def test_refused_when_last_day_before_first(personas):
    d = delegation(personas["gm"], personas["ceo"], start=END, end=START)

    assert "ends_on" in errors_of(d)


def test_accepted_when_delegation_is_a_single_day(personas):
    delegation(personas["gm"], personas["ceo"], start=START, end=START).clean()


@pytest.mark.parametrize("kinds", [["expense", "holiday"], ["EXPENSE"], "expense", {"k": 1}])
def test_refused_when_kinds_unknown(personas, kinds):
    d = delegation(personas["gm"], personas["ceo"])
    d.kinds = kinds

    assert "kinds" in errors_of(d)


def test_accepted_when_kinds_known(personas):
    delegation(personas["gm"], personas["ceo"], kinds=list(kinds.values())).clean()


@pytest.mark.parametrize(
    ("existing", "new"),
    [
        pytest.param(["expense"], ["expense"], id="same-kind"),
        pytest.param(["expense", "plan"], ["plan", "risk"], id="shared-kind"),
        pytest.param([], ["contract"], id="existing-all-kinds"),
        pytest.param(["contract"], [], id="new-all-kinds"),
        pytest.param([], [], id="both-all-kinds"),
    ],
)
def test_refused_when_overlapping_delegation_shares_kinds(personas, existing, new):
    gm = personas["gm"]
    DelegationFactory(
        principal=gm, deputy=personas["ceo"], starts_on=START, ends_on=END, kinds=existing
    )
    d = delegation(gm, personas["east_mgr"], start=END, end=END + timedelta(days=3), kinds=new)

    errors = errors_of(d)

    assert list(errors) == ["__all__"]
    assert str(personas["ceo"]) in " ".join(map(str, errors["__all__"]))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        pytest.param(START - timedelta(days=5), START, id="ends-on-first-day"),
        pytest.param(END, END + timedelta(days=5), id="starts-on-last-day"),
        pytest.param(START + timedelta(days=2), START + timedelta(days=3), id="inside"),
        pytest.param(START - timedelta(days=1), END + timedelta(days=1), id="around"),
    ],
)
def test_refused_when_dates_intersect_by_any_day(personas, start, end):
    gm = personas["gm"]
    DelegationFactory(principal=gm, deputy=personas["ceo"], starts_on=START, ends_on=END)

    assert "__all__" in errors_of(delegation(gm, personas["east_mgr"], start=start, end=end))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        pytest.param(START - timedelta(days=5), START - timedelta(days=1), id="day-before"),
        pytest.param(END + timedelta(days=1), END + timedelta(days=5), id="day-after"),
    ],
)
def test_accepted_when_dates_do_not_intersect(personas, start, end):
    gm = personas["gm"]
    DelegationFactory(principal=gm, deputy=personas["ceo"], starts_on=START, ends_on=END)

    delegation(gm, personas["east_mgr"], start=start, end=end).clean()


def test_accepted_when_kinds_disjoint(personas):
    gm = personas["gm"]
    DelegationFactory(
        principal=gm,
        deputy=personas["ceo"],
        starts_on=START,
        ends_on=END,
        kinds=["expense", "budget"],
    )

    delegation(gm, personas["east_mgr"], kinds=["contract", "plan"]).clean()


def test_accepted_when_other_principal_overlaps(personas):
    DelegationFactory(
        principal=personas["gm"], deputy=personas["ceo"], starts_on=START, ends_on=END
    )

    delegation(personas["east_mgr"], personas["ceo"]).clean()


def test_accepted_when_existing_delegation_is_edited(personas):
    saved = DelegationFactory(
        principal=personas["gm"], deputy=personas["ceo"], starts_on=START, ends_on=END
    )
    saved.ends_on = END + timedelta(days=2)

    saved.clean()
