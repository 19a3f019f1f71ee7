"""The campaign pages and API: drafting keeps what was typed on a refusal (400, never a 500),
the campaign page shows planned / reserved / in claims / spent per line, the calendar shows a
running campaign, and a campaign is 404 to whoever may not see it."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from workflows.campaigns.models import Campaign, CampaignState

from .conftest import YEAR

pytestmark = pytest.mark.django_db


def login(client, personas, who):
    client.force_login(personas[who])
    return client


def test_draft_from_the_page_and_submit(client, personas, make_budget, policies):
    make_budget()
    login(client, personas, "marketing2")
    data = {"theme": "华东新品发布会", "type": "launch", "start": f"{YEAR}-05-10",
            "end": f"{YEAR}-05-12", "place": "上海", "expected_leads": "50",
            "expected_attendees": "100", "expected_value": "300000.00",
            "lines-TOTAL_FORMS": "2", "lines-INITIAL_FORMS": "0",
            "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "30",
            "lines-0-category": "marketing", "lines-0-month": f"{YEAR}-05",
            "lines-0-description": "场地", "lines-0-amount": "30000.00",
            "lines-1-category": "marketing", "lines-1-month": f"{YEAR}-07",
            "lines-1-description": "物料", "lines-1-amount": "5000.00", "submit": "1"}
    refused = client.post(reverse("campaigns:new"), data)
    assert refused.status_code == 400  # July is outside the campaign's dates
    assert "华东新品发布会" in refused.content.decode()  # what was typed is kept
    assert not Campaign.objects.exists()
    data["lines-1-month"] = f"{YEAR}-05"
    done = client.post(reverse("campaigns:new"), data)
    campaign = Campaign.objects.get()
    assert done.status_code == 302 and campaign.state == CampaignState.SUBMITTED
    assert campaign.total == Decimal("35000.00")
    page = client.get(reverse("campaigns:detail", args=[campaign.pk]))
    assert page.status_code == 200 and "campaign-budget" in page.content.decode()


def test_pages_list_calendar_detail_and_404(client, personas, make_budget, policies, approved):
    make_budget()
    campaign = approved("marketing2", ("marketing", "20000.00"))
    login(client, personas, "gm")
    assert client.get(reverse("campaigns:list")).status_code == 200
    cal = client.get(reverse("campaigns:list"), {"view": "calendar", "month": f"{YEAR}-05"})
    assert cal.status_code == 200 and campaign.theme in cal.content.decode()
    page = client.get(reverse("campaigns:detail", args=[campaign.pk]))
    assert "20,000.00" in page.content.decode() or "20000.00" in page.content.decode()
    login(client, personas, "north_rep1")  # no region of the campaign, no part in it
    assert client.get(reverse("campaigns:detail", args=[campaign.pk])).status_code == 404
    assert client.get(f"/api/campaigns/{campaign.pk}/").status_code == 404
    assert client.get(reverse("campaigns:new")).status_code == 404  # not a drafter


def test_no_state_change_on_get_and_csrf_on_post(personas, make_budget, policies, draft):
    from django.test import Client

    make_budget()
    campaign = draft("marketing2")
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["marketing2"])
    assert client.get(reverse("campaigns:submit", args=[campaign.pk])).status_code == 405
    assert client.post(reverse("campaigns:submit", args=[campaign.pk])).status_code == 403
    assert Campaign.objects.get(pk=campaign.pk).state == CampaignState.DRAFT


def test_api_draft_submit_and_read_the_budget(client, personas, make_budget, policies):
    make_budget()
    login(client, personas, "marketing2")
    bad = client.post("/api/campaigns/", {"theme": "x", "type": "launch",
                                          "start": f"{YEAR}-05-10", "end": f"{YEAR}-05-01",
                                          "place": "上海", "lines": []},
                      content_type="application/json")
    assert bad.status_code == 400 and "fields" in bad.json()
    made = client.post("/api/campaigns/", {
        "theme": "线上直播", "type": "online", "start": f"{YEAR}-05-10", "end": f"{YEAR}-05-20",
        "place": "线上", "lines": [{"category": "marketing", "month": f"{YEAR}-05",
                                  "description": "投放", "amount": "8000.00"}]},
        content_type="application/json")
    assert made.status_code == 201, made.json()
    pk = made.json()["id"]
    sent = client.post(f"/api/campaigns/{pk}/submit/")
    assert sent.status_code == 200 and sent.json()["state"] == "submitted"
    body = client.get(f"/api/campaigns/{pk}/").json()
    assert body["budget"][0]["planned"] == "8000.00" and body["budget"][0]["reserved"] == "0.00"
    assert body["budget"][0]["month"] == f"{YEAR}-05"
    assert date.fromisoformat(body["start"]) == date(YEAR, 5, 10)
