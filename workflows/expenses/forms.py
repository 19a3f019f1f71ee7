"""Forms parse and type the input; the services decide (standards, budget, splits)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import widgets
from core.forms import AmountField, BusinessDateField
from core.org.models import Department, Region, User

from .models import (
    MONTHS,
    QUARTERS,
    Budget,
    BudgetHold,
    BudgetState,
    Category,
    CityTier,
    ClaimState,
    InvoiceType,
    ItemType,
    TravelClass,
    VoucherKind,
)

MAX_LINES = 50


def _money(label, **kwargs):
    return AmountField(label=label, max_digits=14, decimal_places=2,
                              widget=widgets.NumberInput(attrs={"step": "0.01",
                                                                 "inputmode": "decimal"}),
                              **kwargs)


class ClaimForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"),
                                 choices=[("", "—")] + list(Category.choices))
    title = forms.CharField(label=_("Title"), max_length=200)
    expense_date = BusinessDateField(label=_("Expense date"), widget=widgets.DateInput(),
                                   help_text=_("Decides the month and quarter of the budget."))
    purpose = forms.CharField(label=_("Purpose"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))
    hold_id = forms.ModelChoiceField(
        label=_("Campaign budget"), required=False, empty_label=_("None"),
        queryset=BudgetHold.objects.filter(state=BudgetHold.State.HELD).order_by("-pk"),
        help_text=_("An approved campaign's budget line this claim uses first."))


class LineForm(forms.Form):
    date = BusinessDateField(label=_("Date"), widget=widgets.DateInput())
    item_type = forms.ChoiceField(label=_("Item"), choices=ItemType.choices,
                                  initial=ItemType.OTHER)
    description = forms.CharField(label=_("Description"), max_length=200)
    amount = _money(_("Amount"), min_value=0.01)
    city_tier = forms.ChoiceField(label=_("City tier"), required=False,
                                  choices=[("", _("Any / not applicable"))]
                                  + list(CityTier.choices))
    units = forms.IntegerField(label=_("Nights / days / guests"), min_value=1, max_value=999,
                               initial=1)
    travel_class = forms.ChoiceField(label=_("Travel class"), required=False,
                                     choices=[("", _("Not applicable"))]
                                     + list(TravelClass.choices))

    def has_changed(self):
        # A row is blank (and skipped) when nothing a person types is filled in; the default
        # item and units alone do not make a line.
        return any(str(self[name].value() or "").strip()
                   for name in ("date", "description", "amount"))


class BaseLineFormSet(forms.BaseFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.empty_permitted = True  # blank rows are skipped; the service wants at least one
        # The saved line a row edits (a hidden input the template adds): editing keeps the
        # line, and its receipts, instead of replacing it.
        raw = (self.data.get(f"{form.prefix}-line_id") if self.is_bound
               else (form.initial or {}).get("line_id"))
        form.line_id = str(raw) if str(raw or "").isdigit() else ""
        return form

    def lines(self) -> tuple[list[dict], list[int]]:
        """The filled, undeleted rows as the service takes them, and each one's form index."""
        rows, index = [], []
        for i, form in enumerate(self.forms):
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            rows.append({k: data[k] for k in ("date", "item_type", "description", "amount",
                                              "city_tier", "units", "travel_class")})
            if form.line_id:
                rows[-1]["id"] = form.line_id
            index.append(i)
        return rows, index


def line_formset(data=None, *, initial=None, extra: int = 2):
    cls = forms.formset_factory(LineForm, formset=BaseLineFormSet, extra=extra,
                                can_delete=True, max_num=MAX_LINES, validate_max=True,
                                absolute_max=MAX_LINES)
    return cls(data, initial=initial, prefix="lines")


class ReceiptForm(forms.Form):
    """A voucher for one line; the invoice fields when it is (or carries) an invoice."""

    line = forms.TypedChoiceField(label=_("Line"), coerce=int)
    kind = forms.ChoiceField(label=pgettext_lazy("receipt", "Voucher"),
                             choices=VoucherKind.choices)
    file = forms.FileField(label=_("File (PDF, JPEG or PNG, at most 10 MB)"),
                           widget=forms.ClearableFileInput(attrs={
                               "accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,"
                                         "image/png"}))
    invoice_type = forms.ChoiceField(label=_("Invoice type"), required=False,
                                     choices=[("", _("Not an invoice"))]
                                     + list(InvoiceType.choices))
    invoice_code = forms.CharField(label=_("Invoice code"), required=False, max_length=20,
                                   help_text=_("10 or 12 digits; none on a fully digital "
                                               "invoice."))
    invoice_number = forms.CharField(label=_("Invoice number"), required=False, max_length=30,
                                     help_text=_("20 digits on a fully digital invoice, 8 on "
                                                 "the older ones."))
    invoice_date = BusinessDateField(label=_("Invoice date"), required=False,
                                   widget=widgets.DateInput())
    invoice_amount = _money(_("Invoice amount (tax included)"), required=False, min_value=0.01)
    seller_name = forms.CharField(label=_("Seller"), required=False, max_length=200)
    seller_code = forms.CharField(label=_("Seller's credit code"), required=False,
                                  max_length=30)
    buyer_name = forms.CharField(label=_("Buyer"), required=False, max_length=200)
    buyer_code = forms.CharField(label=_("Buyer's credit code"), required=False,
                                 max_length=30)

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].choices = [
            (line.pk, f"{i}. {line.date:%Y-%m-%d} {line.get_item_type_display()} · "
                      f"{line.description}") for i, line in enumerate(lines, start=1)]

    def invoice(self) -> dict:
        d = self.cleaned_data
        return {k: d.get(k) or ("" if k not in ("invoice_date", "invoice_amount") else None)
                for k in ("invoice_type", "invoice_code", "invoice_number", "invoice_date",
                          "invoice_amount", "seller_name", "seller_code", "buyer_name",
                          "buyer_code")}


class RejectReceiptForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300,
                             error_messages={"required": _("A reason is required.")})


class ResubmitForm(forms.Form):
    comment = forms.CharField(label=_("What did you change?"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class ReduceLineForm(forms.Form):
    amount = _money(_("Reduce to"), min_value=0)
    reason = forms.CharField(label=_("Reason"), max_length=200,
                             error_messages={"required": _("A reason is required.")})


class ClaimFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("All"))] + list(ClaimState.choices))
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("All"))] + list(Category.choices))
    submitter = forms.CharField(label=_("Submitter"), required=False, max_length=150,
                                help_text=_("Username"))
    month = forms.DateField(label=_("Month"), required=False, input_formats=["%Y-%m"],
                            widget=widgets.MonthInput())


# --- budgets --------------------------------------------------------------------------------

AMOUNT_FIELDS = ["total", *[f"q{q}" for q in QUARTERS], *[f"m{m}" for m in MONTHS]]


class SplitForm(forms.Form):
    """The annual total, its four quarters and twelve months (checked by the service)."""

    total = _money(_("Annual total"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for q in QUARTERS:
            self.fields[f"q{q}"] = _money(Budget._meta.get_field(f"q{q}").verbose_name,
                                          required=False)
        for m in MONTHS:
            label = Budget._meta.get_field(f"m{m}").verbose_name
            self.fields[f"m{m}"] = _money(label, required=False)

    def amounts(self) -> dict:
        """What the service takes; an empty cell is 0 (the split check then names it)."""
        d = self.cleaned_data
        return {
            "total": d["total"],
            "quarters": [d.get(f"q{q}") or 0 for q in QUARTERS],
            "months": [d.get(f"m{m}") or 0 for m in MONTHS],
        }


class BudgetCreateForm(SplitForm):
    fiscal_year = forms.IntegerField(label=_("Fiscal year"), min_value=2000, max_value=2100)
    department = forms.ModelChoiceField(label=_("Department"),
                                        queryset=Department.objects.order_by("code"))
    region = forms.ModelChoiceField(label=_("Region"), required=False,
                                    queryset=Region.objects.order_by("code"),
                                    empty_label=_("The whole department"),
                                    help_text=_("A region's budget: campaigns of that region "
                                                "reserve on it."))
    category = forms.ChoiceField(label=_("Category"),
                                 choices=[("", "—")] + list(Category.choices))
    owner = forms.ModelChoiceField(label=_("Budget owner"), required=False,
                                   queryset=User.objects.filter(is_active=True)
                                   .order_by("username"),
                                   help_text=_("Warned at 80 % and 100 %; you if empty."))

    field_order = ["fiscal_year", "department", "region", "category", "owner", "total"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].initial = timezone.localdate().year


class BudgetAdjustForm(SplitForm):
    reason = forms.CharField(label=_("Reason for the change"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("A reason is required.")})


class BudgetFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("All"))] + list(Category.choices))
    department = forms.ModelChoiceField(label=_("Department"), required=False,
                                        queryset=Department.objects.order_by("code"),
                                        empty_label=_("All"))
    region = forms.ModelChoiceField(label=_("Region"), required=False,
                                    queryset=Region.objects.order_by("code"),
                                    empty_label=_("All"))
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("All"))] + list(BudgetState.choices))


class MonitorFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    department = forms.ModelChoiceField(label=_("Department"), required=False,
                                        queryset=Department.objects.order_by("code"),
                                        empty_label=_("All"))
    region = forms.ModelChoiceField(label=_("Region"), required=False,
                                    queryset=Region.objects.order_by("code"),
                                    empty_label=_("All"))
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("All"))] + list(Category.choices))
