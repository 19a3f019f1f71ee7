"""What a reviewer or signer of a contract decides on, on the task page itself (issue 18): the
terms, the credit check recorded on submission and the customer's credit today; and the
warning that keeps a credit breach out of bulk approval."""

from django.utils.translation import gettext as _

from .models import Contract
from .views.common import credit_position, stored_check


def contract_panel(req, user) -> tuple[str, dict] | None:
    contract = (Contract.objects.select_related("customer", "owner")
                .filter(pk=req.object_id).first())
    if contract is None:
        return None
    return "contracts/_task_panel.html", {
        "contract": contract, "check": stored_check(contract),
        "position": credit_position(contract.customer, value=contract.value,
                                    terms=contract.payment_terms_days),
    }


def contract_warnings(requests) -> dict[int, list[str]]:
    by_contract = {req.object_id: req.pk for req in requests}
    return {by_contract[pk]: [_("credit breach")] for pk in Contract.objects.filter(
        pk__in=by_contract, credit_breach=True).values_list("pk", flat=True)}
