"""Template categories are a list named in both languages: the catalogue shows and filters by
the category's name in the reader's language, the new-template page offers the list and
refuses a category not on it, and the editor's list of templates names it."""

import pytest
from django.utils import translation

from workflows.forms.models import FormTemplate, TemplateCategory

pytestmark = pytest.mark.django_db


def _get(client, url, language, **params):
    with translation.override(language):
        return client.get(url, params, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_catalogue_names_and_filters_categories_in_the_reader_language(shipped, personas,
                                                                       client):
    client.force_login(personas["east_mgr"])
    en, zh = _get(client, "/forms/new/", "en"), _get(client, "/forms/new/", "zh-hans")
    assert "Human resources" in en and "Marketing" in en and "人事" not in en
    assert "人事" in zh and "市场" in zh and "Human resources" not in zh
    hr = _get(client, "/forms/new/", "en", category="hr")
    assert "/forms/new/headcount/" in hr and "/forms/new/training/" in hr
    assert "/forms/new/research/" not in hr and "/forms/new/minutes/" not in hr
    # a search matches the category's name in the reader's language
    found = _get(client, "/forms/new/", "zh-hans", q="人事")
    assert "/forms/new/headcount/" in found and "/forms/new/minutes/" not in found
    # an unknown category filters nothing out
    assert "/forms/new/minutes/" in _get(client, "/forms/new/", "en", category="nope")


def test_new_template_offers_the_list_and_refuses_another_category(shipped, personas, client):
    client.force_login(personas["admin"])
    page = _get(client, "/forms/templates/new/", "zh-hans")
    assert '<option value="hr">人事</option>' in page
    data = {"code": "sample", "name_zh": "样品申请", "name_en": "Sample request",
            "number_prefix": "YP"}
    with translation.override("en"):
        r = client.post("/forms/templates/new/", {**data, "category": "Samples"})
    assert r.status_code == 400 and not FormTemplate.objects.filter(code="sample").exists()
    r = client.post("/forms/templates/new/", {**data, "category": "sales"})
    assert r.status_code == 302
    assert FormTemplate.objects.get(code="sample").category == TemplateCategory.SALES
    listing = _get(client, "/forms/templates/", "zh-hans")
    assert "<td>销售</td>" in listing and "<td>人事</td>" in listing
