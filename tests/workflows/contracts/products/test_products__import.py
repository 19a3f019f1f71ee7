"""The catalogue from a workbook (issue 22): created and updated by code, all or nothing with
each bad row located, audited as configuration changes; the admin's import page and who may
use it."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from openpyxl import Workbook

from core.audit.models import AuditEvent
from core.exceptions import PermissionDeniedError
from core.org.models import User
from workflows.contracts.models import Product
from workflows.contracts.services.products import products_import, template_xlsx

pytestmark = pytest.mark.django_db
HEAD = ["编码 Code", "中文名称", "Name (English)", "类别", "Unit", "目录价（元）", "在售"]


def _book(*rows, head=HEAD) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(head)
    for row in rows:
        ws.append(list(row))
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture
def keeper(personas):
    return User.objects.create_superuser("catalogue", "cat@acme.example", "x" * 12)


GOOD = [("CNC-500", "五轴加工中心", "5-axis centre", "机床", "台", 880000, "是"),
        ("KIT-1", "备件包", "", "备件", "套", "12000.50", "")]


def test_products_created_then_updated_by_code_and_audited(personas, keeper):
    result = products_import(data=_book(*GOOD), actor=keeper)
    assert (result.created, result.errors) == (["CNC-500", "KIT-1"], [])
    kit = Product.objects.get(code="KIT-1")
    assert (kit.list_price, kit.active, kit.name_en) == (Decimal("12000.50"), True, "")
    assert AuditEvent.objects.filter(event="config.created", subject_kind="product").count() == 2

    again = products_import(data=_book(GOOD[0], ("KIT-1", "备件包", "Kit", "备件", "套", 13000,
                                                 "否")), actor=keeper)
    assert (again.updated, again.unchanged) == (["KIT-1"], ["CNC-500"])
    kit.refresh_from_db()
    assert (kit.list_price, kit.active, kit.name_en) == (Decimal("13000.00"), False, "Kit")
    changed = AuditEvent.objects.get(event="config.changed", subject_kind="product")
    assert changed.actor_id == keeper.pk
    assert changed.changes["list_price"] == ["12000.50", "13000.00"]


def test_nothing_imported_and_each_bad_row_located_when_a_row_is_bad(personas, keeper):
    result = products_import(data=_book(
        GOOD[0],
        ("BAD-1", "坏价格", "", "机床", "台", "12.345", "是"),  # row 3: three decimals
        ("", "无编码", "", "机床", "台", 1, "是"),  # row 4: no code
        ("CNC-500", "重复", "", "机床", "台", 1, "也许"),  # row 5: duplicate code, bad flag
    ), actor=keeper)
    located = {(e.row, e.column.split(" ")[0]) for e in result.errors}
    assert located == {(3, "F"), (4, "A"), (5, "A"), (5, "G")}
    assert "row 3" in str(result.errors[0]) or "第" in str(result.errors[0])
    assert Product.objects.filter(code__in=["CNC-500", "BAD-1"]).count() == 0


def test_missing_column_and_not_a_workbook_are_refused(personas, keeper):
    result = products_import(data=_book(("X",), head=["编码"]), actor=keeper)
    assert result.errors and all(e.row == 1 for e in result.errors)
    with pytest.raises(Exception) as exc:
        products_import(data=b"not a zip", actor=keeper)
    assert "file" in exc.value.fields


def test_only_catalogue_keepers_import(personas, keeper):
    with pytest.raises(PermissionDeniedError):
        products_import(data=_book(*GOOD), actor=personas["east_rep1"])
    assert not Product.objects.filter(code="CNC-500").exists()


def test_command_imports_and_reports_bad_rows(keeper, tmp_path):
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(_book(*GOOD))
    bad.write_bytes(_book(("Z-1", "价", "", "类", "台", "-5", "是")))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_products", str(bad), actor="catalogue")
    call_command("import_products", str(good), "--dry-run")
    assert not Product.objects.filter(code="CNC-500").exists()
    call_command("import_products", str(good), actor="catalogue")
    assert Product.objects.filter(code__in=["CNC-500", "KIT-1"]).count() == 2
    template = tmp_path / "t.xlsx"
    call_command("import_products", template=str(template))
    dry = products_import(data=template.read_bytes(), actor=None, apply=False)
    assert dry.errors == [] and dry.updated == ["CNC-500"]  # the example row, as a change
    assert template_xlsx()[:2] == b"PK"


def test_admin_import_page_shows_row_errors_and_is_closed_to_sales(personas, keeper):
    admin = Client(headers={"accept-language": "en"})
    admin.force_login(keeper)
    url = "/admin/contracts/product/import/"
    assert admin.get("/admin/contracts/product/").status_code == 200
    bad = SimpleUploadedFile("p.xlsx", _book(("Z-1", "价", "", "类", "台", "abc", "是")))
    response = admin.post(url, {"file": bad})
    assert response.status_code == 400 and "row 2" in response.content.decode()
    good = SimpleUploadedFile("p.xlsx", _book(*GOOD))
    assert admin.post(url, {"file": good}).status_code == 302
    assert Product.objects.filter(code="CNC-500").exists()
    rep = Client()
    rep.force_login(personas["east_rep1"])
    assert rep.get(url).status_code in (302, 403)
