from .conftest import BUDGETS, YEAR

SPLIT = BUDGETS + "split/"


def test_even_split_adds_up_to_the_fen_when_total_does_not_divide(api, personas):
    response = api("finance").get(SPLIT + "?total=1000.00")

    assert response.status_code == 200
    body = response.json()
    assert (body["mode"], body["based_on"], body["total"]) == ("even", None, "1000.00")
    assert body["months"][:4] == ["83.34", "83.34", "83.34", "83.34"]
    assert body["months"][4:] == ["83.33"] * 8
    assert body["quarters"] == ["250.02", "250.00", "249.99", "249.99"]


def test_months_follow_last_year_when_mode_is_last_year(api, make_budget):
    last = make_budget("travel", year=YEAR - 1,
                       months=["200.00"] + ["100.00"] * 10 + ["300.00"])  # 1500.00

    response = api("finance").get(
        SPLIT + f"?total=3000.00&mode=last_year&department=sales&category=travel"
                f"&fiscal_year={YEAR}")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["mode"], body["based_on"]) == ("last_year", last.pk)
    assert body["months"] == ["400.00"] + ["200.00"] * 10 + ["600.00"]
    assert body["quarters"] == ["800.00", "600.00", "600.00", "1000.00"]


def test_falls_back_to_even_when_last_year_has_no_budget_in_force(api, make_budget):
    make_budget("travel", year=YEAR - 1, in_force=False)

    body = api("finance").get(
        SPLIT + f"?total=1200&mode=last_year&department=sales&category=travel"
                f"&fiscal_year={YEAR}").json()

    assert (body["mode"], body["based_on"]) == ("even", None)
    assert body["months"] == ["100.00"] * 12


def test_400_names_what_last_year_mode_needs_when_missing(api, personas):
    response = api("finance").get(SPLIT + "?total=1200&mode=last_year")

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"department", "category", "fiscal_year"}


def test_400_when_the_total_is_missing_negative_or_the_mode_unknown(api, personas):
    client = api("finance")

    assert set(client.get(SPLIT).json()["fields"]) == {"total"}
    assert set(client.get(SPLIT + "?total=-1&mode=wild").json()["fields"]) == {"total", "mode"}
    assert client.get(SPLIT + "?total=1e40").status_code == 400
