from decimal import Decimal

import pytest

from workflows.contracts.models import Product


@pytest.fixture
def products(db):
    """Three catalogue products (and one retired) by code."""
    rows = [("CNC-500", "五轴加工中心", "5-axis machining centre", "machines", "台", "880000.00"),
            ("SPARE-KIT", "备件包", "Spare parts kit", "parts", "套", "12000.00"),
            ("SVC-YEAR", "年度维保服务", "Annual service", "services", "年", "60000.00")]
    made = {code: Product.objects.create(code=code, name_zh=zh, name_en=en, category=cat,
                                         unit=unit, list_price=Decimal(price))
            for code, zh, en, cat, unit, price in rows}
    made["OLD-1"] = Product.objects.create(code="OLD-1", name_zh="停产型号", name_en="Retired",
                                           category="machines", unit="台",
                                           list_price=Decimal("1.00"), active=False)
    return made
