"""Organisation workbooks built in code for the import tests."""

from io import BytesIO

from openpyxl import Workbook

from core.org.models import Department, Region, RoleAssignment, User

EN = {
    "departments": ("Departments", ["Code", "Name"]),
    "regions": ("Regions", ["Code", "Name"]),
    "people": ("People", ["Username", "Name", "E-mail", "Mobile", "Department", "Region",
                          "Grade", "Line manager", "Status"]),
    "roles": ("Roles", ["Username", "Role", "Region"]),
}
ZH = {
    "departments": ("部门", ["编码", "名称"]),
    "regions": ("区域", ["编码", "名称"]),
    "people": ("人员", ["用户名", "姓名", "电子邮箱", "手机", "部门", "区域", "职级", "直属上级",
                        "状态"]),
    "roles": ("角色", ["用户名", "角色", "区域"]),
}


def small_company() -> dict[str, list[list]]:
    return {
        "departments": [["sales", "销售部"], ["finance", "财务部"]],
        "regions": [["east", "华东"], ["west", "西部"]],
        "people": [
            ["boss", "王总", "boss@acme.example", "13900000001", "sales", "", 9, "", "在职"],
            ["mgr_e", "张经理", "mgr_e@acme.example", "13900000002", "sales", "east", 6, "boss",
             ""],
            ["rep_e", "李销售", "rep_e@acme.example", "", "sales", "east", 3, "mgr_e", ""],
            ["cash", "钱会计", "cash@acme.example", "", "finance", "", 5, "boss", ""],
        ],
        "roles": [["boss", "sales_gm", ""], ["mgr_e", "regional_manager", "east"],
                  ["rep_e", "Salesperson", ""], ["cash", "财务", ""]],
    }


def book(sheets: dict[str, list[list]], *, headers=EN) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for key, rows in sheets.items():
        title, heads = headers[key]
        ws = wb.create_sheet(title)
        ws.append(heads)
        for row in rows:
            ws.append(row)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def current_org() -> dict[str, list[list]]:
    """The organisation in the database as workbook rows (active people only)."""
    people = User.objects.filter(is_active=True).select_related("department", "region",
                                                                  "manager")
    return {
        "departments": [[d.code, d.name] for d in Department.objects.all()],
        "regions": [[r.code, r.name] for r in Region.objects.all()],
        "people": [[u.username, u.display_name, u.email, u.mobile,
                    u.department.code if u.department else "",
                    u.region.code if u.region else "", u.grade,
                    u.manager.username if u.manager else "", ""] for u in people],
        "roles": [[a.user.username, a.role, a.region.code if a.region else ""]
                  for a in RoleAssignment.objects.filter(user__is_active=True)
                  .select_related("user", "region")],
    }
