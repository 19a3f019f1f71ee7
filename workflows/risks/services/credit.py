"""Credit risks raised by collections overdue more than 30 days (policy 8.1: 信用风险; 8.2:
加强应收账款管理). The contracts process records an alert per overdue collection; the risks
sweep reads them (through contracts' selectors) and each alert raises a credit risk on its
customer and contract, or joins the contract's open one. The one-row-per-alert link
(CreditAlertLink, unique on the alert) is the processed marker: a second sweep (or a
concurrent one) raises nothing more. risks depends on contracts, never the reverse."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import services as audit
from core.org import selectors as org
from workflows.contracts.selectors import credit_alerts

from .. import rules
from ..models import OPEN_STATES, CreditAlertLink, Risk, RiskType, Source
from .risks import risk_create

log = logging.getLogger(__name__)


def credit_risks_from_alerts(*, batch: int = 500) -> int:
    """Raise (or join) a credit risk for every alert not yet linked; returns risks raised."""
    linked = CreditAlertLink.objects.values("alert_id")
    ids = list(credit_alerts().exclude(pk__in=linked).values_list("pk", flat=True)[:batch])
    return sum(_isolated(pk) for pk in ids)


def _isolated(alert_id: int) -> bool:
    """One alert that fails must not stop the sweep for the others (it is retried next time)."""
    try:
        return raise_for_alert(alert_id)
    except Exception:
        log.exception("credit risk sweep skipped alert %s", alert_id)
        return False


def _owner_of(contract, customer):
    for person in (customer.account_owner, contract.owner):
        if person.is_active and not org.is_read_only(person):
            return person
    return contract.owner


@transaction.atomic
def raise_for_alert(alert_id: int) -> bool:
    # The alert row is the lock: a second sweeper waits here, then finds the link.
    alert = credit_alerts().select_for_update(of=("self",)).filter(pk=alert_id).first()
    if alert is None or CreditAlertLink.objects.filter(alert_id=alert_id).exists():
        return False
    milestone = alert.milestone
    contract, customer = milestone.contract, alert.customer
    existing = _open_credit_risk(contract.pk)
    if existing is not None:
        _link(alert, existing, joined=True)
        return False
    likelihood, impact = rules.credit_assessment(alert.days_overdue, milestone.amount)
    try:
        with transaction.atomic():
            risk = risk_create(
                actor=None, type=RiskType.CREDIT, source=Source.COLLECTION,
                title=_("Collection overdue: %(customer)s, %(contract)s") % {
                    "customer": customer.name, "contract": contract.number or contract.title},
                description=_("%(amount)s %(currency)s due %(due)s on contract %(contract)s is "
                              "%(days)d days overdue.") % {
                    "amount": milestone.amount, "currency": contract.currency,
                    "due": milestone.due_date.isoformat(), "contract": contract.number,
                    "days": alert.days_overdue},
                customer=customer, contract=contract, region=customer.region,
                owner=_owner_of(contract, customer), likelihood=likelihood, impact=impact,
                comment=_("Assessed by the rule for overdue collections."))
    except IntegrityError:
        # Another alert of this contract raised its risk at the same moment: join that one.
        existing = _open_credit_risk(contract.pk)
        if existing is None:
            raise
        _link(alert, existing, joined=True)
        return False
    _link(alert, risk, joined=False)
    return True


def _open_credit_risk(contract_id: int) -> Risk | None:
    return (Risk.objects.select_for_update().filter(
        contract_id=contract_id, source=Source.COLLECTION, state__in=OPEN_STATES).first())


def _link(alert, risk: Risk, *, joined: bool) -> None:
    CreditAlertLink.objects.create(alert=alert, risk=risk, created=timezone.now())
    audit.record(actor=None, subject=risk, event="risk.collection_overdue",
                 data={"alert": alert.pk, "milestone": alert.milestone_id,
                       "days_overdue": alert.days_overdue, "joined": joined})
