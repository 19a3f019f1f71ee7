"""Issue 18: a regional manager confirms their region's allocation from the task page, which
shows the plan's figures by quarter for the regions they may see, theirs marked."""

import pytest

from .conftest import open_items

pytestmark = pytest.mark.django_db


def test_confirmation_task_shows_the_region_figures_when_its_manager_opens_it(
        client, personas, submitted):
    plan = submitted("12000000.00")
    east = next(i for i in open_items(plan) if i.assignee == personas["east_mgr"])
    client.force_login(personas["east_mgr"])

    response = client.get(f"/inbox/tasks/{east.pk}/", headers={"accept-language": "en"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="plan-regions"' in html
    assert "yours to confirm" in html
    # a regional manager reads their own region's figures only, not the company's
    block = html.split('data-testid="plan-regions"', 1)[1].split("</table>", 1)[0]
    assert block.count("<tr") == 2  # the header and east
    assert "Company target" not in html
