STANDARDS = "/api/expenses/standards/"


def test_any_logged_in_user_reads_the_standards(api, standards):
    response = api("east_rep1").get(STANDARDS)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    hotel = body["results"][0]
    assert {k: hotel[k] for k in ("item_type", "city_tier", "min_grade", "max_grade", "cap",
                                  "currency", "on_excess", "note")} == {
        "item_type": "entertainment", "city_tier": "", "min_grade": 1, "max_grade": 99,
        "cap": "200.00", "currency": "CNY", "on_excess": "extra_approval", "note": "业务招待/人"}
    assert {(r["item_type"], r["city_tier"], r["min_grade"], r["cap"])
            for r in body["results"]} >= {("hotel", "tier1", 1, "500.00"),
                                          ("hotel", "tier1", 6, "800.00")}


def test_401_when_not_logged_in(api, standards):
    assert api(None).get(STANDARDS).status_code == 401


def test_405_when_anyone_writes_a_standard(api, standards):
    assert api("finance").post(STANDARDS, {}, format="json").status_code == 405
