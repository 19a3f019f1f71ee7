"""Making a report: its files stored under generated names, each file's SHA-256 in the audit
event, the sales GM and the CEO notified with a link to it, exactly once per scheduled month
(also when two beat processes ask at the same moment, on PostgreSQL)."""

import hashlib
import threading
from datetime import date

import pytest
from django.db import connection
from django.utils import translation

from core.audit.models import AuditEvent
from core.channels.models import Preference
from core.exceptions import PermissionDeniedError
from core.inbox.models import OutboxMessage
from workflows.reports import services
from workflows.reports.models import ReportFile, SalesReport, Trigger
from workflows.reports.period import Span
from workflows.reports.tasks import monthly_sales_report

MONTH = Span.month(2026, 11)


@pytest.mark.django_db
def test_files_hashes_equal_the_audit_event_when_a_report_is_made(personas):
    report, created = services.report_generate(span=MONTH, trigger=Trigger.SCHEDULED)

    assert created and report.key == "scheduled:2026-11" and report.number == "SR-2026-11"
    files = list(report.files.all())
    assert {(f.language, f.format) for f in files} == {
        ("zh-hans", "pdf"), ("zh-hans", "xlsx"), ("en", "pdf"), ("en", "xlsx")}
    event = AuditEvent.objects.get(event="report.generated", subject_id=str(report.pk))
    recorded = {(x["language"], x["format"]): x["sha256"] for x in event.data["files"]}
    for f in files:
        data = f.file.read()
        assert data.startswith(b"%PDF") if f.format == "pdf" else data.startswith(b"PK")
        assert hashlib.sha256(data).hexdigest() == f.sha256 == recorded[(f.language, f.format)]
        # stored under a generated name, never one made from the period or a user's input
        assert f.file.name == f"reports/{report.pk}/{f.token}.{f.format}"


@pytest.mark.django_db
def test_gm_and_ceo_are_notified_with_a_link_when_a_report_is_made(personas):
    report, _ = services.report_generate(span=MONTH, trigger=Trigger.SCHEDULED)

    jobs = OutboxMessage.objects.filter(task="core.inbox.tasks.deliver_notification",
                                        kwargs__kind="report")
    assert {j.kwargs["recipient_id"] for j in jobs} == {personas["gm"].pk, personas["ceo"].pk}
    assert all(j.kwargs["target"] == ["reports:detail", {"pk": report.pk}] for j in jobs)


@pytest.mark.django_db
def test_second_run_makes_nothing_when_the_month_was_made(personas):
    first = monthly_sales_report(today="2026-12-01")
    second = monthly_sales_report(today="2026-12-01")

    assert first == second
    assert SalesReport.objects.count() == 1 and ReportFile.objects.count() == 4
    assert AuditEvent.objects.filter(event="report.generated").count() == 1
    assert SalesReport.objects.get().period_start == date(2026, 11, 1)


@pytest.mark.django_db
def test_refused_when_a_salesperson_or_auditor_asks_for_a_report(personas):
    for who in ("east_rep1", "auditor", "finance"):
        with pytest.raises(PermissionDeniedError):
            services.report_request(span=MONTH, actor=personas[who])
    assert SalesReport.objects.count() == 0


@pytest.mark.django_db
def test_each_on_demand_request_is_its_own_report(personas):
    a = services.report_request(span=Span.months_of(date(2026, 9, 1), date(2026, 11, 1)),
                                actor=personas["gm"])
    b = services.report_request(span=MONTH, actor=personas["ceo"])

    assert a.pk != b.pk and a.trigger == Trigger.ON_DEMAND and a.requested_by == personas["gm"]
    assert (a.period_start, a.period_end) == (date(2026, 9, 1), date(2026, 11, 30))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_report_when_two_beats_run_at_once(personas):
    """Two beat processes fire the month's task at the same moment: one report, one event."""
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            results.append(services.report_generate(span=MONTH, trigger=Trigger.SCHEDULED))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert errors == []
    assert sorted(created for _r, created in results) == [False, True]
    assert len({r.pk for r, _c in results}) == 1
    assert SalesReport.objects.count() == 1 and ReportFile.objects.count() == 4
    assert AuditEvent.objects.filter(event="report.generated").count() == 1


@pytest.mark.django_db
def test_ceo_gets_an_email_in_chinese_with_the_link_when_the_job_is_delivered(
        personas, mailoutbox, settings):
    from core.inbox.tasks import deliver_notification

    settings.SITE_URL = "https://countersign.example"
    report, _ = services.report_generate(span=MONTH, trigger=Trigger.SCHEDULED)
    job = OutboxMessage.objects.get(task="core.inbox.tasks.deliver_notification",
                                    kwargs__recipient_id=personas["ceo"].pk)
    personas["ceo"].email = "ceo@example.com"
    personas["ceo"].email_notifications = True
    personas["ceo"].save()
    Preference.objects.update_or_create(user=personas["ceo"],
                                        defaults={"language": "zh-hans"})

    with translation.override("en"):  # the worker's language is not the reader's
        deliver_notification(**job.kwargs)

    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert "2026-11 的销售分析报告已生成。" in mailoutbox[0].subject + body
    assert f"https://countersign.example/reports/{report.pk}/" in body
