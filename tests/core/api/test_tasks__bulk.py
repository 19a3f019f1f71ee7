from core.inbox.models import WorkItem

from .conftest import open_task, task_url

URL = "/api/tasks/bulk-approve/"


def test_each_id_reports_its_own_outcome_when_results_are_mixed(api, submit):
    mine = open_task(submit("east_rep1"))
    decided = open_task(submit("east_rep2"))
    api("east_mgr").post(task_url(decided.pk, "approve"), {}, format="json")
    own = open_task(submit("east_mgr"))  # visible to east_mgr (submitter), decided by gm
    strangers = open_task(submit("south_rep1"))  # not visible to east_mgr

    response = api("east_mgr").post(
        URL, {"ids": [mine.pk, decided.pk, own.pk, strangers.pk, 999999, mine.pk],
              "comment": "批量同意"},
        format="json",
    )

    assert response.status_code == 200
    results = {r["id"]: r for r in response.json()["results"]}
    assert len(response.json()["results"]) == 5  # duplicates reported once
    assert results[mine.pk] == {"id": mine.pk, "ok": True}
    assert results[decided.pk]["ok"] is False
    assert results[decided.pk]["code"] == "state_conflict"
    assert results[own.pk]["code"] == "segregation_of_duties"
    assert results[strangers.pk]["code"] == "not_found"
    assert results[999999]["code"] == "not_found"
    assert all(r["detail"] for r in results.values() if not r["ok"])
    assert WorkItem.objects.get(pk=mine.pk).decision == "approved"
    assert WorkItem.objects.get(pk=mine.pk).comment == "批量同意"
    assert WorkItem.objects.get(pk=strangers.pk).status == "open"


def test_400_with_fields_ids_when_ids_are_missing_or_bad(api, personas):
    client = api("east_mgr")

    for body in ({}, {"ids": []}, {"ids": ["x"]}, {"ids": [0]}, {"ids": list(range(1, 202))}):
        response = client.post(URL, body, format="json")
        assert response.status_code == 400, body
        # nested errors may be flattened to "ids.0"
        assert any(key.split(".")[0] == "ids" for key in response.json()["fields"])
