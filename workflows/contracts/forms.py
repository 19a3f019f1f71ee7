"""Forms parse and type the input; the services decide (credit check, states, who may act)."""

from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core import widgets
from core.forms import AmountField, BusinessDateField
from core.org.models import Region, Role, User

from .models import (
    Contract,
    ContractLine,
    ContractState,
    Customer,
    Interaction,
    Milestone,
    Product,
    Rating,
    ValueClass,
)
from .rules import line_value, uscc_error

MAX_MONEY = 10**12


def _label(model, name):
    """The model field's own (translated) name, so the pages and the admin use one word."""
    return capfirst(model._meta.get_field(name).verbose_name)


def _money(label, **kwargs):
    return AmountField(label=label, max_digits=14, decimal_places=2,
                              max_value=MAX_MONEY - 1,
                              widget=widgets.NumberInput(attrs={"step": "0.01",
                                                                "inputmode": "decimal"}),
                              **kwargs)


def _text(label, *, rows=3, required=False, max_length=4000, **kwargs):
    return forms.CharField(label=label, required=required, max_length=max_length,
                           widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class PersonField(forms.ModelChoiceField):
    """Active people who can act (auditors only read), shown with their username."""

    def __init__(self, **kwargs):
        super().__init__(queryset=User.objects.filter(is_active=True).exclude(
            role_assignments__role=Role.AUDITOR).order_by("username"), **kwargs)

    def label_from_instance(self, obj):
        return f"{obj} ({obj.username})"


class ContractFieldsForm(forms.Form):
    """The fields a contract's owner types (an edit, an amendment). With product lines (the
    pages) the value is their total and the field goes; a post without lines (a script from
    before products) still gives the value, which becomes one "unspecified" line."""

    title = forms.CharField(label=_label(Contract, "title"), max_length=200)
    value = _money(_("Value (CNY)"), min_value=0.01)

    def __init__(self, *args, with_lines: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_lines:
            del self.fields["value"]
    payment_terms_days = forms.IntegerField(
        label=_label(Contract, "payment_terms_days"), min_value=0, max_value=3650,
        help_text=_("Days after invoice; the customer's rating allows a maximum."))
    delivery_terms = _text(_label(Contract, "delivery_terms"))
    key_clauses = _text(_label(Contract, "key_clauses"), rows=4)


class ContractForm(ContractFieldsForm):
    """A new contract: the customer is one of those the user may see."""

    # Choosing a customer shows its credit position at once, in place (contract_form.html
    # fetches the "Check credit" answer); without JavaScript the button does it.
    customer = forms.ModelChoiceField(
        label=_label(Contract, "customer"), queryset=None, empty_label="—",
        widget=forms.Select(attrs={"data-check-credit": ""}))

    field_order = ["customer", "title", "value", "payment_terms_days", "delivery_terms",
                   "key_clauses"]

    def __init__(self, *args, customers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["customer"].queryset = customers


class AmendForm(ContractFieldsForm):
    reason = _text(_("Reason for the amendment"), rows=2, required=True, max_length=2000,
                   error_messages={"required": _("A reason is required.")})

    field_order = ["reason", "title", "value", "payment_terms_days", "delivery_terms",
                   "key_clauses"]


class ProductSelect(forms.Select):
    """Each option carries its list price, so the page can show a line's value as it is typed
    (static/js/contract_lines.js); the server computes it again."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-price"] = str(instance.list_price)
        return option


class ProductChoiceField(forms.ModelChoiceField):
    widget = ProductSelect

    def label_from_instance(self, obj):
        return f"{obj.code} · {obj.name} ({obj.unit_name})"


class LineForm(forms.Form):
    product = ProductChoiceField(label=_label(ContractLine, "product"), queryset=None,
                                 empty_label="—")
    quantity = AmountField(
        label=_label(ContractLine, "quantity"), max_digits=12, decimal_places=3,
        min_value=Decimal("0.001"),
        widget=widgets.NumberInput(attrs={"step": "any", "inputmode": "decimal"}))
    unit_price = _money(_("Unit price (CNY)"), required=False, min_value=0,
                        help_text=_("The list price, if empty."))
    discount = AmountField(
        label=_("Discount (%)"), max_digits=5, decimal_places=2, min_value=0, max_value=100,
        required=False, widget=widgets.NumberInput(attrs={"step": "0.01",
                                                          "inputmode": "decimal"}))

    def __init__(self, *args, products=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products if products is not None else line_products()

    def has_changed(self):
        # A row is blank (and skipped) when none of its fields is typed in.
        return any(str(self[name].value() or "").strip()
                   for name in ("product", "quantity", "unit_price", "discount"))

    def typed_value(self) -> Decimal | None:
        """The line's value as typed (shown beside it), when it can be computed."""
        data = getattr(self, "cleaned_data", None) or {}
        product, quantity = data.get("product"), data.get("quantity")
        if not product or quantity is None or data.get("DELETE"):
            return None
        price = data.get("unit_price")
        return line_value(quantity=quantity,
                          unit_price=product.list_price if price is None else price,
                          discount=data.get("discount") or Decimal(0))


class BaseLineFormSet(forms.BaseFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.empty_permitted = True  # blank rows are skipped; the service wants at least one
        return form

    def lines(self) -> tuple[list[dict], list[int]]:
        """The filled, undeleted rows as the service takes them, and each one's form index."""
        rows, index = [], []
        for i, form in enumerate(self.forms):
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            rows.append({"product": data["product"], "quantity": data["quantity"],
                         "unit_price": data.get("unit_price"),
                         "discount": data.get("discount") or Decimal(0)})
            index.append(i)
        return rows, index

    def typed_total(self) -> Decimal | None:
        values = [f.typed_value() for f in self.forms if f.has_changed()]
        if not values or None in values:
            return None
        return sum(values, Decimal("0.00"))


MAX_LINES = 100


def line_products(current=()):
    """Active products, and any already on the version (a retired one may stay)."""
    return Product.objects.filter(
        Q(active=True) | Q(pk__in=[line.product_id for line in current])).order_by(
        "category", "code")


def line_formset(data=None, *, initial=None, products, extra: int = 2):
    cls = forms.formset_factory(LineForm, formset=BaseLineFormSet, extra=extra,
                                can_delete=True, max_num=MAX_LINES, validate_max=True,
                                absolute_max=MAX_LINES)
    return cls(data, initial=initial, prefix="lines", form_kwargs={"products": products})


def line_initial(lines) -> list[dict]:
    return [{"product": line.product_id, "quantity": format(line.quantity.normalize(), "f"),
             "unit_price": line.unit_price, "discount": line.discount or None}
            for line in lines]


class ResubmitForm(forms.Form):
    comment = _text(_("What did you change?"), rows=2, max_length=2000)


class ContractFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("All"))] + list(ContractState.choices))
    region = forms.ModelChoiceField(label=_("Region"), required=False,
                                    queryset=Region.objects.order_by("code"),
                                    empty_label=_("All"))
    customer = forms.CharField(label=_("Customer"), required=False, max_length=100,
                               widget=forms.TextInput(
                                   attrs={"placeholder": _("Name or credit code")}))
    breach = forms.ChoiceField(label=_("Credit check"), required=False,
                               choices=[("", _("All")), ("yes", _("Credit breach")),
                                        ("no", _("Within credit"))])


# --- customers ------------------------------------------------------------------------------


class CustomerForm(forms.Form):
    name = forms.CharField(label=_label(Customer, "name"), max_length=200)
    credit_code = forms.CharField(
        label=_label(Customer, "credit_code"), max_length=30,
        help_text=_("18 characters; the last one is a check character."))
    region = forms.ModelChoiceField(label=_label(Customer, "region"),
                                    queryset=Region.objects.order_by("code"), empty_label="—")
    rating = forms.ChoiceField(label=_label(Customer, "rating"), choices=Rating.choices,
                               initial=Rating.B)
    account_owner = PersonField(label=_label(Customer, "account_owner"), required=False,
                                help_text=_("You, if empty."))
    contacts = _text(_label(Customer, "contacts"), rows=2, max_length=2000)

    def __init__(self, *args, may_rate: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_rate:  # finance assesses credit; others open the account at rating B
            self.fields["rating"].disabled = True
            self.fields["rating"].help_text = _("Finance assesses credit; new customers start "
                                                "at B.")

    def clean_credit_code(self):
        code = self.cleaned_data["credit_code"].strip().upper()
        problem = uscc_error(code)
        if problem:
            raise forms.ValidationError(problem)
        return code


class CustomerFilterForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), required=False,
                                    queryset=Region.objects.order_by("code"),
                                    empty_label=_("All"))
    rating = forms.ChoiceField(label=_("Credit rating"), required=False,
                               choices=[("", _("All"))] + list(Rating.choices))
    value_class = forms.ChoiceField(label=_("Customer class"), required=False,
                                    choices=[("", _("All"))] + list(ValueClass.choices))
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"placeholder": _("Name or credit code")}))


class LimitRequestForm(forms.Form):
    new_limit = _money(_("New credit limit (CNY)"), min_value=0)
    reason = _text(_("Reason"), rows=2, required=True, max_length=2000,
                   error_messages={"required": _("A reason is required.")})


class InteractionForm(forms.Form):
    kind = forms.ChoiceField(label=_label(Interaction, "kind"), choices=Interaction.Kind.choices)
    date = BusinessDateField(label=_label(Interaction, "date"), widget=widgets.DateInput())
    note = _text(_label(Interaction, "note"), rows=2, required=True)
    next_action_date = BusinessDateField(label=_label(Interaction, "next_action_date"),
                                         required=False, widget=widgets.DateInput())


class LimitDecideForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000)


# --- execution ------------------------------------------------------------------------------


class MilestoneForm(forms.Form):
    kind = forms.ChoiceField(label=_label(Milestone, "kind"), choices=Milestone.Kind.choices)
    amount = _money(_("Amount (CNY)"), min_value=0)
    due_date = BusinessDateField(label=_label(Milestone, "due_date"), widget=widgets.DateInput())
    note = forms.CharField(label=_label(Milestone, "note"), required=False, max_length=200)


class MilestoneDoneForm(forms.Form):
    done_date = BusinessDateField(label=_("Done on"), required=False,
                                widget=widgets.DateInput(), help_text=_("Today, if empty."))


class ProblemForm(forms.Form):
    description = _text(_("Description"), rows=2, required=True)
    assignee = PersonField(label=_("Assignee"), empty_label="—")


class ResolveForm(forms.Form):
    resolution = _text(_("Resolution"), rows=2, required=True)
