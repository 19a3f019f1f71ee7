"""One validation path for pages and API: every field type, conditions, tables."""

import pytest

from workflows.forms import rules


def f(key, type_, **kw):
    return {"key": key, "type": type_, "label": {"en": key}, **kw}


DEF = {"fields": [
    f("t", "text", required=True), f("l", "textarea"), f("n", "integer", min=1, max=10),
    f("m", "money", min=0), f("d", "date"), f("r", "daterange"),
    f("c", "choice", choices=[{"value": "a"}, {"value": "b"}]),
    f("mc", "multichoice", choices=[{"value": "x"}, {"value": "y"}]),
    f("p", "person"), f("dep", "department"), f("reg", "region"), f("cu", "customer"),
    f("at", "attachment"),
    f("tb", "table", columns=[{"key": "item", "type": "text", "required": True},
                              {"key": "cost", "type": "money"}]),
    f("why", "textarea", required_when={"field": "m", "op": "gt", "value": 10000}),
    f("only_b", "text", visible_when={"field": "c", "op": "eq", "value": "b"}, required=True),
]}
KNOWN = {"person": {7}, "department": {3}, "region": {5}}


def test_fields_of_every_type_are_cleaned():
    values, errors = rules.validate(DEF, {
        "t": " hi ", "l": "long", "n": "3", "m": "1,234.5", "d": "2026-12-07",
        "r": {"from": "2026-12-01", "to": "2026-12-02"}, "c": "a", "mc": ["y", "x"],
        "p": "7", "dep": 3, "reg": "5", "cu": "客户甲", "at": ["a.pdf"],
        "tb": [{"item": "one", "cost": "2"}, {"item": "", "cost": ""}]}, known=KNOWN)
    assert errors == {}
    assert values["t"] == "hi" and values["n"] == 3 and values["m"] == "1234.50"
    assert values["mc"] == ["x", "y"] and values["p"] == 7 and values["reg"] == 5
    assert values["tb"] == [{"item": "one", "cost": "2.00"}]  # the blank row is dropped
    assert "only_b" not in values  # hidden: keeps no value
    assert rules.table_totals(DEF["fields"][13], values["tb"]) == {"cost": "2.00"}


@pytest.mark.parametrize("key,value", [
    ("n", "3.5"), ("n", "11"), ("n", "0"), ("n", True), ("m", "-1"), ("m", "1.234"),
    ("m", "abc"), ("m", "NaN"), ("d", "2026-13-01"), ("r", {"from": "2026-12-02",
                                                             "to": "2026-12-01"}),
    ("r", "2026-12-01"), ("c", "z"), ("mc", ["z"]), ("p", "8"), ("p", "x"), ("dep", "4"),
    ("reg", 6), ("t", "x" * 201), ("l", "x" * 5001),
])
def test_a_bad_value_is_an_error_by_its_field(key, value):
    _values, errors = rules.validate(DEF, {"t": "ok", key: value}, known=KNOWN)
    assert key in errors


def test_required_and_conditions():
    _v, errors = rules.validate(DEF, {}, known=KNOWN)
    assert set(errors) == {"t"}
    _v, errors = rules.validate(DEF, {"t": "x", "m": "20000", "c": "b"}, known=KNOWN)
    assert set(errors) == {"why", "only_b"}
    _v, errors = rules.validate(DEF, {"t": "x", "tb": [{"cost": "5"}]}, known=KNOWN)
    assert set(errors) == {"tb.0.item"}


def test_definition_checks():
    assert rules.check_fields([]) != []
    assert rules.check_fields([f("a", "nope")]) != []
    assert rules.check_fields([f("a", "text"), f("a", "text")]) != []
    assert rules.check_fields([f("a", "text", visible_when={"field": "zz", "op": "eq"})]) != []
    assert rules.check_fields([f("a", "choice")]) != []
    assert rules.check_fields(DEF["fields"]) == []


def test_json_schema_names_every_field():
    schema = rules.json_schema(DEF)
    assert set(schema["properties"]) == {x["key"] for x in DEF["fields"]}
    assert schema["required"] == ["t"]
    assert schema["properties"]["tb"]["items"]["required"] == ["item"]
