"""My claims, all claims with filters, standards; each list runs a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from workflows.expenses.models import ExpenseClaim

from .helpers import line, today

pytestmark = pytest.mark.django_db


def test_my_claims_lists_only_the_users_own_claims(client_for, make_claim, travel_budget):
    make_claim("east_rep1", title="我的报销")
    make_claim("east_rep2", title="别人的报销")

    body = client_for("east_rep1").get("/expenses/").content.decode()

    assert "我的报销" in body
    assert "别人的报销" not in body


def test_all_claims_are_listed_when_the_user_is_finance(client_for, make_claim,
                                                        travel_budget):
    make_claim("east_rep1", title="我的报销")
    make_claim("east_rep2", title="别人的报销")

    for username in ("finance", "auditor", "admin"):
        body = client_for(username).get("/expenses/?scope=all").content.decode()
        assert "我的报销" in body and "别人的报销" in body, username
    rep = client_for("east_rep1").get("/expenses/?scope=all").content.decode()
    assert "别人的报销" not in rep  # a salesperson asking for all still gets their own


def test_all_claims_are_filtered_by_state_category_submitter_and_month(client_for, make_claim,
                                                                       travel_budget):
    make_claim("east_rep1", title="草稿报销")
    make_claim("east_rep2", title="已提交报销", stage="submitted")
    client = client_for("finance")
    month = today().strftime("%Y-%m")

    by_state = client.get("/expenses/?scope=all&state=submitted").content.decode()
    by_submitter = client.get("/expenses/?scope=all&submitter=east_rep1").content.decode()
    by_month = client.get(f"/expenses/?scope=all&month={month}").content.decode()
    other_month = client.get("/expenses/?scope=all&month=2001-01").content.decode()
    by_category = client.get("/expenses/?scope=all&category=marketing").content.decode()

    assert "已提交报销" in by_state and "草稿报销" not in by_state
    assert "草稿报销" in by_submitter and "已提交报销" not in by_submitter
    assert "草稿报销" in by_month and "已提交报销" in by_month
    assert "草稿报销" not in other_month
    assert "草稿报销" not in by_category


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_claim_lists_run_a_constant_number_of_queries(client_for, make_claim, travel_budget):
    def add(n):
        for username in ("east_rep1", "east_rep2") * n:
            make_claim(username, lines=[line("50.00"), line("60.00")])

    add(2)
    client_rep, client_fin = client_for("east_rep1"), client_for("finance")
    few = (_queries(client_rep, "/expenses/"), _queries(client_fin, "/expenses/?scope=all"))
    add(8)
    assert ExpenseClaim.objects.count() == 20
    many = (_queries(client_rep, "/expenses/"), _queries(client_fin, "/expenses/?scope=all"))

    assert many == few


def test_budget_list_runs_a_constant_number_of_queries(client_for, make_budget):
    make_budget("travel", in_force=False)
    client = client_for("finance")
    few = _queries(client, "/expenses/budgets/")
    for category in ("personnel", "marketing", "entertainment", "other"):
        make_budget(category, in_force=False)

    assert _queries(client, "/expenses/budgets/") == few


def test_standards_are_listed_for_everyone_logged_in(client_for, standards, client):
    body = client_for("east_rep1").get("/expenses/standards/").content.decode()

    assert "一线城市住宿" in body
    assert "¥500.00" in body
    assert client.get("/expenses/standards/").status_code == 302  # to the login page


def test_menu_offers_budgets_and_monitor_only_to_those_who_may_open_them(client_for):
    rep = client_for("east_rep1").get("/").content.decode()
    finance = client_for("finance").get("/").content.decode()

    assert 'href="/expenses/"' in rep and 'href="/expenses/"' in finance
    assert 'href="/expenses/claims/new/"' in rep  # the home page's New expense claim button
    assert 'href="/expenses/budgets/"' not in rep
    assert 'href="/expenses/monitor/"' not in rep
    assert 'href="/expenses/budgets/"' in finance and 'href="/expenses/monitor/"' in finance


def test_a_draft_shows_draft_not_its_database_id_in_the_requests_number_column(
        client_for, make_claim, travel_budget):
    """Issue 18, defect 6: a draft has no number yet; the list showed its row id instead."""
    import re

    from core.inbox.models import Request

    claim = make_claim("east_rep1")
    req = Request.objects.get(kind="expense", object_id=claim.pk)
    assert req.number == ""

    html = client_for("east_rep1").get("/requests/").content.decode()

    cell = re.search(rf'<a href="/requests/{req.pk}/">(.*?)</a>', html).group(1)
    assert "draft" in cell and str(req.pk) not in cell
