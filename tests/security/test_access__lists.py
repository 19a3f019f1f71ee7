"""Lists return no foreign rows: another submitter lists contracts, claims, risks, plans and
requests and sees their own, none of east's; a salesperson and a regional manager read a
published plan and see only their own line or region's rows, in every page, API answer and
export."""

import io
import json

import openpyxl
import pytest

from core.org.models import User

from .world import marker

pytestmark = pytest.mark.django_db

API_LISTS = {
    "/api/expenses/claims/": "claim",
    "/api/contracts/contracts/": "contract",
    "/api/contracts/customers/": "customer",
    "/api/risks/risks/": "risk",
    "/api/plans/plans/": "plan",
    "/api/campaigns/": "campaign",
}
PAGES = ["/expenses/", "/expenses/?scope=all", "/contracts/", "/contracts/customers/",
         "/risks/", "/plans/", "/campaigns/", "/requests/", "/requests/?scope=all",
         "/inbox/?tab=archive",
         "/contracts/statistics/", "/risks/heatmap/"]


def _ids(response) -> set[int]:
    return {row["id"] for row in json.loads(response.content)["results"]}


def test_south_rep1_lists_none_of_east_when_listing_every_process_by_api(world, api):
    client = api("south_rep1")
    for url, kind in API_LISTS.items():
        response = client.get(url, {"page_size": 200})
        assert response.status_code == 200, url
        shown = _ids(response)
        east = world.pk(f"{kind}_e") if f"{kind}_e" in world.objects else None
        if east is not None:
            assert east not in shown, url
        if f"{kind}_s" in world.objects:
            assert world.pk(f"{kind}_s") in shown, url  # the list does show rows
    requests = json.loads(client.get("/api/requests/", {"page_size": 200}).content)["results"]
    assert {r["request_id"] for r in requests} == {
        world.requests[k].pk for k in ("claim_s", "contract_s", "risk_s", "form_s")}


def test_south_rep1_pages_show_none_of_east_when_opening_every_list(world, login):
    client = login("south_rep1")
    east = [marker(k) for k in ("claim_e", "contract_e", "customer_e", "risk_e")]
    shown_own = set()
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert [m for m in east if m in html] == [], url
        shown_own |= {k for k in ("claim_s", "contract_s", "customer_s", "risk_s")
                      if marker(k) in html}
    assert shown_own == {"claim_s", "contract_s", "customer_s", "risk_s"}


def test_north_mgr_lists_none_of_east_or_south_when_listing_claims_contracts_risks(world, api):
    client = api("north_mgr")
    for url in ("/api/expenses/claims/", "/api/contracts/contracts/", "/api/risks/risks/",
                "/api/requests/", "/api/tasks/?scope=queue"):
        response = client.get(url)
        assert response.status_code == 200
        assert json.loads(response.content)["count"] == (
            1 if url == "/api/requests/" else 0), url  # the plan north confirmed


# --- a published plan: each reader sees their own rows ----------------------------------------

OTHERS = {
    # who reads -> the salespeople (usernames and names) whose lines they must not see
    "east_rep1": ("east_rep2", "east_rep3", "south_rep1", "south_rep2", "north_rep1",
                  "north_rep2"),
    "north_mgr": ("east_rep1", "east_rep2", "east_rep3", "south_rep1", "south_rep2"),
}


def _plan_urls(pk: int) -> list[str]:
    return [f"/plans/{pk}/", f"/plans/{pk}/attainment/", f"/plans/{pk}/actuals/",
            f"/api/plans/plans/{pk}/", f"/api/plans/plans/{pk}/allocations/",
            f"/api/plans/plans/{pk}/attainment/", f"/api/plans/plans/{pk}/actuals/"]


def _xlsx_text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    return " ".join(str(c) for sheet in book for row in sheet.iter_rows(values_only=True)
                    for c in row if c is not None)


@pytest.mark.parametrize("persona", sorted(OTHERS))
def test_plan_shows_only_the_readers_rows_when_a_salesperson_or_manager_reads_it(
        world, login, persona):
    client = login(persona)
    pk = world.pk("plan_pub")
    names = {u.username: u.display_name for u in User.objects.all()}
    forbidden = [x for who in OTHERS[persona] for x in (who, names[who])]
    own = "east_rep1" if persona == "east_rep1" else "north_rep1"
    texts = {}
    for url in _plan_urls(pk):
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = response.content.decode()
    for url in (f"/plans/{pk}/export.xlsx", f"/api/plans/plans/{pk}/export.xlsx"):
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = _xlsx_text(response)
    leaks = {url: [x for x in forbidden if x in text] for url, text in texts.items()}
    assert {url: found for url, found in leaks.items() if found} == {}
    assert own in texts[f"/plans/{pk}/export.xlsx"]  # the reader's own rows are there
