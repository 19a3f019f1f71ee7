from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from core.fsm_guard import Governed, state_guard
from core.money import MoneyField

from .rules import in_language, uscc_error


class Rating(models.TextChoices):
    A = "A", _("A: excellent")
    B = "B", _("B: good")
    C = "C", _("C: watch")
    D = "D", _("D: prepayment only")


def validate_uscc(value: str) -> None:
    problem = uscc_error(value)
    if problem:
        raise ValidationError(problem)


class ValueClass(models.TextChoices):
    """Customer classification by value (policy §4(二)): recomputed monthly from the trailing
    twelve months' signed contract value and collections."""
    A = "A", _("A: key customer")
    B = "B", _("B: regular customer")
    C = "C", _("C: small customer")


class Customer(models.Model):
    audit_kind = "customer"

    name = models.CharField(_("name"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, unique=True,
                                   validators=[validate_uscc])
    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, verbose_name=_("region"))
    account_owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      related_name="+", verbose_name=_("account owner"))
    contacts = models.TextField(_("contacts"), blank=True)
    rating = models.CharField(_("credit rating"), max_length=1, choices=Rating.choices,
                              default=Rating.B)
    credit_limit = MoneyField(_("credit limit"), default=0)
    # Derived from collection milestones by the services; never typed in.
    open_receivables = MoneyField(_("open receivables"), default=0, editable=False)
    # Derived by the monthly classification (services.classification); never typed in.
    value_class = models.CharField(_("customer class"), max_length=1, choices=ValueClass.choices,
                                   blank=True, default="", editable=False, db_index=True)
    classified_for = models.DateField(_("classified for month"), null=True, blank=True,
                                      editable=False)

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def number(self) -> str:
        return self.credit_code


class CreditLimitChange(models.Model):
    """A credit limit changes only when finance approves the request (audited)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for finance")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="limit_changes")
    old_limit = MoneyField()
    new_limit = MoneyField()
    reason = models.TextField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.customer}: {self.old_limit} → {self.new_limit}"


class ContractState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    RETURNED = "returned", _("Returned for revision")
    SIGNED = "signed", _("Signed")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SUPERSEDED = "superseded", _("Superseded by an amendment")


class Contract(Governed):
    audit_kind = "contract"

    number = models.CharField(_("number"), max_length=40, blank=True, db_index=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("amends"))
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="contracts",
                                 verbose_name=_("customer"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("owner"))
    title = models.CharField(_("title"), max_length=200)
    value = MoneyField(_("value"))
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    payment_terms_days = models.PositiveSmallIntegerField(_("payment terms (days)"), default=30)
    delivery_terms = models.TextField(_("delivery terms"), blank=True)
    key_clauses = models.TextField(_("key clauses"), blank=True)
    state = FSMField(_("state"), default=ContractState.DRAFT, choices=ContractState.choices,
                     protected=True, db_index=True)
    credit_breach = models.BooleanField(_("credit breach"), default=False)
    credit_check = models.JSONField(_("credit check"), default=dict, blank=True)
    created = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sales contract")
        verbose_name_plural = _("sales contracts")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["number", "version"], condition=~Q(number=""),
                                    name="uniq_contract_number_version"),
            models.CheckConstraint(condition=Q(value__gt=0), name="contract_value_positive"),
        ]
        triggers = [state_guard()]

    def __str__(self):
        return f"{self.number or _('draft')} v{self.version} {self.title}"

    @property
    def amount(self) -> Decimal:
        return self.value

    @transition(field=state, source=ContractState.DRAFT, target=ContractState.IN_REVIEW)
    def submit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=ContractState.RETURNED, target=ContractState.IN_REVIEW)
    def resubmit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=ContractState.IN_REVIEW, target=ContractState.SIGNED)
    def sign(self):
        self.signed_at = timezone.now()

    @transition(field=state, source=ContractState.IN_REVIEW, target=ContractState.REJECTED)
    def reject(self):
        pass

    @transition(field=state, source=ContractState.IN_REVIEW, target=ContractState.RETURNED)
    def return_for_revision(self):
        pass

    @transition(field=state, source=[ContractState.IN_REVIEW, ContractState.RETURNED],
                target=ContractState.WITHDRAWN)
    def withdraw(self):
        pass

    @transition(field=state, source=ContractState.SIGNED, target=ContractState.SUPERSEDED)
    def supersede(self):
        pass


class Milestone(models.Model):
    class Kind(models.TextChoices):
        DELIVERY = "delivery", _("Delivery")
        INVOICE = "invoice", _("Invoice")
        COLLECTION = "collection", _("Collection")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    amount = MoneyField(_("amount"), default=0)
    due_date = models.DateField(_("due date"))
    done_date = models.DateField(_("done date"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["kind", "due_date"], name="milestone_due",
                                condition=Q(done_date__isnull=True))]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount} {self.due_date}"


class ExecutionProblem(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="problems")
    description = models.TextField(_("description"))
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    resolution = models.TextField(_("resolution"), blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        # Open problems first on every database (PostgreSQL sorts NULL last by default).
        ordering = [models.F("resolved_at").asc(nulls_first=True), "-created"]

    def __str__(self):
        return self.description[:60]


class CreditAlert(models.Model):
    """A collection overdue by more than 30 days (policy 8.3); once per milestone. Becomes a
    credit risk in the register when the risks process exists."""

    milestone = models.OneToOneField(Milestone, on_delete=models.CASCADE, related_name="alert")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="alerts")
    days_overdue = models.PositiveIntegerField()
    created = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.customer}: {self.days_overdue} days"


class CustomerClassChange(models.Model):
    """One change of a customer's value class, with the figures it was computed from."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE,
                                 related_name="class_changes", verbose_name=_("customer"))
    month = models.DateField(_("month"), help_text=_("The first day of the month classified."))
    old_class = models.CharField(_("old class"), max_length=1, choices=ValueClass.choices,
                                 blank=True)
    new_class = models.CharField(_("new class"), max_length=1, choices=ValueClass.choices)
    signed_value = MoneyField(_("signed value (12 months)"))
    collected = MoneyField(_("collections (12 months)"))
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("customer class change")
        verbose_name_plural = _("customer class changes")
        ordering = ["-month", "-pk"]

    def __str__(self):
        return f"{self.customer}: {self.old_class or '-'} → {self.new_class} ({self.month:%Y-%m})"


class Interaction(models.Model):
    """A contact with a customer (a visit, a call, a complaint, a note) and the next action."""

    class Kind(models.TextChoices):
        VISIT = "visit", _("Visit")
        CALL = "call", _("Call")
        COMPLAINT = "complaint", _("Complaint")
        NOTE = "note", _("Note")

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE,
                                 related_name="interactions", verbose_name=_("customer"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    date = models.DateField(_("date"))
    note = models.TextField(_("note"))
    next_action_date = models.DateField(_("next action date"), null=True, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                           verbose_name=_("by"))
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("customer interaction")
        verbose_name_plural = _("customer interactions")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.customer}: {self.get_kind_display()} {self.date}"


# --- products and contract lines (issue 22) -------------------------------------------------

UNSPECIFIED_PRODUCT = "UNSPECIFIED"


def _in_active_language(zh: str, en: str) -> str:
    return in_language(zh, en, get_language() or "")


# A catalogue text read when shown, in the language of the page or file being rendered (a report
# built once renders in both languages).
localized = lazy(_in_active_language, str)


class Product(models.Model):
    """The product catalogue (产品目录): what contract lines sell. Kept in the admin (audited)
    and imported from a workbook; a product in use is deactivated, never deleted."""

    audit_kind = "product"

    code = models.CharField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=60, db_index=True)
    unit = models.CharField(_("unit"), max_length=20)
    unit_en = models.CharField(_("unit (English)"), max_length=20, blank=True)
    list_price = MoneyField(_("list price (CNY)"), default=0)
    currency = models.CharField(_("currency"), max_length=3, default="CNY", editable=False)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["category", "code"]
        constraints = [models.CheckConstraint(condition=Q(list_price__gte=0),
                                              name="product_list_price_not_negative")]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return in_language(self.name_zh, self.name_en, get_language() or "")

    @property
    def unit_name(self) -> str:
        return in_language(self.unit, self.unit_en, get_language() or "")

    @property
    def number(self) -> str:
        return self.code


class ContractLine(models.Model):
    """A product line of a contract version; the lines' values add up to the contract value."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="lines",
                                 verbose_name=_("contract"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("product"))
    quantity = models.DecimalField(_("quantity"), max_digits=12, decimal_places=3)
    unit_price = MoneyField(_("unit price"))
    discount = models.DecimalField(_("discount (%)"), max_digits=5, decimal_places=2,
                                   default=Decimal("0"))
    value = MoneyField(_("line value"))

    class Meta:
        verbose_name = _("contract line")
        verbose_name_plural = _("contract lines")
        ordering = ["contract", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="line_quantity_positive"),
            models.CheckConstraint(condition=Q(unit_price__gte=0), name="line_price_not_negative"),
            models.CheckConstraint(condition=Q(discount__gte=0) & Q(discount__lte=100),
                                   name="line_discount_percent"),
        ]

    def __str__(self):
        return f"{self.product_id} × {self.quantity} = {self.value}"
