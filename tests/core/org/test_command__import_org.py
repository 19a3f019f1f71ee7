from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from core.audit.models import AuditEvent
from core.org.importer import org_import_preview
from core.org.models import Department, User
from tests.core.org.orgbook import book, small_company

pytestmark = pytest.mark.django_db


def _run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_org", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_template_has_every_sheet_with_headings_and_an_example_that_imports(tmp_path):
    target = tmp_path / "template.xlsx"

    _run("--template", str(target))

    wb = load_workbook(target)
    assert wb.sheetnames == ["部门 Departments", "区域 Regions", "人员 People", "角色 Roles"]
    people = wb["人员 People"]
    assert people["A1"].value == "用户名 Username *" and people["A2"].value == "zhang.wei"
    assert [c.value for c in people[1]][-1] == "状态 Status"
    plan = org_import_preview(data=target.read_bytes())
    assert plan.errors == [] and ("person", "create", "zhang.wei") in [
        (c.entity, c.action, c.key) for c in plan.changes]


def test_dry_run_prints_the_changes_and_changes_nothing(tmp_path):
    path = tmp_path / "acme.xlsx"
    path.write_bytes(book(small_company()))

    out, _err = _run(str(path), "--dry-run")

    assert "create     person     rep_e" in out
    assert "manager: — → mgr_e" in out
    assert "Would change:" in out and "org.person_created 4" in out
    assert not Department.objects.exists() and not User.objects.exists()


def test_apply_records_the_actor_and_a_second_run_changes_nothing(tmp_path):
    operator = User.objects.create_superuser("operator", "op@acme.example", "x" * 12)
    path = tmp_path / "acme.xlsx"
    path.write_bytes(book(small_company()))

    out, _err = _run(str(path), "--actor", "operator")
    assert "Changed:" in out
    summary = AuditEvent.objects.get(event="org.imported")
    assert summary.actor_id == operator.pk and summary.data["file_name"] == "acme.xlsx"

    again, _err = _run(str(path), "--actor", "operator")
    assert "Nothing to change" in again
    assert AuditEvent.objects.filter(event="org.imported").count() == 1


def test_errors_go_to_stderr_with_sheet_row_and_column(tmp_path):
    company = small_company()
    company["people"][1][2] = "mgr_e at acme"
    path = tmp_path / "bad.xlsx"
    path.write_bytes(book(company))
    err = StringIO()

    with pytest.raises(CommandError, match="1 error"):
        call_command("import_org", str(path), stdout=StringIO(), stderr=err)

    assert "People, row 3, column C (电子邮箱 E-mail):" in err.getvalue()
    assert not User.objects.exists()


def test_unknown_actor_or_file_is_a_clear_error(tmp_path):
    path = tmp_path / "acme.xlsx"
    path.write_bytes(book(small_company()))
    with pytest.raises(CommandError, match="No user 'ghost'"):
        _run(str(path), "--actor", "ghost")
    with pytest.raises(CommandError, match="Cannot read"):
        _run(str(tmp_path / "missing.xlsx"))
