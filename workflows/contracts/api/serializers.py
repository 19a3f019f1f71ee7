"""What the contracts API shows and accepts for contracts, versions and attachments. Output
serializers read rows the views prepared; input serializers parse and bound values, and the
services decide."""

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

from core.api.fields import AmountField, BusinessDateField, region_from
from core.api.serializers import (
    MAX_ID,
    HistoryEventSerializer,
    PersonSerializer,
    UserRefField,
    money_field,
    text_field,
)

from ..models import ContractState, Milestone
from ..selectors import CONTRACT_ACTIONS, visible_customers

# MoneyField holds 14 digits, 12 before the point: bigger amounts are refused as input rather
# than overflowing the column.
MAX_AMOUNT = Decimal("999999999999.99")
# A plain string with the values listed: a `state` enum per resource would collide in the schema.
CONTRACT_STATES = ", ".join(ContractState.values)


class StrictBooleanField(serializers.BooleanField):
    """A boolean that must be sent: a form post that leaves it out is refused, not read as
    false (DRF's default for HTML input)."""

    default_empty_html = empty


class _AsSent:
    """A query parameter read as sent. DRF reads a blank form value as absent, so `?customer=`
    would list everything although the schema says integer: here it is refused instead."""

    def get_value(self, dictionary):
        return dictionary.get(self.field_name, empty)


class QueryIntegerField(_AsSent, serializers.IntegerField):
    pass


class QueryBooleanField(_AsSent, serializers.BooleanField):
    pass


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string"}],
                      "description": "A region id or code (e.g. east)."})
class RegionRefField(serializers.Field):
    def to_internal_value(self, data):
        return region_from(data)

    def to_representation(self, value):
        return value.pk


@extend_schema_field({"type": "integer", "description": "A customer id you may see."})
class CustomerRefField(serializers.Field):
    """A customer visible to the requesting user (context "user"); any other id is unknown."""

    default_error_messages = {"missing": _("No customer with this id.")}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("missing")
        text = str(data).strip()
        if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= MAX_ID:
            self.fail("missing")
        customer = visible_customers(self.context["user"]).filter(pk=int(text)).first()
        if customer is None:
            self.fail("missing")
        return customer

    def to_representation(self, value):
        return value.pk


class CustomerRegionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


class CustomerRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


# --- contracts -------------------------------------------------------------------------------


class ContractSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(help_text=_("Empty until the contract is submitted."))
    version = serializers.IntegerField()
    title = serializers.CharField()
    customer = CustomerRefSerializer()
    value = money_field()
    currency = serializers.CharField()
    payment_terms_days = serializers.IntegerField()
    state = serializers.CharField(help_text=CONTRACT_STATES)
    state_label = serializers.CharField(source="get_state_display")
    credit_breach = serializers.BooleanField()
    owner = PersonSerializer()
    created = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    signed_at = serializers.DateTimeField(allow_null=True)
    request_id = serializers.IntegerField(source="request_pk", allow_null=True)


class CreditCheckSerializer(serializers.Serializer):
    value = money_field()
    open_receivables = money_field()
    credit_limit = money_field()
    exposure = money_field(help_text=_("Value plus open receivables."))
    payment_terms = serializers.IntegerField()
    allowed_terms = serializers.IntegerField(help_text=_("Days the customer's rating allows."))
    breach = serializers.BooleanField()
    reasons = serializers.ListField(child=serializers.CharField())


class ContractVersionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    state = serializers.CharField(help_text=CONTRACT_STATES)


class MilestoneSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    contract = serializers.IntegerField(source="contract_id")
    kind = serializers.ChoiceField(choices=Milestone.Kind.choices)
    amount = money_field()
    currency = serializers.CharField(source="contract.currency")
    due_date = BusinessDateField()
    done_date = BusinessDateField(allow_null=True)
    note = serializers.CharField()


class ExecutionProblemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    contract = serializers.IntegerField(source="contract_id")
    description = serializers.CharField()
    raised_by = PersonSerializer()
    assignee = PersonSerializer()
    resolution = serializers.CharField()
    resolved = serializers.SerializerMethodField()
    resolved_at = serializers.DateTimeField(allow_null=True)
    created = serializers.DateTimeField()

    def get_resolved(self, problem) -> bool:
        return problem.resolved_at is not None


class ProductSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField(help_text=_("In the language asked for (Accept-Language)."))
    name_zh = serializers.CharField()
    name_en = serializers.CharField()
    category = serializers.CharField()
    unit = serializers.CharField(help_text=_("As the catalogue writes it (Chinese)."))
    unit_en = serializers.CharField()
    unit_name = serializers.CharField(help_text=_("In the language asked for (Accept-Language)."))
    list_price = money_field()
    currency = serializers.CharField()
    active = serializers.BooleanField()


class ProductQuerySerializer(serializers.Serializer):
    category = serializers.CharField(required=False, max_length=60)
    active = QueryBooleanField(required=False,
                               help_text=_("Only active (true) or retired (false) products."))
    q = serializers.CharField(required=False, max_length=100,
                              help_text=_("Part of the code or a name."))


class ContractLineProductSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    unit = serializers.CharField()
    unit_name = serializers.CharField(help_text=_("In the language asked for (Accept-Language)."))


class ContractLineSerializer(serializers.Serializer):
    product = ContractLineProductSerializer()
    quantity = serializers.DecimalField(max_digits=12, decimal_places=3, read_only=True)
    unit_price = money_field()
    discount = serializers.DecimalField(max_digits=5, decimal_places=2, read_only=True,
                                        help_text=_("Percent off (0 to 100)."))
    value = money_field(help_text=_("Quantity × unit price less the discount."))


class ContractLineInputSerializer(serializers.Serializer):
    product = serializers.CharField(
        max_length=40, help_text=_("An active product's id or code (GET "
                                   "/api/contracts/products/)."))
    quantity = AmountField(max_digits=12, decimal_places=3, min_value=Decimal("0.001"))
    unit_price = money_field(required=False, allow_null=True, min_value=0,
                             max_value=MAX_AMOUNT,
                             help_text=_("The list price when left out."))
    discount = AmountField(max_digits=5, decimal_places=2, min_value=0, max_value=100,
                           default=Decimal("0"), help_text=_("Percent off (0 to 100)."))


class ContractDetailSerializer(ContractSerializer):
    previous = serializers.IntegerField(source="previous_id", allow_null=True,
                                        help_text=_("The version this one amends."))
    delivery_terms = serializers.CharField()
    key_clauses = serializers.CharField()
    lines = ContractLineSerializer(many=True, source="line_rows",
                                   help_text=_("Product lines; their values add up to `value`."))
    credit_check = serializers.SerializerMethodField()
    versions = ContractVersionSerializer(many=True, source="version_rows",
                                 help_text=_("Every version you may see, oldest first."))
    milestones = MilestoneSerializer(many=True, source="milestone_rows")
    problems = ExecutionProblemSerializer(many=True, source="problem_rows")
    history = HistoryEventSerializer(many=True)
    available_actions = serializers.ListField(
        child=serializers.ChoiceField(choices=CONTRACT_ACTIONS),
        help_text=_("What you may do now; review decisions are tasks (/api/tasks/)."))

    @extend_schema_field(CreditCheckSerializer(allow_null=True))
    def get_credit_check(self, contract):
        # Made at submission and again at the finance review; a draft has none yet.
        return CreditCheckSerializer(contract.credit_check).data if contract.credit_check else None


def _value_field(**kwargs):
    return money_field(min_value=Decimal("0.01"), max_value=MAX_AMOUNT, **kwargs)


def _terms_field(**kwargs):
    return serializers.IntegerField(min_value=0, max_value=3650, **kwargs)


class ContractCreateSerializer(serializers.Serializer):
    """Only these fields are read: number, version, state, owner and the credit check are the
    system's. Needs the context {"user"}."""

    customer = CustomerRefField()
    title = serializers.CharField(max_length=200)
    value = _value_field(required=False, help_text=_(
        "Without `lines`: the value (one “unspecified” line). With `lines`: left out, or "
        "their total."))
    # A ListField keeps errors flat ("lines.0.quantity"); the service refuses an empty list.
    lines = serializers.ListField(
        child=ContractLineInputSerializer(), required=False, max_length=100,
        help_text=_("Product lines; the value is their total. Without lines, `value` makes "
                    "one line of the “unspecified” product."))
    payment_terms_days = _terms_field(default=30)
    delivery_terms = text_field(default="", allow_blank=True)
    key_clauses = text_field(default="", allow_blank=True)


class ContractUpdateSerializer(serializers.Serializer):
    """Any subset of the editable fields (the customer stays)."""

    title = serializers.CharField(max_length=200, required=False)
    value = _value_field(required=False, help_text=_(
        "Re-prices a contract whose only line is “unspecified”; otherwise send `lines`."))
    # A ListField keeps errors flat ("lines.0.quantity"); the service refuses an empty list.
    lines = serializers.ListField(
        child=ContractLineInputSerializer(), required=False, max_length=100,
        help_text=_("Replaces every line; the value is their total. Without lines, `value` makes "
                    "one line of the “unspecified” product."))
    payment_terms_days = _terms_field(required=False)
    delivery_terms = text_field(required=False, allow_blank=True)
    key_clauses = text_field(required=False, allow_blank=True)


class ContractAmendSerializer(ContractUpdateSerializer):
    reason = text_field(help_text=_("Why the contract changes (kept in the audit trail)."))


class ContractQuerySerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=ContractState.choices, required=False)
    region = serializers.CharField(required=False, max_length=40,
                                   help_text=_("The customer's region, by id or code."))
    customer = QueryIntegerField(min_value=1, max_value=MAX_ID, required=False,
                                 help_text=_("A customer id."))
    credit_breach = QueryBooleanField(required=False)
    mine = QueryBooleanField(default=False, help_text=_("Only contracts you own."))
    q = serializers.CharField(required=False, max_length=100,
                              help_text=_("Part of the title, number or customer name."))

    def validate_region(self, value):
        return region_from(value)


class ContractDiffQuerySerializer(serializers.Serializer):
    against = QueryIntegerField(min_value=1, max_value=MAX_ID,
                                       help_text=_("The id of another version of the contract."))


class ContractLineDiffRowSerializer(serializers.Serializer):
    product = serializers.CharField(help_text=_("The product code."))
    name = serializers.CharField()
    quantity = serializers.CharField()
    unit_price = serializers.CharField()
    discount = serializers.CharField()
    value = serializers.CharField()


class ContractLineChangeSerializer(serializers.Serializer):
    before = ContractLineDiffRowSerializer()
    after = ContractLineDiffRowSerializer()


class ContractLinesDiffSerializer(serializers.Serializer):
    added = ContractLineDiffRowSerializer(many=True)
    removed = ContractLineDiffRowSerializer(many=True)
    changed = ContractLineChangeSerializer(many=True)


class ContractDiffSerializer(serializers.Serializer):
    base = ContractVersionSerializer(help_text=_("The version compared against (`against`)."))
    version = ContractVersionSerializer(help_text=_("The version in the path."))
    changes = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField(), min_length=2, max_length=2),
        help_text=_("{field: [in base, in version]} for each field that differs."))
    lines = ContractLinesDiffSerializer()


# --- execution -------------------------------------------------------------------------------


class MilestoneCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Milestone.Kind.choices)
    amount = money_field(min_value=0, max_value=MAX_AMOUNT)
    due_date = BusinessDateField()
    note = serializers.CharField(max_length=200, default="", allow_blank=True)


class MilestoneDoneSerializer(serializers.Serializer):
    done_date = BusinessDateField(required=False, allow_null=True, default=None,
                                      help_text=_("Today when left out."))


class ExecutionProblemCreateSerializer(serializers.Serializer):
    description = text_field()
    assignee = UserRefField(help_text=_("Who resolves it: a user id or username."))


class ExecutionProblemResolveSerializer(serializers.Serializer):
    resolution = text_field()


# --- attachments -----------------------------------------------------------------------------


class ContractAttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    size = serializers.IntegerField()
    content_type = serializers.CharField()
    sha256 = serializers.CharField()
    uploaded_by = PersonSerializer()
    created = serializers.DateTimeField()
    url = serializers.SerializerMethodField()

    def get_url(self, att) -> str:
        path = reverse("contracts-api:contract-attachment",
                       kwargs={"pk": self.context["contract_id"], "att_id": att.pk})
        return self.context["request"].build_absolute_uri(path)


class ContractAttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=_("A PDF, JPEG or PNG (by content), at most 10 MB."))
