"""抄送 on submit through the API: `cc` on the submit action, refused naming the person."""

import pytest

from core.inbox.models import CarbonCopy, Request
from core.org.models import User

from ..conftest import make_customer
from .conftest import CONTRACTS, contract_body, contract_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(api, personas):
    rep = api("east_rep1")
    customer = make_customer(personas["east_rep1"])
    created = rep.post(CONTRACTS, contract_body(customer.pk), format="json")
    assert created.status_code == 201, created.content
    return rep, created.json()["id"]


def test_submit_copies_the_people_named_in_cc(api, draft, personas):
    rep, contract_id = draft
    response = rep.post(contract_url(contract_id, "submit"),
                        {"cc": ["legal", personas["marketing"].pk]}, format="json")
    assert response.status_code == 200, response.content
    req = Request.objects.get(kind="contract", object_id=contract_id)
    assert set(CarbonCopy.objects.filter(request=req).values_list("person__username",
                                                                  flat=True)) == {
        "legal", "marketing"}
    detail = rep.get(f"/api/requests/contract/{contract_id}/").json()
    assert {p["username"] for p in detail["copied_to"]} == {"legal", "marketing"}
    # the copied person reads it through the API, and cannot decide it
    marketing = api("marketing")
    assert marketing.get(f"/api/requests/contract/{contract_id}/").status_code == 200


@pytest.mark.parametrize("case", ["inactive", "self", "unknown"])
def test_a_refused_cc_is_a_400_on_cc_naming_them_and_submits_nothing(draft, personas, case):
    rep, contract_id = draft
    if case == "inactive":
        User.objects.filter(pk=personas["legal"].pk).update(is_active=False)
        cc, name = [personas["legal"].pk], str(personas["legal"])
    elif case == "self":
        cc, name = ["east_rep1"], str(personas["east_rep1"])
    else:
        cc, name = ["nobody-such"], ""
    response = rep.post(contract_url(contract_id, "submit"), {"cc": cc}, format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    # an unknown user is the list item's error ("cc.0"); the others name the person on "cc"
    (key,) = body["fields"]
    assert key == ("cc.0" if case == "unknown" else "cc")
    assert name in str(body["fields"][key])
    assert rep.get(contract_url(contract_id)).json()["state"] == "draft"


def test_every_process_submit_action_takes_cc_in_the_schema(schema_client):
    import yaml

    schema = yaml.safe_load(schema_client.get("/api/schema/").content)
    paths = schema["paths"]
    submits = ["/api/expenses/claims/{id}/submit/", "/api/expenses/budgets/{id}/submit/",
               "/api/contracts/contracts/{id}/submit/", "/api/plans/plans/{id}/submit/",
               "/api/risks/risks/{id}/submit/", "/api/campaigns/{id}/submit/",
               "/api/forms/submissions/", "/api/forms/submissions/{id}/send/"]
    components = schema["components"]["schemas"]
    for path in submits:
        assert path in paths, path
        content = paths[path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        name = content["$ref"].rsplit("/", 1)[1]
        assert "cc" in components[name]["properties"], path
