"""Issue 18: the approver of a risk's response plan decides from the task page, which shows the
risk's level and its measures."""

import pytest

from .conftest import MEDIUM, open_item

pytestmark = pytest.mark.django_db


def test_plan_review_task_shows_the_level_and_the_measures(client, personas, with_plan):
    risk = with_plan(MEDIUM)
    client.force_login(personas["east_mgr"])

    response = client.get(f"/inbox/tasks/{open_item(risk).pk}/",
                          headers={"accept-language": "en"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="risk-measures"' in html
    assert "加强市场调研" in html
    assert "likelihood 3 × impact 3 = 9" in html
    assert 'class="lvl lvl-medium"' in html
