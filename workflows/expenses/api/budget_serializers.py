"""What the budget endpoints and the monitor show and accept."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.serializers import (
    HistoryEventSerializer,
    PersonSerializer,
    UserRefField,
    money_field,
    text_field,
)

from ..models import MONTHS, QUARTERS, BudgetState, Category
from ..selectors import BUDGET_ACTIONS
from .common import LINE_LIMIT, parse_amount
from .serializers import (
    AmountField,
    BudgetRegionRefField,
    BudgetRegionSerializer,
    DepartmentRefField,
    DepartmentSerializer,
    currency_field,
)

# A plain string with the values listed: a `state` enum per resource would collide in the schema.
BUDGET_STATES = ", ".join(BudgetState.values)

# --- budgets ---------------------------------------------------------------------------------


class BudgetSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    fiscal_year = serializers.IntegerField()
    department = DepartmentSerializer()
    region = BudgetRegionSerializer(
        allow_null=True, help_text=_("The sales region of the department this budget is for; "
                                     "null: the whole department."))
    category = serializers.ChoiceField(choices=Category.choices)
    version = serializers.IntegerField()
    previous = serializers.IntegerField(source="previous_id", allow_null=True)
    state = serializers.CharField(help_text=BUDGET_STATES)
    total = money_field()
    currency = currency_field()
    quarters = serializers.ListField(child=money_field(), min_length=4, max_length=4)
    months = serializers.ListField(child=money_field(), min_length=12, max_length=12)
    owner = PersonSerializer()
    prepared_by = PersonSerializer()
    reason = serializers.CharField()
    in_force_at = serializers.DateTimeField(allow_null=True)


class BudgetVersionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    version = serializers.IntegerField()
    state = serializers.CharField(help_text=BUDGET_STATES)
    total = money_field()
    reason = serializers.CharField()
    in_force_at = serializers.DateTimeField(allow_null=True)


class BudgetDetailSerializer(BudgetSerializer):
    versions = BudgetVersionSerializer(many=True)
    diff_to_previous = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField(), min_length=2, max_length=2),
        help_text=_("{field: [before, after]} for total, q1..q4 and m1..m12 that changed; "
                    "empty for a first version."),
    )
    history = HistoryEventSerializer(many=True)
    available_actions = serializers.ListField(
        child=serializers.ChoiceField(choices=BUDGET_ACTIONS),
        help_text=_("What you may do now (the same rule as the budget page); approvals are "
                    "tasks (/api/tasks/)."))


class _SplitInput(serializers.Serializer):
    total = AmountField()
    quarters = serializers.ListField(child=AmountField(), min_length=4, max_length=4)
    months = serializers.ListField(child=AmountField(), min_length=12, max_length=12)

    def validate(self, attrs):
        errors = {}
        values = [("total", attrs["total"])]
        values += [(f"q{q}", attrs["quarters"][q - 1]) for q in QUARTERS]
        values += [(f"m{m}", attrs["months"][m - 1]) for m in MONTHS]
        parsed = {}
        for name, value in values:
            try:
                parsed[name] = parse_amount(value)
            except ValueError:
                errors[name] = [_("Enter an amount such as 1234.50.")]
        if errors:
            raise serializers.ValidationError(errors)
        attrs["total"] = parsed["total"]
        attrs["quarters"] = [parsed[f"q{q}"] for q in QUARTERS]
        attrs["months"] = [parsed[f"m{m}"] for m in MONTHS]
        return attrs


class BudgetCreateSerializer(_SplitInput):
    fiscal_year = serializers.IntegerField(min_value=2000, max_value=2100)
    department = DepartmentRefField()
    region = BudgetRegionRefField(
        required=False, allow_null=True, default=None,
        help_text=_("A sales region: the budget of that region of the department (campaigns "
                    "naming the region reserve on it); empty: the whole department."))
    category = serializers.ChoiceField(choices=Category.choices)
    owner = UserRefField(required=False, allow_null=True, default=None,
                         help_text=_("The budget owner, warned at 80 % and 100 %; "
                                     "default: you."))


class BudgetReviseSerializer(_SplitInput):
    reason = text_field()


class BudgetQuerySerializer(serializers.Serializer):
    fiscal_year = serializers.IntegerField(min_value=1900, max_value=9999, required=False)
    department = DepartmentRefField(required=False)
    region = BudgetRegionRefField(required=False)
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    state = serializers.ChoiceField(choices=BudgetState.choices, required=False)


SPLIT_EVEN, SPLIT_LAST_YEAR = "even", "last_year"


class SplitQuerySerializer(serializers.Serializer):
    total = money_field(min_value=0, max_value=LINE_LIMIT * 100 - 1)
    mode = serializers.ChoiceField(choices=[SPLIT_EVEN, SPLIT_LAST_YEAR], default=SPLIT_EVEN)
    department = DepartmentRefField(required=False)
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    fiscal_year = serializers.IntegerField(min_value=1901, max_value=9999, required=False)

    def validate(self, attrs):
        if attrs["mode"] == SPLIT_LAST_YEAR:
            missing = [f for f in ("department", "category", "fiscal_year") if f not in attrs]
            if missing:
                raise serializers.ValidationError(
                    {f: [_("Required for mode=last_year.")] for f in missing})
        return attrs


class SplitSerializer(serializers.Serializer):
    total = money_field()
    currency = currency_field()
    mode = serializers.CharField(help_text=_("The mode used: even when last year has no budget "
                                             "in force to follow."))
    based_on = serializers.IntegerField(allow_null=True,
                                        help_text=_("Last year's budget whose months were used."))
    quarters = serializers.ListField(child=money_field(), min_length=4, max_length=4)
    months = serializers.ListField(child=money_field(), min_length=12, max_length=12)



# --- the monitor ----------------------------------------------------------------------------


class MonitorQuerySerializer(serializers.Serializer):
    fiscal_year = serializers.IntegerField(min_value=1900, max_value=9999, required=False,
                                           help_text=_("Default: this year."))
    department = DepartmentRefField(required=False)
    category = serializers.ChoiceField(choices=Category.choices, required=False)


# Named in SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] (BudgetWarningEnum).
WARNING_CHOICES = [("", "none"), ("80", "80 %"), ("100", "100 %")]


class PeriodSerializer(serializers.Serializer):
    period = serializers.CharField(help_text="M01..M12 or Q1..Q4")
    budget = money_field()
    reserved = money_field()
    spent = money_field()
    remaining = money_field()
    used_pct = serializers.CharField(help_text=_("(reserved + spent) / budget, in %, "
                                                 "one decimal."))
    warning = serializers.ChoiceField(choices=WARNING_CHOICES, allow_blank=True)


class MonitorLineSerializer(serializers.Serializer):
    department = DepartmentSerializer()
    category = serializers.ChoiceField(choices=Category.choices)
    months = PeriodSerializer(many=True)
    quarters = PeriodSerializer(many=True)


class MonitorSerializer(serializers.Serializer):
    fiscal_year = serializers.IntegerField()
    currency = currency_field()
    lines = MonitorLineSerializer(many=True)
