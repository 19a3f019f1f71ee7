import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV_HEADER = [
    "seq",
    "occurred_at",
    "subject_kind",
    "subject_id",
    "number",
    "event",
    "actor",
    "acting_for",
    "from_state",
    "to_state",
    "amount",
    "comment",
    "request_id",
    "ip",
    "hash",
]


@pytest.fixture
def history(personas, submit_demo, open_task):
    """Three demo submissions, then one approval and one rejection: five events."""
    from core.inbox import services

    travel = submit_demo("east_rep1", "客户拜访交通费", "860.00")
    parcel = submit_demo("east_rep2", "样品快递费", "120.00")
    booth = submit_demo("south_rep1", "展会物料采购", "3200.00")
    services.task_approve(task_id=open_task(travel).pk, actor=personas["east_mgr"], comment="同意")
    services.task_reject(
        task_id=open_task(booth).pk, actor=personas["south_mgr"], reason="预算已用完"
    )
    return [travel, parcel, booth]


def search(page, *, kind, event):
    page.locator("#id_subject_kind").select_option(kind)
    page.locator("#id_event").select_option(event)
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(rf"/audit/\?.*event={re.escape(event)}"))


def test_auditor_exports_only_matching_events_when_filtering(page, login, history):
    login("auditor", next_url="/audit/")
    page.wait_for_url("**/audit/")
    expect(page.locator("table.list tbody tr")).to_have_count(5)

    search(page, kind="demo", event="demo.submitted")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(3)
    # events read as sentences (issue 18), the code on hover
    expect(rows.locator("td[data-label='Event']")).to_have_text(
        [re.compile(r"submitted the request$")] * 3)
    expect(rows.locator("td[data-label='Request']")).to_have_text(
        [r.number for r in reversed(history)]
    )

    page.get_by_role("button", name="Verify now").click()
    page.wait_for_url(re.compile(r"/audit/\?.*event=demo.submitted"))
    expect(page.locator(".msg-success")).to_have_text("Audit trail intact: 5 events verified.")
    expect(page.locator("section.card").first).to_contain_text("Chain verified intact")

    # Verifying keeps the filter, so the export is of the filtered events.
    export = page.get_by_role("button", name="Export CSV")
    with page.expect_download() as info:
        export.click()
    download = info.value
    assert re.fullmatch(r"audit-events-\d{8}-\d{6}\.csv", download.suggested_filename)
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeff"), "the BOM lets Excel read the file as UTF-8"
    table = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert table[0] == CSV_HEADER
    lines = [dict(zip(table[0], line, strict=True)) for line in table[1:]]
    assert [(r["subject_kind"], r["event"], r["number"], r["amount"]) for r in lines] == [
        ("demo", "demo.submitted", req.number, f"{req.amount:.2f}") for req in reversed(history)
    ]
    assert page.problems == []


def test_filter_is_kept_when_auditor_verifies(page, login, history):
    login("auditor", next_url="/audit/")
    search(page, kind="demo", event="demo.submitted")
    page.get_by_role("button", name="Verify now").click()
    expect(page.locator(".msg-success")).to_be_visible()
    expect(page.locator("#id_event")).to_have_value("demo.submitted", timeout=1_000)
