"""Actuals and attainment over the API."""

from io import BytesIO

import pytest

from workflows.plans.models import Actual

from .conftest import url

pytestmark = pytest.mark.django_db


def csv_upload(text: str, name: str = "actuals.csv") -> BytesIO:
    upload = BytesIO(text.encode())
    upload.name = name
    return upload


def test_record_import_list_and_attainment(api, published):
    plan = published("3600000.00", year=2030)
    gm = api("gm")
    response = gm.post(url(plan.pk, "actuals"), {"salesperson": "east_rep1", "month": 1,
                                                 "amount": "40000.00"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["region"] == "east" and response.json()["year"] == 2030
    text = "salesperson,month,amount\neast_rep2,1,30000\nsouth_rep1,1,50000\n"
    response = gm.post(url(plan.pk, "actuals"), {"file": csv_upload(text)}, format="multipart")
    assert response.status_code == 200 and response.json() == {"imported": 2}

    assert gm.get(url(plan.pk, "actuals")).json()["count"] == 3
    assert api("east_mgr").get(url(plan.pk, "actuals")).json()["count"] == 2
    assert api("east_rep1").get(url(plan.pk, "actuals")).json()["count"] == 1

    a = gm.get(url(plan.pk, "attainment")).json()
    assert a["through_month"] == 1
    assert a["company"]["year"] == {"target": "3600000.00", "actual": "120000.00",
                                    "attainment": "3.3"}
    east = next(r for r in a["regions"] if r["region"] == "east")
    assert east["months"][0] == {"target": "100000.00", "actual": "70000.00",
                                 "attainment": "70.0"}
    mine = api("east_rep1").get(url(plan.pk, "attainment")).json()
    assert mine["company"] is None and mine["regions"] == []
    assert [p["salesperson"] for p in mine["salespeople"]] == ["east_rep1"]


def test_400_names_every_bad_row_and_imports_nothing(api, published):
    plan = published(year=2030)
    text = "salesperson,month,amount\neast_rep1,1,100\nghost,1,5\neast_rep2,0,5\n"
    response = api("gm").post(url(plan.pk, "actuals"), {"file": csv_upload(text)},
                              format="multipart")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"row 3", "row 4"}
    assert not Actual.objects.exists()


@pytest.mark.parametrize("body", [{}, {"salesperson": "east_rep1", "month": 13, "amount": "1"},
                                  {"salesperson": "nobody", "month": 1, "amount": "1"},
                                  {"salesperson": "east_rep1", "month": 1, "amount": "abc"},
                                  {"salesperson": "east_rep1", "month": "x", "amount": "1"},
                                  {"salesperson": "east_rep1", "month": 1, "amount": [1]}])
def test_400_never_500_when_an_actual_is_odd(api, published, body):
    plan = published(year=2030)
    response = api("gm").post(url(plan.pk, "actuals"), body, format="json")
    assert response.status_code == 400, response.content


def test_403_for_a_salesperson_and_an_auditor(api, published):
    plan = published(year=2030)
    body = {"salesperson": "east_rep1", "month": 1, "amount": "1"}
    assert api("east_rep1").post(url(plan.pk, "actuals"), body, format="json").status_code == 403
    assert api("auditor").post(url(plan.pk, "actuals"), body, format="json").status_code == 403


def test_415_for_a_file_that_is_no_table_and_413_over_2_mb(api, published):
    plan = published(year=2030)
    client = api("gm")
    response = client.post(url(plan.pk, "actuals"), {"file": csv_upload("\x00\x01", "x.bin")},
                           format="multipart")
    assert response.status_code == 415
    big = BytesIO(b"a" * (2 * 1024 * 1024 + 1))
    big.name = "big.csv"
    assert client.post(url(plan.pk, "actuals"), {"file": big},
                       format="multipart").status_code == 413
    big.seek(0)
    assert client.post(url(plan.pk, "allocations/import"), {"file": big},
                       format="multipart").status_code in (403, 413)
