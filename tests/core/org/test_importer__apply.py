from decimal import Decimal

import pytest

from core.audit.models import AuditEvent
from core.audit.verify import verify_all
from core.exceptions import InvalidInputError, StateConflictError
from core.org.importer import ImportRefused, org_import_apply, org_import_preview
from core.org.models import Department, OrgImport, Region, Role, RoleAssignment, User
from tests.core.org.orgbook import ZH, book, current_org, small_company

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(db):
    return User.objects.create_superuser("operator", "op@acme.example", "x" * 12)


def _roles(username: str) -> set[tuple[str, str]]:
    return {(a.role, a.region.code if a.region else "")
            for a in RoleAssignment.objects.filter(user__username=username)
            .select_related("region")}


def test_creates_the_company_when_the_workbook_is_valid(operator):
    plan = org_import_apply(data=book(small_company()), actor=operator, file_name="acme.xlsx")

    assert set(Department.objects.values_list("code", "name")) == {("sales", "销售部"),
                                                                   ("finance", "财务部")}
    assert set(Region.objects.values_list("code", flat=True)) == {"east", "west"}
    rep = User.objects.select_related("manager", "department", "region").get(username="rep_e")
    assert (rep.display_name, rep.manager.username, rep.department.code, rep.region.code,
            rep.grade) == ("李销售", "mgr_e", "sales", "east", 3)
    assert User.objects.get(username="boss").mobile == "13900000001"
    assert not rep.has_usable_password()  # an administrator sets passwords; none are invented
    # role given by code, English label and Chinese label; a salesperson's region defaults
    # to the person's own
    assert _roles("boss") == {(Role.SALES_GM, "")}
    assert _roles("mgr_e") == {(Role.REGIONAL_MANAGER, "east")}
    assert _roles("rep_e") == {(Role.SALESPERSON, "east")}
    assert _roles("cash") == {(Role.FINANCE, "")}
    assert plan.counts()["org.person_created"] == 4
    assert User.objects.get(username="operator").is_active  # the importing superuser is kept
    assert plan.kept_admins == ["operator"]


def test_accepts_chinese_sheet_names_and_headings(operator):
    plan = org_import_apply(data=book(small_company(), headers=ZH), actor=operator)

    assert not plan.errors
    assert User.objects.filter(username__in=["boss", "mgr_e", "rep_e", "cash"]).count() == 4


def test_dry_run_changes_nothing(operator):
    before = AuditEvent.objects.count()

    plan = org_import_preview(data=book(small_company()), actor=operator)

    assert len(plan.of("person")) == 4 and len(plan.of("department")) == 2
    assert not Department.objects.exists()
    assert User.objects.count() == 1
    assert AuditEvent.objects.count() == before
    assert not OrgImport.objects.exists()


def test_applying_the_same_workbook_again_changes_nothing(operator):
    data = book(small_company())
    org_import_apply(data=data, actor=operator)
    users = list(User.objects.order_by("pk").values())
    roles = list(RoleAssignment.objects.order_by("pk").values())
    events = AuditEvent.objects.count()

    again = org_import_apply(data=data, actor=operator)

    assert again.changes == []
    assert list(User.objects.order_by("pk").values()) == users
    assert list(RoleAssignment.objects.order_by("pk").values()) == roles
    assert AuditEvent.objects.count() == events
    assert OrgImport.objects.count() == 1


def test_the_demo_company_read_back_is_no_change(personas):
    plan = org_import_preview(data=book(current_org()), actor=personas["admin"])

    assert plan.errors == [] and plan.changes == []


def test_every_change_is_audited_with_its_actor(operator):
    first = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    org_import_apply(data=book(small_company()), actor=operator, file_name="acme.xlsx")

    written = AuditEvent.objects.filter(seq__gt=first)
    assert not written.filter(event__startswith="config.").exists(), \
        "an imported change is recorded once, as org.*, not again as a configuration event"

    events = list(AuditEvent.objects.filter(event__startswith="org.").order_by("seq"))
    kinds = [e.event for e in events]
    assert kinds.count("org.department_created") == 2
    assert kinds.count("org.region_created") == 2
    assert kinds.count("org.person_created") == 4
    assert kinds.count("org.roles_changed") == 4
    assert kinds[-1] == "org.imported"
    assert {e.actor_id for e in events} == {operator.pk}
    created = next(e for e in events if e.event == "org.person_created"
                   and e.subject_id == str(User.objects.get(username="rep_e").pk))
    assert created.changes["manager"] == [None, "mgr_e"]
    summary = events[-1]
    assert summary.data["file_name"] == "acme.xlsx"
    assert summary.data["counts"]["org.person_created"] == 4
    assert verify_all(save=False).ok
    from django.utils import translation

    from core.inbox.templatetags.countersign import describe

    with translation.override("en"):
        assert describe(summary) == "operator imported the organisation workbook"
        assert describe(created) == "operator added the person (import)"


def test_a_changed_person_is_updated_and_audited_with_before_and_after(operator):
    org_import_apply(data=book(small_company()), actor=operator)
    company = small_company()
    company["people"][2][6] = 4  # rep_e's grade
    company["people"][2][7] = "boss"  # and line manager
    company["roles"][2] = ["rep_e", "salesperson", "west"]

    plan = org_import_apply(data=book(company), actor=operator)

    assert [(c.entity, c.action, c.key) for c in plan.changes] == [
        ("person", "update", "rep_e"), ("roles", "update", "rep_e")]
    rep = User.objects.get(username="rep_e")
    assert (rep.grade, rep.manager.username) == (4, "boss")
    assert _roles("rep_e") == {(Role.SALESPERSON, "west")}
    event = AuditEvent.objects.filter(event="org.person_updated").get()
    assert event.changes == {"grade": [3, 4], "manager": ["mgr_e", "boss"]}
    roles = AuditEvent.objects.filter(event="org.roles_changed").order_by("-seq").first()
    assert roles.changes == {"roles": [["salesperson@east"], ["salesperson@west"]]}


def test_people_absent_or_marked_left_are_deactivated_never_deleted(personas):
    from core.inbox.models import Request
    from workflows.demo.services import demo_submit

    demo = demo_submit(actor=personas["east_rep1"], title="客户拜访交通费",
                       amount=Decimal("800.00"))
    request = Request.objects.get(kind="demo", object_id=demo.pk)  # east_mgr's task waits
    company = current_org()
    company["people"] = [p for p in company["people"] if p[0] != "south_rep2"]
    company["roles"] = [r for r in company["roles"] if r[0] != "south_rep2"]
    for person in company["people"]:
        if person[0] == "east_mgr":
            person[8] = "离职"
        if person[7] == "east_mgr":
            person[7] = "gm"  # their reports move up: a leaver manages nobody
    total = User.objects.count()

    from django.utils import translation

    with translation.override("zh-hans"):  # the step in the reader's language
        plan = org_import_preview(data=book(company), actor=personas["admin"])

    leavers = {leaver.username: leaver for leaver in plan.leavers}
    assert set(leavers) == {"east_mgr", "south_rep2"}
    assert leavers["east_mgr"].tasks == [f"{request.number} · 直属上级"]

    org_import_apply(data=book(company), actor=personas["admin"])

    assert User.objects.count() == total
    assert set(User.objects.filter(is_active=False).values_list("username", flat=True)) == {
        "east_mgr", "south_rep2"}
    assert AuditEvent.objects.filter(event="org.person_deactivated").count() == 2
    assert User.objects.get(username="admin").is_active  # the superuser stays
    assert request.work_items.get(status="open").assignee.username == "east_mgr"

    company["people"] = [p for p in company["people"] if p[0] != "east_mgr"]
    company["roles"] = [r for r in company["roles"] if r[0] != "east_mgr"]
    company["people"].append(["south_rep2", "郑浩", "", "", "sales", "south", 2, "south_mgr",
                              ""])
    back = org_import_apply(data=book(company), actor=personas["admin"])
    assert ("person", "reactivate", "south_rep2") in [(c.entity, c.action, c.key)
                                                       for c in back.changes]
    assert User.objects.get(username="south_rep2").is_active
    assert not User.objects.get(username="east_mgr").is_active


def _people_error(company, *, actor):
    with pytest.raises(ImportRefused) as caught:
        org_import_apply(data=book(company), actor=actor)
    return caught.value.plan.errors


@pytest.mark.parametrize("edit, sheet, row, column, words", [
    (lambda c: c["people"][1].__setitem__(2, "not-an-email"), "People", 3, "C (电子邮箱 E-mail)",
     "not a valid e-mail"),
    (lambda c: c["people"][2].__setitem__(4, "marketing"), "People", 4, "E (部门 Department)",
     "Unknown department “marketing”"),
    (lambda c: c["people"][3].__setitem__(7, "nobody"), "People", 5, "H (直属上级 Line manager)",
     "Unknown line manager “nobody”"),
    (lambda c: c["people"].append(["REP_E", "重复", "", "", "sales", "", 1, "", ""]), "People",
     6, "A (用户名 Username)", "appears twice"),
    (lambda c: c["people"][0].__setitem__(7, "rep_e"), "People", 2, "H (直属上级 Line manager)",
     "cycle: boss → rep_e → mgr_e → boss"),
    (lambda c: c["people"][1].__setitem__(3, "call me"), "People", 3, "D (手机 Mobile)",
     "not a mobile number"),
    (lambda c: c["people"][1].__setitem__(6, "senior"), "People", 3, "G (职级 Grade)",
     "whole number"),
    (lambda c: c["roles"].append(["rep_e", "pilot", ""]), "Roles", 6, "B (角色 Role)",
     "Unknown role “pilot”"),
    (lambda c: c["roles"].append(["cash", "regional_manager", ""]), "Roles", 6,
     "C (区域 Region)", "needs a region"),
    (lambda c: c["departments"].append(["sales", "又一个"]), "Departments", 4, "A (编码 Code)",
     "appears twice"),
])
def test_an_error_names_sheet_row_and_column_and_nothing_is_applied(operator, edit, sheet, row,
                                                                    column, words):
    company = small_company()
    edit(company)

    errors = _people_error(company, actor=operator)

    assert [(e.sheet, e.row, e.column) for e in errors] == [(sheet, row, column)], errors
    assert words in errors[0].message
    assert str(errors[0]).startswith(f"{sheet}, ")
    assert not Department.objects.exists() and User.objects.count() == 1
    assert not AuditEvent.objects.filter(event__startswith="org.").exists()


def test_every_error_is_reported_at_once(operator):
    company = small_company()
    company["people"][1][2] = "bad@"
    company["people"][2][4] = "nowhere"
    company["roles"].append(["ghost", "finance", ""])

    errors = _people_error(company, actor=operator)

    assert [(e.sheet, e.row) for e in errors] == [("People", 3), ("People", 4), ("Roles", 6)]


def test_a_missing_sheet_or_column_is_named(operator):
    company = small_company()
    del company["regions"]
    errors = _people_error(company, actor=operator)
    assert "Regions" in errors[0].sheet and "区域" in errors[0].message

    headers = {**ZH, "people": ("人员", ["用户名", "姓名", "电子邮箱"])}
    with pytest.raises(ImportRefused) as caught:
        org_import_apply(data=book(small_company(), headers=headers), actor=operator)
    missing = [e for e in caught.value.plan.errors if e.sheet == "人员" and e.row == 1]
    assert "部门" in missing[0].message


def test_importer_refuses_to_deactivate_its_own_operator(personas):
    company = current_org()
    for person in company["people"]:
        if person[0] == "admin":
            person[8] = "left"

    errors = _people_error(company, actor=personas["admin"])

    assert "your own account" in errors[0].message


def test_a_file_that_is_not_a_workbook_is_refused(operator):
    with pytest.raises(InvalidInputError):
        org_import_preview(data=b"username,name\nx,y\n", actor=operator)
    with pytest.raises(InvalidInputError):
        org_import_preview(data=b"x" * (2 * 1024 * 1024 + 1), actor=operator)


def test_a_stored_upload_applies_only_for_its_uploader_and_once(operator):
    from core.org.importer import org_import_store

    stored, plan = org_import_store(data=book(small_company()), actor=operator, file_name="a")
    other = User.objects.create_superuser("other", "o@acme.example", "x" * 12)

    with pytest.raises(InvalidInputError):
        org_import_apply(stored_id=stored.pk, actor=other)
    org_import_apply(stored_id=stored.pk, actor=operator, expected_digest=plan.digest)
    with pytest.raises(StateConflictError):
        org_import_apply(stored_id=stored.pk, actor=operator)


def test_a_preview_that_went_stale_is_not_applied(operator):
    from core.org.importer import org_import_store

    stored, plan = org_import_store(data=book(small_company()), actor=operator, file_name="a")
    Department.objects.create(code="sales", name="Sales (renamed meanwhile)")

    with pytest.raises(StateConflictError):
        org_import_apply(stored_id=stored.pk, actor=operator, expected_digest=plan.digest)
    assert Department.objects.get().name == "Sales (renamed meanwhile)"



def test_a_department_or_region_may_be_named_instead_of_coded(operator):
    company = small_company()
    company["people"][3][4] = "财务部"
    company["people"][2][5] = "华东"

    org_import_apply(data=book(company), actor=operator)

    cash = User.objects.select_related("department").get(username="cash")
    assert cash.department.code == "finance"
    assert User.objects.get(username="rep_e").region.code == "east"
