from decimal import Decimal

from rest_framework import serializers

from core.api.fields import AmountField, BusinessDateField
from core.api.serializers import MAX_ID
from workflows.expenses.models import Category

from ..models import CampaignState, CampaignType, EvaluationState

AMOUNT = {"max_digits": 14, "decimal_places": 2, "min_value": Decimal("0"),
          "max_value": Decimal("999999999999.99"), "coerce_to_string": True}


class LineInSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=Category.choices)
    month = serializers.RegexField(r"^\d{4}-\d{2}$", help_text="YYYY-MM")
    description = serializers.CharField(max_length=200)
    amount = AmountField(**AMOUNT)
    region = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, required=False, allow_null=True,
        help_text="One of the campaign's regions; needed when it has several (a single-region "
                  "campaign's lines take its region).")


class CampaignInSerializer(serializers.Serializer):
    theme = serializers.CharField(max_length=200)
    type = serializers.ChoiceField(choices=CampaignType.choices)
    start = BusinessDateField()
    end = BusinessDateField()
    place = serializers.CharField(max_length=200)
    regions = serializers.ListField(child=serializers.IntegerField(min_value=1,
                                                                   max_value=MAX_ID),
                                    required=False, max_length=50)
    content = serializers.CharField(required=False, allow_blank=True, default="")
    audience = serializers.CharField(max_length=300, required=False, allow_blank=True,
                                     default="")
    expected_leads = serializers.IntegerField(min_value=0, max_value=9_999_999, default=0)
    expected_attendees = serializers.IntegerField(min_value=0, max_value=9_999_999, default=0)
    expected_value = AmountField(**AMOUNT, default=Decimal("0"))
    lines = LineInSerializer(many=True, max_length=30)


class CampaignUpdateSerializer(CampaignInSerializer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            if hasattr(field, "default"):
                field.default = serializers.empty


class BudgetLineSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="line.pk")
    category = serializers.CharField(source="line.category")
    month = BusinessDateField(source="line.month", format="%Y-%m")
    description = serializers.CharField(source="line.description")
    region = serializers.IntegerField(source="line.region_id", allow_null=True)
    held_region = serializers.IntegerField(
        allow_null=True, help_text="The region whose budget holds the line; null: the "
                                   "department's own budget (or not held).")
    planned = AmountField(**AMOUNT)
    reserved = AmountField(**AMOUNT)
    in_claims = AmountField(**AMOUNT)
    spent = AmountField(**AMOUNT)
    left = AmountField(**AMOUNT)
    released = serializers.BooleanField()


class EvaluationSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=EvaluationState.choices)
    due = BusinessDateField()
    leads = serializers.IntegerField()
    attendees = serializers.IntegerField()
    customers_met = serializers.IntegerField()
    contracts = serializers.SerializerMethodField()
    contracts_value = AmountField(**AMOUNT)
    spent = AmountField(**AMOUNT)
    cost_per_lead = AmountField(**AMOUNT, allow_null=True)
    return_on_spend = AmountField(**AMOUNT, allow_null=True)
    lessons = serializers.CharField()

    def get_contracts(self, obj) -> list[int]:
        return sorted(obj.contracts.values_list("pk", flat=True))


class CampaignSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    theme = serializers.CharField()
    type = serializers.ChoiceField(choices=CampaignType.choices)
    start = BusinessDateField()
    end = BusinessDateField()
    place = serializers.CharField()
    owner = serializers.IntegerField(source="owner_id")
    department = serializers.IntegerField(source="department_id")
    total = AmountField(**AMOUNT)
    over_budget = serializers.BooleanField()
    state = serializers.ChoiceField(choices=CampaignState.choices)


class CampaignDetailSerializer(CampaignSerializer):
    regions = serializers.SerializerMethodField()
    content = serializers.CharField()
    audience = serializers.CharField()
    expected_leads = serializers.IntegerField()
    expected_attendees = serializers.IntegerField()
    expected_value = AmountField(**AMOUNT)
    budget = BudgetLineSerializer(many=True)
    evaluation = EvaluationSerializer(allow_null=True)
    available_actions = serializers.ListField(child=serializers.CharField())

    def get_regions(self, obj) -> list[int]:
        return sorted(obj.regions.values_list("pk", flat=True))


class EvaluationInSerializer(serializers.Serializer):
    leads = serializers.IntegerField(min_value=0, max_value=9_999_999)
    attendees = serializers.IntegerField(min_value=0, max_value=9_999_999)
    customers_met = serializers.IntegerField(min_value=0, max_value=9_999_999)
    contracts = serializers.ListField(child=serializers.IntegerField(min_value=1,
                                                                     max_value=MAX_ID),
                                      required=False, max_length=200, default=list)
    lessons = serializers.CharField(required=False, allow_blank=True, default="")
    submit = serializers.BooleanField(default=False)
