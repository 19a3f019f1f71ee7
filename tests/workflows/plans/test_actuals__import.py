"""Monthly actuals per salesperson, entered or imported from .xlsx/CSV: a file with any bad row
is refused whole, every bad row named."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import Workbook

from core.audit.models import AuditEvent
from core.exceptions import (
    ApprovalError,
    InvalidInputError,
    PermissionDeniedError,
    ReadOnlyRoleError,
)
from workflows.plans import services
from workflows.plans.models import Actual, ActualSource

from .conftest import YEAR

pytestmark = pytest.mark.django_db


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def xlsx_bytes(rows) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


GOOD = (f"salesperson,year,month,amount,note\n"
        f"east_rep1,{YEAR},1,120000.50,一月\n"
        f"east_rep2,{YEAR},1,98000\n"
        f"south_rep1,{YEAR},2,\"1,500.00\"\n")


def test_every_row_is_recorded_when_the_csv_is_good(personas):
    n = services.actuals_import(actor=personas["finance"], data=csv_bytes(GOOD),
                                filename="actuals.csv")

    assert n == 3
    a = Actual.objects.get(salesperson=personas["east_rep1"], year=YEAR, month=1)
    assert a.amount == Decimal("120000.50") and a.region.code == "east"
    assert a.source == ActualSource.IMPORTED and a.note == "一月"
    assert Actual.objects.get(salesperson=personas["south_rep1"]).amount == Decimal("1500.00")
    assert AuditEvent.objects.filter(event="plan.actuals_imported",
                                     subject_id=str(YEAR)).count() == 1


def test_nothing_is_recorded_and_every_bad_row_is_named_when_some_rows_are_bad(personas):
    text = (f"salesperson,year,month,amount\n"
            f"east_rep1,{YEAR},1,100\n"
            f"ghost,{YEAR},1,100\n"
            f"east_rep2,{YEAR},13,100\n"
            f"east_rep3,{YEAR},2,-5\n"
            f"finance,{YEAR},2,5\n"
            f"east_rep1,{YEAR},1,200\n")

    with pytest.raises(InvalidInputError) as exc:
        services.actuals_import(actor=personas["gm"], data=csv_bytes(text))

    assert set(exc.value.fields) == {"row 3", "row 4", "row 5", "row 6", "row 7"}
    assert "month" in exc.value.fields["row 4"][0].lower()
    assert "row 2" in exc.value.fields["row 7"][0]  # the duplicate names the first
    assert not Actual.objects.exists()


def test_an_xlsx_with_chinese_headings_imports_and_replaces_earlier_figures(personas):
    services.actual_record(actor=personas["gm"], salesperson=personas["north_rep1"], year=YEAR,
                           month=3, amount="10.00")
    data = xlsx_bytes([["销售人员", "年度", "月份", "金额"],
                       ["north_rep1", YEAR, 3, 88000.8], ["north_rep2", YEAR, 3, 0]])

    assert services.actuals_import(actor=personas["north_mgr"], data=data,
                                   filename="3月.xlsx") == 2

    assert Actual.objects.get(salesperson=personas["north_rep1"], month=3).amount == \
        Decimal("88000.80")
    assert Actual.objects.count() == 2


def test_a_gb18030_csv_from_excel_is_read(personas):
    text = f"销售人员,年,月,金额\neast_rep1,{YEAR},4,500\n"
    assert services.actuals_import(actor=personas["gm"], data=csv_bytes(text, "gb18030")) == 1


def test_a_regional_manager_imports_only_their_region(personas):
    with pytest.raises(InvalidInputError) as exc:
        services.actuals_import(actor=personas["east_mgr"], data=csv_bytes(GOOD))
    assert list(exc.value.fields) == ["row 4"]  # south_rep1
    assert not Actual.objects.exists()


@pytest.mark.parametrize("who, error", [("east_rep1", PermissionDeniedError),
                                        ("auditor", ReadOnlyRoleError),
                                        ("legal", PermissionDeniedError)])
def test_refused_for_people_who_do_not_record_actuals(personas, who, error):
    with pytest.raises(error):
        services.actuals_import(actor=personas[who], data=csv_bytes(GOOD))
    with pytest.raises(error):
        services.actual_record(actor=personas[who], salesperson=personas["east_rep1"],
                               year=YEAR, month=1, amount="1.00")


@pytest.mark.parametrize("data, status", [(b"", 400), (b"salesperson,amount\neast_rep1,5\n", 400),
                                          (b"\x00\x01\x02", 415), (b"PK\x03\x04broken", 415),
                                          (b"\xff\xfe\x00\x00" * 10, 415)])
def test_refused_when_the_file_is_not_a_table_of_actuals(personas, data, status):
    with pytest.raises(ApprovalError) as exc:
        services.actuals_import(actor=personas["gm"], data=data, filename="x.csv")
    assert exc.value.status == status
    assert not Actual.objects.exists()


def test_year_of_the_plan_is_enforced_when_given(personas):
    text = f"salesperson,year,month,amount\neast_rep1,{YEAR - 1},1,100\n"
    with pytest.raises(InvalidInputError) as exc:
        services.actuals_import(actor=personas["gm"], data=csv_bytes(text), year=YEAR)
    assert "row 2" in exc.value.fields
    no_year = "salesperson,month,amount\neast_rep1,1,100\n"
    assert services.actuals_import(actor=personas["gm"], data=csv_bytes(no_year),
                                   year=YEAR) == 1
    assert Actual.objects.get().year == YEAR


def test_one_actual_is_entered_and_corrected(personas):
    services.actual_record(actor=personas["east_mgr"], salesperson=personas["east_rep1"],
                           year=YEAR, month=5, amount="100.00")
    services.actual_record(actor=personas["east_mgr"], salesperson=personas["east_rep1"],
                           year=YEAR, month=5, amount="150.00", note="补录")
    a = Actual.objects.get()
    assert a.amount == Decimal("150.00") and a.source == ActualSource.ENTERED
    with pytest.raises(InvalidInputError) as exc:
        services.actual_record(actor=personas["east_mgr"], salesperson=personas["south_rep1"],
                               year=YEAR, month=5, amount="1.00")
    assert "region" in exc.value.fields
