"""Product names and units in the page's language: English pages show name_en and unit_en
(the Chinese when there is no English), Chinese pages the Chinese; the sales-by-product rows
are read when shown, so a report built once renders each file in its own language."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.translation import override

from workflows.contracts.models import Product
from workflows.contracts.selectors import signed_value_by_product
from workflows.contracts.services import contract_create
from workflows.contracts.services.products import products_import

from ...plans.test_selectors__business_actuals import sign
from .test_products__import import _book

pytestmark = pytest.mark.django_db


def test_units_have_an_english_name_and_fall_back_to_the_catalogues(products):
    machine = products["CNC-500"]
    machine.unit_en = "unit"
    machine.save()
    odd = Product.objects.create(code="ODD-1", name_zh="异形件", category="parts", unit="樘",
                                 list_price=Decimal("1.00"))
    with override("en"):
        assert (machine.name, machine.unit_name) == ("5-axis machining centre", "unit")
        assert (odd.name, odd.unit_name) == ("异形件", "樘")  # no English: as written
    with override("zh-hans"):
        assert (machine.name, machine.unit_name) == ("五轴加工中心", "台")


def test_by_product_rows_are_named_in_the_language_they_are_shown_in(personas, customer,
                                                                    products):
    today = timezone.localdate()
    sign(personas, contract_create(actor=personas["east_rep1"], customer=customer, title="一",
                                   lines=[{"product": "CNC-500", "quantity": "1"}]))
    with override("zh-hans"):  # built in Chinese, as the report's Celery job may be
        row = signed_value_by_product(today, today + timedelta(days=1))[0]
    with override("en"):
        assert str(row.name) == "5-axis machining centre"
    with override("zh-hans"):
        assert str(row.name) == "五轴加工中心"


def test_the_contract_page_shows_english_units_on_english_pages(personas, customer, products,
                                                                client):
    Product.objects.filter(code="CNC-500").update(unit_en="unit")
    contract = contract_create(actor=personas["east_rep1"], customer=customer, title="一",
                               lines=[{"product": "CNC-500", "quantity": "2"}])
    client.force_login(personas["east_rep1"])
    html = client.get(f"/contracts/{contract.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2 unit" in html and "5-axis machining centre" in html and "2 台" not in html
    with override("en"):  # the request activates Chinese; later tests expect it undone
        html = client.get(f"/contracts/{contract.pk}/",
                          HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "2 台" in html


def test_the_workbook_gives_the_english_unit_or_the_known_one(personas):
    from core.org.models import User

    keeper = User.objects.create_superuser("catalogue", "cat@acme.example", "x" * 12)
    head = ["编码", "中文名称", "Name (English)", "类别", "单位", "英文单位", "目录价（元）"]
    result = products_import(data=_book(("A-1", "机床", "Lathe", "机床", "台", "", 10),
                                        ("B-1", "绳", "Rope", "材料", "卷", "roll", 2),
                                        head=head), actor=keeper)
    assert result.errors == []
    assert dict(Product.objects.filter(code__in=["A-1", "B-1"])
                .values_list("code", "unit_en")) == {"A-1": "unit", "B-1": "roll"}
