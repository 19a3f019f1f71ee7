"""Writes by people who may read but not act: the auditor reads everything and changes nothing,
whatever they post to whichever URL, with bodies that pass the forms' and serializers' checks
so the refusal is the services'; a bulk approval of tasks someone may not see approves none and
says only "not found"."""

import json
import logging
from datetime import timedelta

import pytest
from django.test import Client

from core.audit.models import AuditEvent
from core.inbox.models import WorkItem, WorkItemStatus
from core.org.models import User

from .routes import family, skipped_reason, targets, walk
from .snapshot import snapshot
from .world import CODES, NEXT, TODAY, claim_day

pytestmark = pytest.mark.django_db

PREFIXES = ("approve", "reject", "return", "reassign", "comment", "close", "review", "assess",
            "measure", "milestone", "problem", "resolve", "limit", "decide")


def plausible_body(world) -> dict:
    """Values for every field a write form or serializer asks for."""
    day = claim_day().isoformat()
    due = (TODAY() + timedelta(days=20)).isoformat()
    fields = {
        "comment": "同意", "reason": "理由", "title": "标题", "purpose": "回访",
        "value": "1000.00", "amount": "100.00", "new_limit": "100.00", "approve": True,
        "decision": "approve", "likelihood": 3, "impact": 3, "description": "描述",
        "due_date": due, "kind": "delivery", "resolution": "已解决", "done_date": day,
        "measures_effective": True, "assignee": "east_mgr", "salesperson": "east_rep1",
        "month": 1, "name": "新客户", "credit_code": CODES["spare"], "region": "east",
        "category": "travel", "expense_date": day, "fiscal_year": NEXT + 2,
        "department": "sales", "type": "market", "customer": world.pk("customer_e"),
        "target": "1000000.00", "strategy": "策略", "payment_terms_days": 30, "to_step": 0,
        "owner": "", "rating": "B", "spread": "even", "email_notifications": "on",
        "ids": list(WorkItem.objects.values_list("pk", flat=True)),
        "total": "1200.00", "quarters": ["300.00"] * 4, "months": ["100.00"] * 12,
        "lines": [{"date": day, "item_type": "transport", "description": "打车",
                   "amount": "100.00"}],
    }
    for prefix in PREFIXES:
        for key in ("comment", "reason", "assignee", "kind", "amount", "due_date",
                    "description", "resolution", "done_date", "likelihood", "impact",
                    "measures_effective", "new_limit", "decision"):
            fields[f"{prefix}-{key}"] = fields[key]
    return fields


def _form(body: dict) -> dict:
    return {k: (v if not isinstance(v, list | dict) or k == "ids" else json.dumps(v))
            for k, v in body.items()}


def test_the_auditor_changes_nothing_when_posting_to_every_url(world, caplog, figure):
    caplog.set_level(logging.ERROR, logger="django.request")
    client = Client()
    client.force_login(User.objects.get(username="auditor"))
    body = plausible_body(world)
    before, events, calls = snapshot(), AuditEvent.objects.count(), 0
    statuses = {}
    for route in walk():
        if skipped_reason(route):
            continue
        fam = family(route)
        for target in (targets(world, fam, route) if fam else [None]):
            url = route.url(target.values if target else {})
            if route.is_api:
                for verb in ("post", "put", "patch", "delete"):
                    response = getattr(client, verb)(url, body,
                                                     content_type="application/json")
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                    calls += 1
            else:
                response = client.post(url, _form(body))
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                calls += 1
    figure("auditor writes", calls, f"calls {dict(sorted(statuses.items()))}")
    assert calls > 500
    after = snapshot()
    moved = {k: {f: (v, after.get(k, {}).get(f)) for f, v in row.items()
                 if after.get(k, {}).get(f) != v}
             for k, row in before.items() if after.get(k) != row}
    assert {k: v for k, v in moved.items() if set(v) != {"last_login"}} == {}
    assert sorted(set(after) - set(before)) == []
    assert AuditEvent.objects.count() == events
    assert statuses.get(403, 0) > 20  # the services said no (not only the forms)


def test_bulk_approval_of_foreign_tasks_approves_none_when_they_are_not_visible(world, api,
                                                                               login):
    foreign = [t.pk for key in ("claim_e", "contract_e", "risk_e") for t in world.tasks[key]
               if t.status == WorkItemStatus.OPEN]
    assert foreign
    response = api("south_rep1").post("/api/tasks/bulk-approve/", {"ids": foreign},
                                      format="json")
    assert response.status_code in (200, 207, 400)
    text = response.content.decode()
    assert "SMCLAIMEX" not in text and "SMRISKEX" not in text
    page = login("south_mgr").post("/inbox/bulk-approve/", {"ids": foreign}, follow=True)
    messages = [str(m) for m in page.context["messages"]]
    # not visible: reported as no longer in the approver's lists, never named
    assert messages and all("no longer in your lists" in m for m in messages), messages
    assert not any("SMCLAIMEX" in m or "SMRISKEX" in m for m in messages), messages
    assert set(WorkItem.objects.filter(pk__in=foreign).values_list("status", flat=True)) == {
        WorkItemStatus.OPEN}
