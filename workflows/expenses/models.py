from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, transition

from core.fsm_guard import Governed, state_guard
from core.money import MoneyField

MONTHS = range(1, 13)
QUARTERS = range(1, 5)


class Category(models.TextChoices):
    PERSONNEL = "personnel", _("Personnel")
    MARKETING = "marketing", _("Marketing and promotion")
    TRAVEL = "travel", _("Travel")
    ENTERTAINMENT = "entertainment", _("Business entertainment")
    OTHER = "other", _("Other")


class OverBudget(models.TextChoices):
    BLOCK = "block", _("Refuse the claim")
    EXTRA_APPROVAL = "extra_approval", _("Add the sales GM's approval")


class CategoryPolicy(models.Model):
    """What happens when a claim in this category exceeds the remaining budget (policy 7.2)."""

    category = models.CharField(_("category"), max_length=20, choices=Category.choices,
                                unique=True)
    over_budget = models.CharField(_("over budget"), max_length=20, choices=OverBudget.choices,
                                   default=OverBudget.BLOCK)

    class Meta:
        verbose_name = _("category policy")
        verbose_name_plural = _("category policies")

    def __str__(self):
        return f"{self.get_category_display()}: {self.get_over_budget_display()}"


class BudgetState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("In approval")
    RETURNED = "returned", _("Returned")
    IN_FORCE = "in_force", _("In force")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SUPERSEDED = "superseded", _("Superseded")


class Budget(Governed):
    """One version of a year's budget for a department and category, split into quarters and
    months; for one sales region of the department, or (no region) the whole department. A
    version comes into force only after approval (finance → sales GM → CEO)."""

    audit_kind = "budget"

    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    department = models.ForeignKey("org.Department", on_delete=models.PROTECT,
                                   verbose_name=_("department"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("region"),
                               help_text=_("Empty: the whole department."))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("previous version"))
    number = models.CharField(_("number"), max_length=40, blank=True)
    total = MoneyField(_("annual total"))
    q1 = MoneyField(_("Q1"), default=0)
    q2 = MoneyField(_("Q2"), default=0)
    q3 = MoneyField(_("Q3"), default=0)
    q4 = MoneyField(_("Q4"), default=0)
    m1 = MoneyField(_("Jan"), default=0)
    m2 = MoneyField(_("Feb"), default=0)
    m3 = MoneyField(_("Mar"), default=0)
    m4 = MoneyField(_("Apr"), default=0)
    m5 = MoneyField(_("May"), default=0)
    m6 = MoneyField(_("Jun"), default=0)
    m7 = MoneyField(_("Jul"), default=0)
    m8 = MoneyField(_("Aug"), default=0)
    m9 = MoneyField(_("Sep"), default=0)
    m10 = MoneyField(_("Oct"), default=0)
    m11 = MoneyField(_("Nov"), default=0)
    m12 = MoneyField(_("Dec"), default=0)
    reason = models.TextField(_("reason for the change"), blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("budget owner"))
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("prepared by"))
    state = FSMField(_("state"), default=BudgetState.DRAFT, choices=BudgetState.choices,
                     protected=True, db_index=True)
    created = models.DateTimeField(default=timezone.now)
    in_force_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["-fiscal_year", "department", "category", "-version"]
        # A budget line is (year, department, category, region); no region is the department's
        # own line. NULL never equals NULL in a unique index: one pair of partial indexes each.
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "department", "category", "version"],
                                    condition=Q(region__isnull=True),
                                    name="uniq_budget_version"),
            models.UniqueConstraint(fields=["fiscal_year", "department", "category", "region",
                                            "version"],
                                    condition=Q(region__isnull=False),
                                    name="uniq_regional_budget_version"),
            models.UniqueConstraint(fields=["fiscal_year", "department", "category"],
                                    condition=Q(state="in_force", region__isnull=True),
                                    name="one_budget_in_force"),
            models.UniqueConstraint(fields=["fiscal_year", "department", "category", "region"],
                                    condition=Q(state="in_force", region__isnull=False),
                                    name="one_regional_budget_in_force"),
        ]
        triggers = [state_guard()]

    def __str__(self):
        where = f"{self.department} · {self.region}" if self.region_id else f"{self.department}"
        return f"{self.fiscal_year} {where} {self.get_category_display()} v{self.version}"

    @property
    def amount(self) -> Decimal:
        return self.total

    def months(self) -> list[Decimal]:
        return [getattr(self, f"m{m}") for m in MONTHS]

    def quarters(self) -> list[Decimal]:
        return [getattr(self, f"q{q}") for q in QUARTERS]

    @transition(field=state, source=[BudgetState.DRAFT], target=BudgetState.SUBMITTED)
    def submit(self):
        pass

    @transition(field=state, source=BudgetState.RETURNED, target=BudgetState.SUBMITTED)
    def resubmit(self):
        pass

    @transition(field=state, source=BudgetState.SUBMITTED, target=BudgetState.IN_FORCE)
    def bring_into_force(self):
        self.in_force_at = timezone.now()

    @transition(field=state, source=BudgetState.SUBMITTED, target=BudgetState.REJECTED)
    def reject(self):
        pass

    @transition(field=state, source=BudgetState.SUBMITTED, target=BudgetState.RETURNED)
    def return_for_revision(self):
        pass

    @transition(field=state, source=[BudgetState.SUBMITTED, BudgetState.RETURNED],
                target=BudgetState.WITHDRAWN)
    def withdraw(self):
        pass

    @transition(field=state, source=BudgetState.IN_FORCE, target=BudgetState.SUPERSEDED)
    def supersede(self):
        pass


class BudgetBalance(models.Model):
    """The live ledger of one period (a month or a quarter) of a budget line: what is budgeted,
    reserved by claims in approval, and spent by paid claims. Rows are locked to reserve. A
    region's rows exist once a budget of that region came into force."""

    fiscal_year = models.PositiveSmallIntegerField()
    department = models.ForeignKey("org.Department", on_delete=models.PROTECT)
    category = models.CharField(max_length=20, choices=Category.choices)
    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+")
    period = models.CharField(max_length=3)  # "M01".."M12", "Q1".."Q4"
    budget = MoneyField(default=0)
    reserved = MoneyField(default=0)
    spent = MoneyField(default=0)
    warned_80 = models.BooleanField(default=False)
    warned_100 = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "department", "category", "period"],
                                    condition=Q(region__isnull=True),
                                    name="uniq_budget_balance"),
            models.UniqueConstraint(fields=["fiscal_year", "department", "category", "region",
                                            "period"],
                                    condition=Q(region__isnull=False),
                                    name="uniq_regional_budget_balance"),
        ]

    def __str__(self):
        return f"{self.fiscal_year} {self.category} {self.period}"

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.reserved - self.spent

    @property
    def used_pct(self) -> Decimal:
        if not self.budget:
            return Decimal("0") if not (self.reserved + self.spent) else Decimal("100")
        return ((self.reserved + self.spent) * 100 / self.budget).quantize(Decimal("0.1"))


class BudgetHold(models.Model):
    """An amount another process holds on a month and quarter of a budget line before anyone
    claims it (a marketing campaign's budget line, policy 5(三)): reserved on the periods' rows
    like a claim, drawn on by the claims that name it, spent as they are paid and released
    when the holder lets it go. Expenses knows the holder only by `ref` and `label`."""

    class State(models.TextChoices):
        HELD = "held", _("Held")
        RELEASED = "released", _("Released")

    ref = models.CharField(max_length=60, unique=True)  # e.g. "campaign:12:line:3"
    label = models.CharField(_("held for"), max_length=200)
    fiscal_year = models.PositiveSmallIntegerField()
    department = models.ForeignKey("org.Department", on_delete=models.PROTECT,
                                   related_name="+")
    category = models.CharField(max_length=20, choices=Category.choices)
    # the region whose budget it is held on (None: the department's own budget line)
    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+")
    month = models.ForeignKey(BudgetBalance, on_delete=models.PROTECT, related_name="+")
    quarter = models.ForeignKey(BudgetBalance, on_delete=models.PROTECT, related_name="+")
    amount = MoneyField(default=0)  # held on the rows (less what was spent or released)
    drawn = MoneyField(default=0)  # of `amount`: held by claims in approval that draw on it
    spent = MoneyField(default=0)  # paid by claims that drew on it
    over_budget = models.BooleanField(default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.HELD)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("budget hold")
        verbose_name_plural = _("budget holds")
        constraints = [
            models.CheckConstraint(condition=Q(drawn__gte=0) & Q(drawn__lte=models.F("amount")),
                                   name="hold_drawn_within_amount"),
        ]

    def __str__(self):
        return f"{self.label}: {self.amount}"

    @property
    def available(self) -> Decimal:
        """What claims may still draw on."""
        return self.amount - self.drawn if self.state == self.State.HELD else Decimal("0.00")


class ItemType(models.TextChoices):
    HOTEL = "hotel", _("Hotel (per night)")
    MEALS = "meals", _("Meals (per day)")
    ENTERTAINMENT = "entertainment", _("Entertainment (per guest)")
    TRANSPORT = "transport", _("Transport")
    OTHER = "other", _("Other")


class CityTier(models.TextChoices):
    TIER1 = "tier1", _("Tier-1 city")
    TIER2 = "tier2", _("Tier-2 city")
    OTHER = "other", _("Other city")


class TravelClass(models.TextChoices):
    """Ordered from the least to the most expensive; a standard names the highest allowed."""

    ECONOMY = "economy", _("Economy / second class")
    PREMIUM = "premium", _("Premium economy / first class (rail)")
    BUSINESS = "business", _("Business class")
    FIRST = "first", _("First class (air)")


TRAVEL_CLASS_RANK = {value: rank for rank, value in enumerate(TravelClass.values, start=1)}


class OverStandard(models.TextChoices):
    # Policy: a line over such a standard is not accepted; the submitter reduces it to the cap.
    REFUSE = "refuse", _("Not accepted: reduce the line to the standard")
    EXTRA_APPROVAL = "extra_approval", _("Add the sales GM's approval")


class ReimbursementStandard(models.Model):
    """A cap per unit (night, day, guest, trip) for an item type, city tier and grade range."""

    item_type = models.CharField(_("item"), max_length=20, choices=ItemType.choices)
    city_tier = models.CharField(_("city tier"), max_length=10, choices=CityTier.choices,
                                 blank=True, help_text=_("Empty means any city."))
    min_grade = models.PositiveSmallIntegerField(_("from grade"), default=1)
    max_grade = models.PositiveSmallIntegerField(_("to grade"), default=99)
    cap = MoneyField(_("cap per unit"), null=True, blank=True,
                     help_text=_("Empty when the standard only limits the travel class."))
    max_travel_class = models.CharField(
        _("highest travel class"), max_length=10, choices=TravelClass.choices, blank=True,
        help_text=_("For transport: the highest class this grade may travel in."))
    on_excess = models.CharField(_("when exceeded"), max_length=20,
                                 choices=OverStandard.choices, default=OverStandard.REFUSE)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("reimbursement standard")
        verbose_name_plural = _("reimbursement standards")
        ordering = ["item_type", "city_tier", "min_grade"]
        constraints = [
            models.CheckConstraint(condition=Q(max_grade__gte=models.F("min_grade")),
                                   name="standard_grade_range"),
            models.CheckConstraint(condition=Q(cap__isnull=True) | Q(cap__gt=0),
                                   name="standard_cap_positive"),
            models.CheckConstraint(condition=Q(cap__isnull=False) | ~Q(max_travel_class=""),
                                   name="standard_limits_something"),
        ]

    def __str__(self):
        limit = self.cap if self.cap is not None else self.get_max_travel_class_display()
        return f"{self.get_item_type_display()} {self.city_tier or '*'} G{self.min_grade}-" \
               f"{self.max_grade}: {limit}"


class ClaimState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("In approval")
    RETURNED = "returned", _("Returned for revision")
    APPROVED = "approved", _("Approved, at finance")
    VOUCHER_APPROVED = "voucher_approved", _("Voucher approved, paying")
    PAID = "paid", _("Paid")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ExpenseClaim(Governed):
    audit_kind = "expense"

    number = models.CharField(_("number"), max_length=40, blank=True, db_index=True)
    submitter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("submitter"))
    department = models.ForeignKey("org.Department", on_delete=models.PROTECT,
                                   verbose_name=_("department"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    expense_date = models.DateField(_("expense date"))
    currency = models.CharField(max_length=3, default="CNY")
    total = MoneyField(_("claimed total"), default=0)
    approved_total = MoneyField(_("approved total"), null=True, blank=True)
    state = FSMField(_("state"), default=ClaimState.DRAFT, choices=ClaimState.choices,
                     protected=True, db_index=True)
    over_budget = models.BooleanField(_("over budget"), default=False)
    over_standard = models.BooleanField(_("over standard"), default=False)
    created = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    payment_reference = models.CharField(max_length=60, blank=True)
    payment_attempts = models.PositiveSmallIntegerField(default=0)
    payment_error = models.CharField(max_length=300, blank=True)
    hold = models.ForeignKey(BudgetHold, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="claims", verbose_name=_("draws on"),
                             help_text=_("An approved campaign whose reserved budget this claim "
                                         "uses first."))

    class Meta:
        verbose_name = _("expense claim")
        verbose_name_plural = _("expense claims")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["number"], condition=~Q(number=""),
                                    name="uniq_claim_number"),
        ]
        triggers = [state_guard()]

    def __str__(self):
        return f"{self.number or _('draft')} {self.title}"

    @property
    def amount(self) -> Decimal:
        return self.approved_total if self.approved_total is not None else self.total

    @property
    def month(self) -> int:
        return self.expense_date.month

    @transition(field=state, source=ClaimState.DRAFT, target=ClaimState.SUBMITTED)
    def submit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=ClaimState.RETURNED, target=ClaimState.SUBMITTED)
    def resubmit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=ClaimState.SUBMITTED, target=ClaimState.APPROVED)
    def approve(self):
        pass

    @transition(field=state, source=ClaimState.APPROVED, target=ClaimState.SUBMITTED)
    def back_to_approval(self):
        pass

    @transition(field=state, source=ClaimState.APPROVED, target=ClaimState.VOUCHER_APPROVED)
    def approve_voucher(self):
        if self.approved_total is None:
            self.approved_total = self.total

    @transition(field=state, source=ClaimState.VOUCHER_APPROVED, target=ClaimState.PAID)
    def mark_paid(self, *, reference: str):
        self.payment_reference = reference
        self.paid_at = timezone.now()
        self.payment_error = ""

    @transition(field=state, source=[ClaimState.SUBMITTED, ClaimState.APPROVED],
                target=ClaimState.REJECTED)
    def reject(self):
        pass

    @transition(field=state, source=[ClaimState.SUBMITTED, ClaimState.APPROVED],
                target=ClaimState.RETURNED)
    def return_for_revision(self):
        pass

    @transition(field=state, source=[ClaimState.SUBMITTED, ClaimState.RETURNED],
                target=ClaimState.WITHDRAWN)
    def withdraw(self):
        pass


class ExpenseLine(models.Model):
    claim = models.ForeignKey(ExpenseClaim, on_delete=models.CASCADE, related_name="lines")
    date = models.DateField(_("date"))
    item_type = models.CharField(_("item"), max_length=20, choices=ItemType.choices)
    description = models.CharField(_("description"), max_length=200)
    amount = MoneyField(_("amount"))
    city_tier = models.CharField(_("city tier"), max_length=10, choices=CityTier.choices,
                                 blank=True)
    units = models.PositiveSmallIntegerField(_("nights / days / guests"), default=1)
    travel_class = models.CharField(_("travel class"), max_length=10,
                                    choices=TravelClass.choices, blank=True)
    cap = MoneyField(_("standard cap"), null=True, blank=True)
    allowed_class = models.CharField(_("highest class allowed"), max_length=10,
                                     choices=TravelClass.choices, blank=True)
    excess = MoneyField(_("over the standard"), default=0)
    approved_amount = MoneyField(_("approved amount"), null=True, blank=True)
    reduction_reason = models.CharField(_("reason for reduction"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("expense line")
        verbose_name_plural = _("expense lines")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="line_amount_positive"),
        ]

    def __str__(self):
        return f"{self.date} {self.description} {self.amount}"

    @property
    def over_class(self) -> bool:
        return bool(self.allowed_class and self.travel_class) and (
            TRAVEL_CLASS_RANK[self.travel_class] > TRAVEL_CLASS_RANK[self.allowed_class])

    @property
    def over_standard(self) -> bool:
        return self.excess > 0 or self.over_class


class Reservation(models.Model):
    """A claim's hold on its month and quarter budget; released on reject or withdraw, turned
    into spending on payment."""

    class State(models.TextChoices):
        RESERVED = "reserved", _("Reserved")
        RELEASED = "released", _("Released")
        SPENT = "spent", _("Spent")

    claim = models.ForeignKey(ExpenseClaim, on_delete=models.CASCADE, related_name="reservations")
    month = models.ForeignKey(BudgetBalance, on_delete=models.PROTECT, related_name="+")
    quarter = models.ForeignKey(BudgetBalance, on_delete=models.PROTECT, related_name="+")
    amount = MoneyField()
    # of `amount`: taken from the claim's budget hold (already on the rows), not added to them
    drawn = MoneyField(default=0)
    state = models.CharField(max_length=10, choices=State.choices, default=State.RESERVED)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim"], condition=Q(state="reserved"),
                                    name="one_live_reservation_per_claim"),
        ]

    def __str__(self):
        return f"{self.claim_id}: {self.amount} {self.state}"


# --- vouchers (policy 7(三)1: the vouchers each claim needs, genuine, lawful, valid) -----------


class VoucherKind(models.TextChoices):
    INVOICE = "invoice", pgettext_lazy("voucher", "Invoice")
    FOLIO = "folio", _("Hotel folio")
    TICKET = "ticket", _("Ticket or boarding pass")
    GUEST_LIST = "guest_list", _("Guest list")
    OTHER = "other", _("Other document")


class InvoiceType(models.TextChoices):
    DIGITAL = "digital", _("Fully digital invoice")
    VAT_SPECIAL = "vat_special", _("VAT special invoice")
    VAT_ORDINARY = "vat_ordinary", _("Ordinary invoice")
    OTHER = "other", _("Other invoice or ticket")


class VoucherRequirement(models.Model):
    """A voucher a line of this item type needs: any one of `kinds` satisfies it (e.g. "ticket
    or invoice"). A line needs every requirement of its item type, for its claim's category
    and for any category (empty)."""

    category = models.CharField(_("category"), max_length=20, choices=Category.choices,
                                blank=True, help_text=_("Empty means any category."))
    item_type = models.CharField(_("item"), max_length=20, choices=ItemType.choices)
    kinds = models.JSONField(_("any of these vouchers"), default=list)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("required voucher")
        verbose_name_plural = _("required vouchers")
        ordering = ["item_type", "category", "pk"]

    def __str__(self):
        return f"{self.get_item_type_display()} {self.category or '*'}: {self.kinds_display()}"

    def kinds_display(self) -> str:
        labels = dict(VoucherKind.choices)
        return str(_(" or ")).join(str(labels.get(k, k)) for k in self.kinds or [])


class ReceiptStatus(models.TextChoices):
    SUBMITTED = "submitted", _("To be checked")
    REJECTED = "rejected", _("Rejected by finance")


class Receipt(models.Model):
    """A voucher of one claim line: a file (a core attachment of the claim's request) and, for
    an invoice, its data. Finance may reject it with a reason (the claim goes back)."""

    claim = models.ForeignKey(ExpenseClaim, on_delete=models.CASCADE, related_name="receipts")
    line = models.ForeignKey(ExpenseLine, on_delete=models.CASCADE, related_name="receipts")
    attachment = models.ForeignKey("inbox.Attachment", on_delete=models.PROTECT,
                                   related_name="+")
    kind = models.CharField(_("voucher"), max_length=20, choices=VoucherKind.choices)
    sha256 = models.CharField(max_length=64)
    invoice_type = models.CharField(_("invoice type"), max_length=20,
                                    choices=InvoiceType.choices, blank=True)
    invoice_code = models.CharField(_("invoice code"), max_length=12, blank=True)
    invoice_number = models.CharField(_("invoice number"), max_length=20, blank=True)
    invoice_date = models.DateField(_("invoice date"), null=True, blank=True)
    invoice_amount = MoneyField(_("invoice amount"), null=True, blank=True)
    seller_name = models.CharField(_("seller"), max_length=200, blank=True)
    seller_code = models.CharField(_("seller's credit code"), max_length=18, blank=True)
    buyer_name = models.CharField(_("buyer"), max_length=200, blank=True)
    buyer_code = models.CharField(_("buyer's credit code"), max_length=18, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ReceiptStatus.choices,
                              default=ReceiptStatus.SUBMITTED)
    reject_reason = models.CharField(_("reason for rejection"), max_length=300, blank=True)
    duplicate_of = models.ForeignKey(
        ExpenseClaim, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("also used on"),
        help_text=_("Another claim already held this file or invoice when it was added."))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        ordering = ["line_id", "created", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.invoice_number or self.sha256[:12]}"

    @property
    def invoice_key(self) -> str:
        """What makes an invoice one invoice: type, code and number ("" when no number)."""
        if not (self.invoice_type and self.invoice_number):
            return ""
        return f"invoice:{self.invoice_type}:{self.invoice_code}:{self.invoice_number}"

    @property
    def file_key(self) -> str:
        return f"file:{self.sha256}"


class VoucherHold(models.Model):
    """A live claim's hold on a file (SHA-256) or an invoice (type + code + number): from
    submission until the claim is rejected or withdrawn (or finance rejects the receipt); a
    paid claim keeps it for good. The unique key lets exactly one claim hold each one, also
    when two claims are submitted at the same moment."""

    key = models.CharField(max_length=120, unique=True)
    claim = models.ForeignKey(ExpenseClaim, on_delete=models.CASCADE, related_name="holds")
    receipt = models.ForeignKey(Receipt, on_delete=models.CASCADE, related_name="holds")
    created = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.key} → {self.claim_id}"
