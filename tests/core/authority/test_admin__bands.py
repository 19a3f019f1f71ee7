from decimal import Decimal
from html import unescape

import pytest

from core.authority.models import AuthorityBand, AuthorityMatrix
from tests.core.org.htmlform import form_fields, post_data

ADD = "/admin/authority/authoritymatrix/add/"


@pytest.fixture
def admin_client(client, personas):
    client.force_login(personas["admin"])
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def matrix_post(client, bands, **fields):
    """The add form as rendered, filled in with these fields and (min, max, steps) rows."""
    rendered = form_fields(client.get(ADD).content.decode())
    assert "bands-TOTAL_FORMS" in rendered  # the inline's management form
    # Keep the main form and the management form; the band rows are ours.
    data = {
        k: v
        for k, v in rendered.items()
        if k != "csrfmiddlewaretoken" and (not k.startswith("bands-") or k.endswith("_FORMS"))
    }
    data["bands-TOTAL_FORMS"] = [str(len(bands))]
    for i, (lo, hi, steps) in enumerate(bands):
        data[f"bands-{i}-min_amount"] = [lo]
        data[f"bands-{i}-max_amount"] = [hi or ""]
        data[f"bands-{i}-steps"] = [steps]
    data.update({k: [v] for k, v in fields.items()})
    return post_data(data)


def vip_expense(client, bands):
    return client.post(ADD, matrix_post(client, bands, kind="expense", category="vip"))


def test_matrix_refused_with_rows_named_when_bands_have_gap(admin_client):
    response = vip_expense(
        admin_client, [("0", "1000", "line_manager"), ("2000", "", "line_manager, sales_gm")]
    )

    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert len(errors) == 1
    assert "row 1" in errors[0] and "row 2" in errors[0]
    assert errors[0] in unescape(response.content.decode())
    assert form_fields(response.content.decode())["bands-1-min_amount"] == ["2000"]
    assert not AuthorityMatrix.objects.filter(category="vip").exists()
    assert not AuthorityBand.objects.filter(matrix__category="vip").exists()


def test_matrix_refused_with_row_named_when_open_band_not_last(admin_client):
    response = vip_expense(
        admin_client, [("0", "", "line_manager"), ("1000", "", "line_manager, ceo")]
    )

    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert errors and "row 1" in errors[0] and "row 2" in errors[0]
    assert not AuthorityMatrix.objects.filter(category="vip").exists()


def test_matrix_refused_when_step_code_unknown(admin_client):
    response = vip_expense(admin_client, [("0", "", "line_manager, cfo")])

    assert response.status_code == 200
    assert "cfo" in unescape(response.content.decode())
    assert not AuthorityMatrix.objects.filter(category="vip").exists()


def test_matrix_saved_when_bands_cover_every_amount(admin_client):
    response = vip_expense(
        admin_client,
        [("0", "1000", "line_manager"), ("1000", "", "line_manager， sales_gm")],
    )

    assert response.status_code == 302
    matrix = AuthorityMatrix.objects.get(kind="expense", category="vip")
    assert [(b.min_amount, b.max_amount, b.steps) for b in matrix.bands.order_by("min_amount")] == [
        (Decimal("0"), Decimal("1000"), ["line_manager"]),
        (Decimal("1000"), None, ["line_manager", "sales_gm"]),
    ]


def test_a_step_signed_by_n_of_its_holders_is_saved_and_audited(admin_client):
    from core.audit.models import AuditEvent

    response = vip_expense(admin_client, [("0", "", "line_manager, legal:2, finance:all")])

    assert response.status_code == 302, response.context and response.context["errors"]
    band = AuthorityBand.objects.get(matrix__category="vip")
    assert band.steps == ["line_manager", "legal", "finance"]
    assert band.quorums == {"legal": 2, "finance": "all"}
    assert "legal:2" in str(band)
    # configuration audit: the band's creation on its matrix's chain carries the quorums
    created = [e for e in AuditEvent.objects.filter(event="config.created")
               if "quorums" in (e.changes or {})]
    assert [e.changes["quorums"] for e in created] == [[None, {"legal": 2, "finance": "all"}]]


@pytest.mark.parametrize(("steps", "says"), [
    ("line_manager, legal:3", "3 signers required but only 2 hold the role"),
    ("line_manager:2", "line_manager cannot have signers required"),
    ("legal:x", "after the colon write how many must sign"),
    ("ceo:2", "only 1 person holds this role"),
])
def test_a_quorum_that_cannot_be_met_is_refused_naming_the_step(admin_client, steps, says):
    response = vip_expense(admin_client, [("0", "", steps)])

    assert response.status_code == 200
    assert says in unescape(response.content.decode())
    assert not AuthorityMatrix.objects.filter(category="vip").exists()
