"""What the contracts API shows and accepts for customers and their credit limit changes."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.fields import BusinessDateField
from core.api.serializers import (
    MAX_ID,
    HistoryEventSerializer,
    PersonSerializer,
    UserRefField,
    money_field,
    text_field,
)
from core.money import DEFAULT_CURRENCY

from ..models import CreditLimitChange, Interaction, Rating, ValueClass
from .serializers import (
    MAX_AMOUNT,
    CustomerRefSerializer,
    CustomerRegionSerializer,
    QueryIntegerField,
    RegionRefField,
    StrictBooleanField,
)

LIMIT_STATES = ", ".join(CreditLimitChange.State.values)


class CustomerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    credit_code = serializers.CharField(help_text=_("The unified social credit code."))
    region = CustomerRegionSerializer()
    rating = serializers.ChoiceField(choices=Rating.choices)
    credit_limit = money_field()
    open_receivables = money_field(
        help_text=_("Collections not yet received on signed contracts."))
    currency = serializers.SerializerMethodField()
    account_owner = PersonSerializer()
    value_class = serializers.CharField(
        help_text=_("A, B or C from the trailing twelve months' signed value and collections, "
                    "recomputed monthly; empty until first classified."))
    classified_for = BusinessDateField(allow_null=True,
                                       help_text=_("The month of the last classification."))

    def get_currency(self, customer) -> str:
        return DEFAULT_CURRENCY


class CustomerClassChangeSerializer(serializers.Serializer):
    month = BusinessDateField()
    old_class = serializers.CharField()
    new_class = serializers.CharField()
    signed_value = money_field()
    collected = money_field()


class InteractionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Interaction.Kind.choices)
    date = BusinessDateField()
    note = serializers.CharField()
    next_action_date = BusinessDateField(allow_null=True)
    by = PersonSerializer()
    created = serializers.DateTimeField()


class InteractionCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Interaction.Kind.choices)
    date = BusinessDateField(help_text=_("When it happened (not in the future)."))
    note = text_field()
    next_action_date = BusinessDateField(required=False, allow_null=True, default=None)


class CreditLimitChangeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    customer = CustomerRefSerializer()
    old_limit = money_field()
    new_limit = money_field()
    currency = serializers.SerializerMethodField()
    reason = serializers.CharField()
    state = serializers.CharField(help_text=LIMIT_STATES)
    requested_by = PersonSerializer()
    decided_by = PersonSerializer(allow_null=True)
    created = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)

    def get_currency(self, change) -> str:
        return DEFAULT_CURRENCY


class CustomerDetailSerializer(CustomerSerializer):
    contacts = serializers.CharField()
    pending_limit_change = serializers.SerializerMethodField()
    contracts_count = serializers.IntegerField(
        help_text=_("Contracts of this customer you may see, each counted once (superseded "
                    "versions left out)."))
    history = HistoryEventSerializer(many=True)
    class_history = CustomerClassChangeSerializer(many=True)

    @extend_schema_field(CreditLimitChangeSerializer(allow_null=True))
    def get_pending_limit_change(self, customer):
        change = customer.pending_change
        return CreditLimitChangeSerializer(change).data if change is not None else None


class CustomerCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    # Not bounded to 18 here: the service's check explains what is wrong with a code.
    credit_code = serializers.CharField(max_length=64,
                                        help_text=_("The 18-character unified social credit code."))
    region = RegionRefField()
    account_owner = UserRefField(required=False,
                                 help_text=_("A user id or username; yourself when left out."))
    rating = serializers.ChoiceField(choices=Rating.choices, default=Rating.B)
    contacts = text_field(default="", allow_blank=True)


class CustomerQuerySerializer(serializers.Serializer):
    region = serializers.CharField(required=False, max_length=40,
                                   help_text=_("A region id or code."))
    rating = serializers.ChoiceField(choices=Rating.choices, required=False)
    value_class = serializers.ChoiceField(choices=ValueClass.choices, required=False,
                                          help_text=_("The customer class (A, B or C)."))
    q = serializers.CharField(required=False, max_length=100,
                              help_text=_("Part of the name or of the credit code."))

    def validate_region(self, value):
        return RegionRefField().to_internal_value(value)


class CreditLimitRequestSerializer(serializers.Serializer):
    new_limit = money_field(min_value=0, max_value=MAX_AMOUNT)
    reason = text_field()


class CreditLimitDecideSerializer(serializers.Serializer):
    approve = StrictBooleanField()
    comment = text_field(default="", allow_blank=True)


class CreditLimitQuerySerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=CreditLimitChange.State.choices, required=False)
    customer = QueryIntegerField(min_value=1, max_value=MAX_ID, required=False,
                                 help_text=_("A customer id."))
