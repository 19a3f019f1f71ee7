"""Random templates and random submissions: validation never crashes, the route never names
the submitter, and the chain a request gets is the one the preview showed."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import engine
from core.exceptions import ApprovalError
from workflows.forms import routing, rules, services
from workflows.forms.models import FormTemplate

pytestmark = pytest.mark.django_db

USERS = ["east_rep1", "east_mgr", "gm", "ceo", "marketing", "finance", "south_rep1"]
field_types = st.sampled_from(["text", "integer", "money", "choice", "person", "date"])


@st.composite
def templates(draw):
    n = draw(st.integers(1, 4))
    fields = []
    for i in range(n):
        t = draw(field_types)
        fld = {"key": f"f{i}", "type": t, "label": {"en": f"F{i}"},
               "required": draw(st.booleans())}
        if t == "choice":
            fld["choices"] = [{"value": "a"}, {"value": "b"}]
        if i and draw(st.booleans()):
            fld["visible_when"] = {"field": "f0", "op": draw(st.sampled_from(["filled", "eq"])),
                                   "value": "a"}
        fields.append(fld)
    steps = []
    for j in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["line_manager", "role", "people"]))
        step = {"key": f"s{j}", "type": kind, "label": {"en": f"S{j}"},
                "mode": draw(st.sampled_from(["all", "any"])),
                "levels": draw(st.integers(1, 3))}
        if kind == "role":
            step["role"] = draw(st.sampled_from(["sales_gm", "ceo", "finance",
                                                 "regional_manager"]))
        if kind == "people":
            step["people"] = draw(st.lists(st.sampled_from(USERS), min_size=1, max_size=3))
        if draw(st.booleans()):
            step["when"] = {"field": "f0", "op": draw(st.sampled_from(["filled", "eq", "gt"])),
                            "value": draw(st.sampled_from(["a", "5"]))}
        steps.append(step)
    return {"fields": fields, "steps": steps}


raw_values = st.dictionaries(st.sampled_from(["f0", "f1", "f2", "f3", "zz"]),
                             st.one_of(st.none(), st.text(max_size=8), st.integers(-5, 20),
                                       st.sampled_from(["a", "b", "2026-12-07", "12.5"]),
                                       st.lists(st.text(max_size=3), max_size=2)))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(definition=templates(), raw=raw_values, who=st.sampled_from(USERS))
def test_random_templates_route_as_previewed_and_never_to_the_submitter(
        personas, definition, raw, who):
    for step in definition["steps"]:
        if step["type"] == "people":
            step["people"] = [personas[u].pk for u in step["people"]]
    known = services.known_ids(definition)
    values, errors = rules.validate(definition, raw, known=known)  # never raises
    assert isinstance(errors, dict)
    submitter = personas[who]
    preview = routing.chain(definition, values, submitter, category="prop")
    assert all(submitter.pk not in s["candidates"] and s["candidates"] for s in preview)
    if errors or routing.check_steps(definition, category="prop"):
        return
    template, _new = FormTemplate.objects.get_or_create(
        code="prop", defaults={"name_zh": "随机", "name_en": "Random", "number_prefix": "RN"})
    services.template_save_draft(actor=personas["admin"], template_id=template.pk,
                                 definition=definition)
    services.template_publish(actor=personas["admin"], template_id=template.pk)
    try:
        obj = services.submission_submit(actor=submitter, template_id=template.pk, values=raw)
    except ApprovalError:
        pytest.fail("valid values were refused")
    req = engine.request_for("form", obj.pk)
    assert [(s["code"], s["candidates"]) for s in req.chain] == [
        (s["code"], s["candidates"]) for s in preview]
