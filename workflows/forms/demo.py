"""The shipped templates (policy §3(一) headcount, §3(二) training, §5(一) market research,
§4(三)3 meeting minutes), published by the demo's administrator and editable like any other,
with a few requests made through the real services (idempotent)."""

from django.db import transaction
from django.utils import timezone

from core import engine
from core.org.models import Region, User

from . import services
from .models import FormTemplate, TemplateCategory
from .steps import KIND


def _l(zh: str, en: str) -> dict:
    return {"zh": zh, "en": en}


HEADCOUNT = {
    "title_field": "position",
    "fields": [
        {"key": "position", "type": "text", "label": _l("岗位", "Position"), "required": True},
        {"key": "level", "type": "choice", "label": _l("岗位级别", "Level"), "required": True,
         "choices": [{"value": "staff", "label": _l("员工", "Staff")},
                     {"value": "manager", "label": _l("经理", "Manager")}]},
        {"key": "headcount", "type": "integer", "label": _l("人数", "Number of people"),
         "required": True, "min": 1, "max": 50},
        {"key": "requirements", "type": "textarea", "label": _l("任职要求", "Requirements"),
         "required": True},
        {"key": "start", "type": "date", "label": _l("期望到岗日期", "Wanted from")},
        {"key": "reason", "type": "textarea", "label": _l("增员理由", "Why more people"),
         "help": _l("超过3人时必填", "Required above 3 people"),
         "required_when": {"field": "headcount", "op": "gt", "value": 3}},
    ],
    "steps": [
        {"key": "gm", "type": "role", "role": "sales_gm", "mode": "any",
         "label": _l("销售总经理审批", "Sales GM")},
        {"key": "ceo", "type": "role", "role": "ceo", "mode": "any",
         "label": _l("总经理审批", "CEO"),
         "when": {"any": [{"field": "headcount", "op": "gt", "value": 3},
                          {"field": "level", "op": "eq", "value": "manager"}]}},
    ],
}

TRAINING = {
    "title_field": "content",
    "amount_field": "budget",
    "fields": [
        {"key": "content", "type": "text", "label": _l("培训内容", "Content"), "required": True},
        {"key": "dates", "type": "daterange", "label": _l("培训日期", "Dates"),
         "required": True},
        {"key": "trainer", "type": "person", "label": _l("培训讲师", "Trainer"),
         "required": True},
        {"key": "budget", "type": "money", "label": _l("培训预算（元）", "Budget (CNY)"),
         "required": True, "min": 0},
        {"key": "attendees", "type": "table", "label": _l("参训人员", "Attendees"),
         "columns": [{"key": "name", "type": "text", "label": _l("姓名", "Name"),
                      "required": True},
                     {"key": "cost", "type": "money", "label": _l("费用", "Cost")}]},
    ],
    "steps": [
        {"key": "bands", "type": "matrix", "label": _l("按金额审批", "By amount")},
    ],
    # held against the submitter's department personnel budget for the month the training
    # starts, on the last approval (expenses' budget holds)
    "budget": {"amount_field": "budget", "category": "personnel", "date_field": "dates"},
    "cc": [{"type": "role", "role": "finance"}],
}

RESEARCH = {
    "title_field": "topic",
    "fields": [
        {"key": "topic", "type": "text", "label": _l("调研主题", "Topic"), "required": True},
        {"key": "region", "type": "region", "label": _l("调研区域", "Region"), "required": True},
        {"key": "period", "type": "daterange", "label": _l("调研期间", "Period")},
        {"key": "customers", "type": "customer", "label": _l("走访客户", "Customers visited")},
        {"key": "findings", "type": "textarea", "label": _l("主要发现", "Findings"),
         "required": True},
        {"key": "files", "type": "attachment", "label": _l("附件名称", "Attached files")},
    ],
    "steps": [
        {"key": "marketing", "type": "role", "role": "marketing", "mode": "any",
         "label": _l("市场部审核", "Marketing review"), "sla_hours": 16},
        {"key": "gm", "type": "role", "role": "sales_gm", "mode": "any",
         "label": _l("销售总经理审阅", "Sales GM")},
    ],
}

MINUTES = {
    "title_field": "topic",
    "fields": [
        {"key": "topic", "type": "text", "label": _l("会议主题", "Meeting"), "required": True},
        {"key": "held_on", "type": "date", "label": _l("会议日期", "Held on"), "required": True},
        {"key": "kind", "type": "multichoice", "label": _l("会议类型", "Kind"),
         "choices": [{"value": "weekly", "label": _l("周例会", "Weekly")},
                     {"value": "monthly", "label": _l("月度例会", "Monthly")}]},
        {"key": "minutes", "type": "textarea", "label": _l("会议纪要", "Minutes"),
         "required": True},
        {"key": "actions", "type": "table", "label": _l("待办事项", "Action items"),
         "required": True,
         "columns": [{"key": "item", "type": "text", "label": _l("事项", "Item"),
                      "required": True},
                     {"key": "owner", "type": "person", "label": _l("负责人", "Owner"),
                      "required": True},
                     {"key": "due", "type": "date", "label": _l("完成日期", "Due"),
                      "required": True}]},
    ],
    "steps": [
        {"key": "manager", "type": "line_manager", "levels": 1, "mode": "any",
         "label": _l("直属上级签核", "Line manager")},
    ],
    # on approval each row becomes a task in its owner's inbox, due on its date
    "action_items": {"table": "actions", "owner": "owner", "due": "due", "description": "item"},
}

SHIPPED = [
    ("headcount", "招聘需求", "Headcount request", TemplateCategory.HR, "ZP", HEADCOUNT),
    ("training", "培训计划", "Training plan", TemplateCategory.HR, "PX", TRAINING),
    ("research", "市场调研报告", "Market research report", TemplateCategory.MARKETING, "DY",
     RESEARCH),
    ("minutes", "销售例会纪要", "Sales meeting minutes", TemplateCategory.SALES, "JY", MINUTES),
]


def install(admin: User) -> list[FormTemplate]:
    """The four shipped templates, published (those that exist are left as they are)."""
    made = []
    for code, zh, en, category, prefix, definition in SHIPPED:
        if FormTemplate.objects.filter(code=code).exists():
            continue
        template = services.template_create(actor=admin, code=code, name_zh=zh, name_en=en,
                                            number_prefix=prefix, category=category,
                                            definition=definition)
        services.template_publish(actor=admin, template_id=template.pk,
                                  note="首次发布 / first version")
        made.append(template)
    return made


@transaction.atomic
def seed() -> None:
    u = {x.username: x for x in User.objects.filter(username__in=[
        "admin", "east_rep1", "east_mgr", "south_rep1", "marketing", "gm", "north_rep1"])}
    if len(u) < 7 or FormTemplate.objects.exists():
        return
    install(u["admin"])
    t = {x.code: x for x in FormTemplate.objects.all()}
    services.submission_submit(actor=u["east_mgr"], template_id=t["headcount"].pk, values={
        "position": "华东区销售代表", "level": "staff", "headcount": 2,
        "requirements": "三年以上医疗器械销售经验"})
    services.submission_submit(actor=u["east_mgr"], template_id=t["headcount"].pk, values={
        "position": "华南区销售经理", "level": "manager", "headcount": 1,
        "requirements": "五年以上团队管理经验"})
    east = Region.objects.filter(code="east").first()
    research = services.submission_submit(actor=u["east_rep1"], template_id=t["research"].pk,
                                          values={"topic": "华东区竞品价格调研",
                                                  "region": east.pk if east else None,
                                                  "findings": "主要竞品降价约8%"})
    req = engine.request_for(KIND, research.pk)
    item = engine.open_items(req).first()
    if item is not None:
        engine.task_approve(task_id=item.pk, actor=u["marketing"], comment="数据充分")
    # in this month, whose personnel budget the expenses demo put in force
    today = timezone.localdate()
    start = max(today, today.replace(day=27)).isoformat()
    services.submission_submit(actor=u["east_rep1"], template_id=t["training"].pk, values={
        "content": "医疗器械新品培训", "dates": {"from": start, "to": start},
        "trainer": u["marketing"].pk, "budget": "6800.00",
        "attendees": [{"name": "赵磊", "cost": "3400.00"}, {"name": "孙丽", "cost": "3400.00"}]})
    minutes = services.submission_submit(
        actor=u["south_rep1"], template_id=t["minutes"].pk, values={
        "topic": "华南区十二月第一周例会", "held_on": "2026-12-07", "kind": ["weekly"],
        "minutes": "回顾上周拜访，布置年末回款。",
        "actions": [{"item": "整理年末回款清单", "owner": u["south_rep1"].pk,
                     "due": "2026-12-11"}]})
    # approved by the line manager: the action item is a task in its owner's inbox
    south_mgr = User.objects.filter(username="south_mgr").first()
    item = engine.open_items(engine.request_for(KIND, minutes.pk)).first()
    if item is not None and south_mgr is not None:
        engine.task_approve(task_id=item.pk, actor=south_mgr, comment="同意")
