"""A contract's product lines (issue 22): cleaned from what was typed, saved with their values,
and compared between versions. The lines' total is the contract value."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core.exceptions import InvalidInputError

from ..models import UNSPECIFIED_PRODUCT, Contract, ContractLine, Product
from ..rules import line_value

MAX_LINES = 100
MAX_QUANTITY = Decimal("999999999.999")
MAX_PRICE = Decimal("999999999999.99")
MAX_VALUE = Decimal("999999999999.99")


def unspecified_product() -> Product:
    """The catalogue's stand-in for a value given without products (created by migration
    0009; inactive, so nobody picks it from the catalogue)."""
    product, _created = Product.objects.get_or_create(
        code=UNSPECIFIED_PRODUCT, defaults={"name_zh": "未指定产品",
                                            "name_en": "Unspecified product", "category": "-",
                                            "unit": "-", "unit_en": "-", "active": False})
    return product


def unspecified_line(value) -> dict:
    return {"product": unspecified_product(), "quantity": Decimal(1), "unit_price": value,
            "discount": Decimal(0)}


def _decimal(raw, places: int) -> Decimal | None:
    if raw is None or isinstance(raw, bool | float) or str(raw).strip() == "":
        return None
    try:
        number = Decimal(str(raw).strip())
    except InvalidOperation:
        return None
    if not number.is_finite() or -number.as_tuple().exponent > places:  # type: ignore[operator]
        return None
    return number


def _product(raw, allowed: set[int]) -> Product | None:
    if isinstance(raw, Product):
        product = raw
    elif isinstance(raw, int) and not isinstance(raw, bool) or str(raw or "").isdigit():
        product = Product.objects.filter(pk=int(raw)).first() if 0 < int(raw) < 2**31 else None
    elif isinstance(raw, str) and raw.strip():
        product = Product.objects.filter(code=raw.strip()).first()
    else:
        product = None
    if product is None or not (product.active or product.pk in allowed):
        return None
    return product


def clean_lines(raw_lines, *, allowed: set[int] = frozenset()) -> list[ContractLine]:
    """Unsaved lines with their values, or InvalidInputError with `lines.<i>.<field>` errors.
    `allowed`: inactive products that may stay (those already on the contract)."""
    if not raw_lines:
        raise InvalidInputError(_("A contract needs at least one product line."),
                                fields={"lines": [_("Add at least one product line.")]})
    if len(raw_lines) > MAX_LINES:
        raise InvalidInputError(_("At most %(n)d lines per contract.") % {"n": MAX_LINES},
                                fields={"lines": [_("Too many lines.")]})
    errors: dict[str, list[str]] = {}
    lines = []
    for i, raw in enumerate(raw_lines):
        raw = raw if isinstance(raw, dict) else {}
        product = _product(raw.get("product"), allowed)
        if product is None:
            errors[f"lines.{i}.product"] = [_("Choose an active product from the catalogue.")]
        quantity = _decimal(raw.get("quantity"), 3)
        if quantity is None or not Decimal(0) < quantity <= MAX_QUANTITY:
            errors[f"lines.{i}.quantity"] = [_("Enter a quantity above zero, such as 2 or "
                                               "1.5.")]
        price = raw.get("unit_price")
        typed = not (price is None or str(price).strip() == "")
        if not typed and product is not None:
            price = product.list_price
        price = _decimal(price, 2)
        if (typed or product is not None) and (
                price is None or not Decimal(0) <= price <= MAX_PRICE):
            errors[f"lines.{i}.unit_price"] = [_("Enter a price such as 1280.00.")]
        discount = _decimal(raw.get("discount") if raw.get("discount") not in (None, "")
                            else 0, 2)
        if discount is None or not Decimal(0) <= discount <= 100:
            errors[f"lines.{i}.discount"] = [_("A discount is a percentage from 0 to 100.")]
        if (product is not None and quantity is not None and price is not None
                and discount is not None and not any(k.startswith(f"lines.{i}.")
                                                     for k in errors)):
            value = line_value(quantity=quantity, unit_price=price, discount=discount)
            if value > MAX_VALUE:
                errors[f"lines.{i}.quantity"] = [_("This line's value is too large.")]
            lines.append(ContractLine(position=i, product=product, quantity=quantity,
                                      unit_price=price, discount=discount, value=value))
    if errors:
        raise InvalidInputError(_("Some product lines are not valid."), fields=errors)
    total = lines_total(lines)
    if total <= 0:
        raise InvalidInputError(_("The lines must add up to more than zero."),
                                fields={"lines": [_("The contract value would be zero.")]})
    if total > MAX_VALUE:
        raise InvalidInputError(_("The lines add up to more than a contract can hold."),
                                fields={"lines": [_("The total is too large.")]})
    return lines


def lines_total(lines) -> Decimal:
    return sum((line.value for line in lines), Decimal("0.00"))


def save_lines(contract: Contract, lines: list[ContractLine]) -> None:
    """Replace the version's lines (a version's lines are edited only while it is a draft or
    returned; a signed version's lines never change)."""
    contract.lines.all().delete()
    for i, line in enumerate(lines):
        line.pk = None
        line.contract = contract
        line.position = i
    ContractLine.objects.bulk_create(lines)


def copied(contract: Contract) -> list[ContractLine]:
    return [ContractLine(product=line.product, quantity=line.quantity,
                         unit_price=line.unit_price, discount=line.discount, value=line.value)
            for line in contract.lines.select_related("product")]


def only_unspecified(lines) -> bool:
    return len(lines) == 1 and lines[0].product.code == UNSPECIFIED_PRODUCT


def as_dict(line: ContractLine) -> dict:
    return {"product": line.product.code, "name": line.product.name_zh,
            "quantity": format(line.quantity.normalize(), "f"), "unit_price": str(line.unit_price),
            "discount": str(line.discount), "value": str(line.value)}


def lines_diff(before, after) -> dict[str, list]:
    """Lines added, removed and changed between two versions, matched by product (and, for a
    product on several lines, in order)."""
    def by_product(lines):
        grouped: dict[str, list[dict]] = {}
        for line in lines:
            grouped.setdefault(line.product.code, []).append(as_dict(line))
        return grouped

    old, new = by_product(before), by_product(after)
    added, removed, changed = [], [], []
    for code in sorted(set(old) | set(new)):
        a, b = old.get(code, []), new.get(code, [])
        for i in range(max(len(a), len(b))):
            if i >= len(a):
                added.append(b[i])
            elif i >= len(b):
                removed.append(a[i])
            elif a[i] != b[i]:
                changed.append({"before": a[i], "after": b[i]})
    return {"added": added, "removed": removed, "changed": changed}
