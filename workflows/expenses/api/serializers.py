"""What the expenses API shows and accepts. Output serializers read rows the views prepared;
input serializers parse and bound values, and the services decide."""

import re
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.fields import BusinessDateField, department_from, region_from
from core.api.serializers import (
    MAX_ID,
    HistoryEventSerializer,
    PersonSerializer,
    money_field,
    text_field,
)
from core.money import DEFAULT_CURRENCY

from ..models import (
    Category,
    CityTier,
    ClaimState,
    InvoiceType,
    ItemType,
    ReceiptStatus,
    TravelClass,
    VoucherKind,
)
from ..models import OverStandard as OnExcess
from ..selectors import CLAIM_ACTIONS
from .common import LINE_LIMIT

# A plain string with the values listed: a `state` enum per resource would collide in the schema.
CLAIM_STATES = ", ".join(ClaimState.values)
KINDS = ", ".join(VoucherKind.values)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def currency_field():
    return serializers.CharField(default=DEFAULT_CURRENCY, read_only=True)


@extend_schema_field({"type": "string", "format": "decimal", "pattern": r"^-?\d{1,12}(\.\d+)?$",
                      "example": "1234.50"})
class AmountField(serializers.Field):
    """Passes the value through; the budget serializers' `validate` parses it under the field
    name the budget services use (total, q1..q4, m1..m12)."""

    def to_internal_value(self, data):
        return data

    def to_representation(self, value):
        return str(value)


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string"}],
                      "description": "A department id or code (e.g. sales)."})
class DepartmentRefField(serializers.Field):
    def to_internal_value(self, data):
        return department_from(data)

    def to_representation(self, value):
        return value.pk


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string"}],
                      "description": "A sales region id or code (e.g. east)."})
class BudgetRegionRefField(serializers.Field):
    def to_internal_value(self, data):
        return region_from(data)

    def to_representation(self, value):
        return value.pk


class BudgetRegionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


class DepartmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


# --- claims ----------------------------------------------------------------------------------


class LineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    date = BusinessDateField()
    item_type = serializers.ChoiceField(choices=ItemType.choices)
    description = serializers.CharField()
    amount = money_field()
    city_tier = serializers.CharField(help_text=", ".join(CityTier.values) + " or empty")
    units = serializers.IntegerField()
    travel_class = serializers.CharField(
        help_text=", ".join(TravelClass.values) + " or empty")
    allowed_class = serializers.CharField(
        help_text=_("The highest class the standard allows, or empty."))
    cap = money_field(allow_null=True)
    excess = money_field()
    approved_amount = money_field(allow_null=True)
    reduction_reason = serializers.CharField()


class ClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    title = serializers.CharField()
    category = serializers.ChoiceField(choices=Category.choices)
    purpose = serializers.CharField()
    expense_date = BusinessDateField()
    state = serializers.CharField(help_text=CLAIM_STATES)
    total = money_field()
    approved_total = money_field(allow_null=True)
    currency = serializers.CharField()
    over_budget = serializers.BooleanField()
    over_standard = serializers.BooleanField()
    submitter = PersonSerializer()
    request_id = serializers.IntegerField(source="request_pk", allow_null=True)
    hold = serializers.IntegerField(
        source="hold_id", allow_null=True,
        help_text=_("The campaign budget line (budget hold) the claim draws on first."))
    submitted_at = serializers.DateTimeField(allow_null=True)
    paid_at = serializers.DateTimeField(allow_null=True)
    payment_reference = serializers.CharField()
    lines = LineSerializer(many=True, source="lines.all")


class RemainingSerializer(serializers.Serializer):
    month = money_field()
    quarter = money_field()


class LineVouchersSerializer(serializers.Serializer):
    line = serializers.IntegerField(source="line.pk", help_text=_("The line's id."))
    required = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(help_text=KINDS)),
        help_text=_("The vouchers the line's item needs; each entry lists alternatives (any "
                    "one will do)."))
    missing = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(help_text=KINDS)),
        help_text=_("The entries of `required` no receipt of the line satisfies yet."))
    invoiced = money_field(allow_null=True,
                           help_text=_("The total of the line's invoices; null without one."))


class ClaimDetailSerializer(ClaimSerializer):
    remaining_budget = RemainingSerializer(
        help_text=_("What is left of the budget for the claim's category, month and quarter."))
    history = HistoryEventSerializer(many=True)
    available_actions = serializers.ListField(
        child=serializers.ChoiceField(choices=CLAIM_ACTIONS),
        help_text=_("What you may do now (the same rule as the claim page); review decisions "
                    "are tasks (/api/tasks/)."))
    vouchers = LineVouchersSerializer(
        many=True, help_text=_("Per line, in entry order: the vouchers required and still "
                               "missing. Submitting refuses a line that misses any (field "
                               "`lines.<i>.vouchers`)."))


class LineInputSerializer(serializers.Serializer):
    id = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID,
        help_text=_("The id of one of the claim's lines, to edit it and keep its receipts; "
                    "without it the line is new (a line not given again is deleted with its "
                    "receipts)."))
    date = BusinessDateField()
    item_type = serializers.ChoiceField(choices=ItemType.choices, default=ItemType.OTHER)
    description = serializers.CharField(max_length=200)
    amount = money_field(max_value=LINE_LIMIT - 1, min_value=0)
    city_tier = serializers.ChoiceField(choices=CityTier.choices, allow_blank=True, default="")
    units = serializers.IntegerField(min_value=1, max_value=999, default=1)
    travel_class = serializers.ChoiceField(choices=TravelClass.choices, allow_blank=True,
                                           default="")


class ClaimCreateSerializer(serializers.Serializer):
    """Only these fields are read: number, state, totals and the submitter are the system's."""

    category = serializers.ChoiceField(choices=Category.choices)
    title = serializers.CharField(max_length=200)
    purpose = text_field(default="", allow_blank=True)
    expense_date = BusinessDateField()
    # A ListField (not many=True) keeps errors flat: "lines" or "lines.0.amount". Empty or too
    # many lines are refused by the service under "lines".
    lines = serializers.ListField(child=LineInputSerializer())
    hold = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, allow_null=True, required=False,
        help_text=_("An approved campaign's budget line (budget hold) to draw on first; "
                    "null for none."))


class ClaimUpdateSerializer(serializers.Serializer):
    """Any subset; `lines`, when given, replaces every line."""

    category = serializers.ChoiceField(choices=Category.choices, required=False)
    title = serializers.CharField(max_length=200, required=False)
    purpose = text_field(required=False, allow_blank=True)
    expense_date = BusinessDateField(required=False)
    lines = serializers.ListField(child=LineInputSerializer(), required=False)
    hold = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, allow_null=True, required=False,
        help_text=_("An approved campaign's budget line (budget hold) to draw on first; "
                    "null for none."))


class ClaimQuerySerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=ClaimState.choices, required=False)
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    submitter = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False,
                                         help_text=_("A user id."))
    month = serializers.CharField(required=False, max_length=7,
                                  help_text=_("The expense month, YYYY-MM."))
    mine = serializers.BooleanField(default=False)

    def validate_month(self, value):
        match = _MONTH.match(value.strip())
        if not match or not (1 <= int(match[2]) <= 12) or not (1900 <= int(match[1]) <= 9998):
            raise serializers.ValidationError(_("Use the form YYYY-MM, e.g. 2026-03."))
        year, month = int(match[1]), int(match[2])
        end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return date(year, month, 1), end


class ReduceSerializer(serializers.Serializer):
    amount = money_field(min_value=0, max_value=LINE_LIMIT - 1)
    reason = serializers.CharField(max_length=200)


# --- attachments -----------------------------------------------------------------------------


class AttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    size = serializers.IntegerField()
    content_type = serializers.CharField()
    sha256 = serializers.CharField()
    uploaded_by = PersonSerializer()
    created = serializers.DateTimeField()
    url = serializers.SerializerMethodField()

    def get_url(self, att) -> str:
        path = reverse("expenses-api:claim-attachment",
                       kwargs={"pk": self.context["claim_id"], "att_id": att.pk})
        return self.context["request"].build_absolute_uri(path)


class AttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=_("A PDF, JPEG or PNG (by content), at most 10 MB."))


# --- receipts (vouchers of a line) ---------------------------------------------------------


class CheckSerializer(serializers.Serializer):
    label = serializers.CharField()
    ok = serializers.BooleanField()
    detail = serializers.CharField()


class ReceiptSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    line = serializers.IntegerField(source="line_id")
    kind = serializers.CharField(help_text=KINDS)
    status = serializers.CharField(help_text=", ".join(ReceiptStatus.values))
    reject_reason = serializers.CharField()
    attachment = serializers.IntegerField(source="attachment_id",
                                          help_text=_("The file: …/attachments/<id>/."))
    name = serializers.CharField(source="attachment.original_name")
    content_type = serializers.CharField(source="attachment.content_type")
    sha256 = serializers.CharField()
    invoice_type = serializers.CharField(help_text=", ".join(InvoiceType.values) + " or empty")
    invoice_code = serializers.CharField()
    invoice_number = serializers.CharField()
    invoice_date = serializers.DateField(allow_null=True, read_only=True)
    invoice_amount = money_field(allow_null=True)
    seller_name = serializers.CharField()
    seller_code = serializers.CharField()
    buyer_name = serializers.CharField()
    buyer_code = serializers.CharField()
    duplicate_of = serializers.CharField(
        allow_null=True, help_text=_("For finance, auditors and administrators: the number of "
                                     "another claim that held this file or invoice when it was "
                                     "added; null otherwise."))
    checks = CheckSerializer(many=True, help_text=_(
        "For finance, auditors and administrators: the checks on this receipt."))


class ReceiptUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=_("A PDF, JPEG or PNG (by content), at most 10 MB."))
    line = serializers.IntegerField(min_value=1, max_value=MAX_ID,
                                    help_text=_("The id of the claim's line."))
    # A string, not an enum: "kind" names other choice sets elsewhere in the schema.
    kind = serializers.RegexField(rf"^({'|'.join(VoucherKind.values)})$", help_text=KINDS)
    invoice_type = serializers.ChoiceField(choices=InvoiceType.choices, required=False,
                                           allow_blank=True, default="")
    invoice_code = serializers.CharField(required=False, allow_blank=True, default="",
                                         max_length=20)
    invoice_number = serializers.CharField(required=False, allow_blank=True, default="",
                                           max_length=30)
    invoice_date = BusinessDateField(required=False, allow_null=True, default=None)
    invoice_amount = money_field(required=False, allow_null=True, default=None,
                                 min_value=0, max_value=LINE_LIMIT - 1)
    seller_name = serializers.CharField(required=False, allow_blank=True, default="",
                                        max_length=200)
    seller_code = serializers.CharField(required=False, allow_blank=True, default="",
                                        max_length=30)
    buyer_name = serializers.CharField(required=False, allow_blank=True, default="",
                                       max_length=200)
    buyer_code = serializers.CharField(required=False, allow_blank=True, default="",
                                       max_length=30)


class RejectReceiptSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


# --- standards ----------------------------------------------------------------------------


class StandardSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    item_type = serializers.ChoiceField(choices=ItemType.choices)
    city_tier = serializers.CharField(help_text=", ".join(CityTier.values) + " or empty (any)")
    min_grade = serializers.IntegerField()
    max_grade = serializers.IntegerField()
    cap = money_field(allow_null=True)
    max_travel_class = serializers.CharField(
        help_text=", ".join(TravelClass.values) + " or empty (no class limit)")
    currency = currency_field()
    on_excess = serializers.ChoiceField(choices=OnExcess.choices)
    note = serializers.CharField()
