import csv
import io

from core.audit import services as audit

from .conftest import open_task, task_url

URL = "/api/audit/events/export.csv"
COLUMNS = ["seq", "occurred_at", "subject_kind", "subject_id", "number", "event", "actor",
           "acting_for", "from_state", "to_state", "amount", "comment", "request_id", "ip",
           "hash"]


def _read(response) -> tuple[str, list[dict]]:
    raw = b"".join(response.streaming_content).decode("utf-8")
    return raw, list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"))))


def test_export_streams_every_matching_row_as_utf8_csv_when_auditor_asks(api, submit):
    req = submit("east_rep1")
    api("east_mgr").post(task_url(open_task(req).pk, "reject"), {"reason": "=cmd|' /C calc'!A0"},
                         format="json")

    response = api("auditor").get(URL)

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-events-')
    raw, rows = _read(response)
    assert raw.startswith("\ufeff")
    assert raw.splitlines()[0].removeprefix("\ufeff").split(",") == COLUMNS
    assert [r["event"] for r in rows] == ["demo.rejected", "demo.submitted"]
    rejected = rows[0]
    assert rejected["comment"] == "'=cmd|' /C calc'!A0"
    assert rejected["actor"] == "east_mgr"
    assert rejected["number"] == req.number
    assert rejected["amount"] == "800.00"
    assert rejected["occurred_at"].endswith("+08:00")
    assert len(rejected["hash"]) == 64


def test_export_neutralises_formula_prefixes_when_any_text_cell_starts_with_one(api, personas):
    for text in ("+1+1", "-2+3", "@SUM(A1)", "plain -text"):
        audit.record(actor=personas["east_rep1"], subject_kind="demo", subject_id=1,
                     event="demo.commented", comment=text)

    _raw, rows = _read(api("auditor").get(URL))

    assert [r["comment"] for r in rows] == ["plain -text", "'@SUM(A1)", "'-2+3", "'+1+1"]


def test_export_applies_the_list_filters_when_given(api, submit):
    first = submit("east_rep1")
    submit("east_rep2")
    api("east_mgr").post(task_url(open_task(first).pk, "approve"), {}, format="json")

    _raw, rows = _read(api("auditor").get(f"{URL}?subject_id={first.object_id}&actor=east_mgr"))
    bad = api("auditor").get(f"{URL}?since=nonsense")

    assert [(r["subject_id"], r["event"]) for r in rows] == [(str(first.object_id),
                                                              "demo.approved")]
    assert bad.status_code == 400
    assert "since" in bad.json()["fields"]


def test_export_keeps_chinese_text_readable_when_decoded_as_utf8(api, submit):
    submit("east_rep1", title="客户拜访交通费")
    audit.record(actor=None, subject_kind="demo", subject_id=1, event="demo.commented",
                 comment="华东区")

    raw, rows = _read(api("auditor").get(URL, HTTP_ACCEPT="text/csv"))

    assert rows[0]["comment"] == "华东区"
    assert rows[0]["actor"] == "system"


def test_export_downloads_when_the_client_asks_for_html_or_csv(api, submit):
    submit("east_rep1")

    for accept in ("text/html", "text/csv", "application/json"):
        response = api("auditor").get(URL, HTTP_ACCEPT=accept)
        assert response.status_code == 200, accept
        assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_refusal_is_csv_when_the_client_accepts_only_csv(api, submit):
    response = api("east_rep1").get(URL, HTTP_ACCEPT="text/csv")

    assert response.status_code == 403
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode().splitlines()[1].endswith(",permission_denied")
