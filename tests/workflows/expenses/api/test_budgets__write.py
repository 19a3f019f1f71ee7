from workflows.expenses.models import Budget

from .conftest import BUDGETS, YEAR, budget_url


def _body(**overrides) -> dict:
    body = {"fiscal_year": YEAR, "department": "sales", "category": "marketing",
            "total": "1200.00", "quarters": ["300.00"] * 4, "months": ["100.00"] * 12}
    body.update(overrides)
    return body


def test_201_draft_version_1_when_finance_prepares_a_budget(api, personas, sales):
    response = api("finance").post(BUDGETS, _body(owner="gm"), format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    budget = Budget.objects.get(pk=body["id"])
    assert (budget.department, budget.state, budget.version) == (sales, "draft", 1)
    assert body["owner"]["username"] == "gm"
    assert body["prepared_by"]["username"] == "finance"
    assert body["versions"] == [{"id": budget.pk, "number": budget.number, "version": 1,
                                 "state": "draft", "total": "1200.00", "reason": "",
                                 "in_force_at": None}]


def test_system_fields_are_ignored_when_posted_on_create(api, personas):
    response = api("finance").post(
        BUDGETS, _body(state="in_force", number="HACK", version=7, prepared_by="gm",
                       in_force_at="2020-01-01T00:00:00+08:00", previous=1),
        format="json")

    assert response.status_code == 201, response.json()
    budget = Budget.objects.get(pk=response.json()["id"])
    assert (budget.state, budget.version, budget.previous_id, budget.in_force_at) == (
        "draft", 1, None, None)
    assert budget.number == f"YS-{YEAR}-sales-marketing-v1"
    assert budget.prepared_by == personas["finance"]


def test_400_names_total_quarter_and_months_when_the_split_does_not_add_up(api, personas):
    months = ["100.00"] * 12
    months[4] = "150.00"  # Q2's months now add up to 350.00
    response = api("finance").post(
        BUDGETS, _body(quarters=["300.00", "300.00", "300.00", "200.00"], months=months),
        format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert {"total", "q2", "q4"} <= set(body["fields"])
    assert not Budget.objects.exists()


def test_400_names_the_amount_when_one_is_not_a_number(api, personas):
    months = ["100.00"] * 12
    months[2] = "abc"
    quarters = ["300.00", "1e40", "300.00", "300.00"]

    response = api("finance").post(BUDGETS, _body(months=months, quarters=quarters,
                                                  total=True), format="json")

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"m3", "q2", "total"}


def test_400_names_quarters_and_months_when_their_count_is_wrong(api, personas):
    response = api("finance").post(BUDGETS, _body(quarters=["1200.00"], months=[]),
                                   format="json")

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"quarters", "months"}


def test_400_names_negative_amounts_when_given(api, personas):
    response = api("finance").post(
        BUDGETS, _body(total="0.00", quarters=["-300.00", "300.00", "0.00", "0.00"],
                       months=["-100.00"] * 3 + ["100.00"] * 3 + ["0.00"] * 6),
        format="json")

    assert response.status_code == 400
    assert {"q1", "m1"} <= set(response.json()["fields"])


def test_409_when_the_budget_line_exists_already(api, make_budget):
    make_budget("marketing", "1200.00", in_force=False)

    response = api("finance").post(BUDGETS, _body(), format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "state_conflict"


def test_403_when_anyone_but_finance_prepares_a_budget(api, personas):
    for username in ("gm", "east_mgr", "auditor", "admin"):
        response = api(username).post(BUDGETS, _body(), format="json")
        assert response.status_code == 403, username
        assert response.json()["code"] == "permission_denied"
    assert not Budget.objects.exists()


def test_one_budget_when_the_idempotency_key_repeats(api, personas):
    client = api("finance")
    first = client.post(BUDGETS, _body(), format="json", HTTP_IDEMPOTENCY_KEY="b-1")
    second = client.post(BUDGETS, _body(), format="json", HTTP_IDEMPOTENCY_KEY="b-1")

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert Budget.objects.count() == 1


def test_submitted_then_409_when_finance_submits_twice(api, make_budget):
    budget = make_budget("marketing", "1200.00", in_force=False)
    client = api("finance")

    first = client.post(budget_url(budget.pk, "submit"))
    second = client.post(budget_url(budget.pk, "submit"))

    assert first.status_code == 200, first.json()
    assert first.json()["state"] == "submitted"
    assert second.status_code == 409


def test_403_when_the_auditor_or_another_person_submits(api, make_budget):
    budget = make_budget("marketing", "1200.00", in_force=False)

    for username in ("auditor", "finance_clerk", "gm"):
        assert api(username).post(budget_url(budget.pk, "submit")).status_code == 403
    assert Budget.objects.get(pk=budget.pk).state == "draft"


def test_201_next_version_when_finance_revises_the_budget_in_force(api, make_budget):
    v1 = make_budget("travel", "120000.00")

    response = api("finance").post(
        budget_url(v1.pk, "revise"),
        {"total": "240000.00", "quarters": ["60000.00"] * 4, "months": ["20000.00"] * 12,
         "reason": "扩大差旅", "state": "in_force", "version": 9},
        format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["version"], body["previous"], body["state"]) == (2, v1.pk, "draft")
    assert body["diff_to_previous"]["total"] == ["120000.00", "240000.00"]
    assert len(body["diff_to_previous"]) == 17


def test_revise_refusals_when_the_budget_is_not_in_force_or_reason_is_missing(api,
                                                                             make_budget):
    draft = make_budget("marketing", "1200.00", in_force=False)
    split = {"total": "1200.00", "quarters": ["300.00"] * 4, "months": ["100.00"] * 12}
    client = api("finance")

    assert client.post(budget_url(draft.pk, "revise"), {**split, "reason": "x"},
                       format="json").status_code == 409
    missing = client.post(budget_url(draft.pk, "revise"), split, format="json")
    assert missing.status_code == 400
    assert "reason" in missing.json()["fields"]
    assert api("auditor").post(budget_url(draft.pk, "revise"), {**split, "reason": "x"},
                               format="json").status_code == 403
    assert api("east_rep1").post(budget_url(draft.pk, "revise"), {**split, "reason": "x"},
                                 format="json").status_code == 404
    assert Budget.objects.count() == 1
