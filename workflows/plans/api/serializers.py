"""What the plan endpoints show and accept."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.serializers import (
    HistoryEventSerializer,
    PersonSerializer,
    cc_field,
    money_field,
    text_field,
)

from ..models import PlanState

# A plain string with the values listed: a `state` enum per resource would collide in the schema.
PLAN_STATES = ", ".join(PlanState.values)
MAX_ROWS = 500


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "number"}], "example": "125000.00",
                      "description": "An amount (CNY, two decimals); blank is zero."})
class AmountField(serializers.Field):
    """Passed through as sent: the grid service parses it and names the cell it is in."""

    def to_internal_value(self, data):
        if data is not None and not isinstance(data, str | int | float) or isinstance(data, bool):
            raise serializers.ValidationError(_("Enter an amount such as 1234.50."))
        if isinstance(data, str) and len(data) > 40:
            raise serializers.ValidationError(_("Enter an amount such as 1234.50."))
        return data

    def to_representation(self, value):
        return str(value)


def months_field(**kwargs):
    return serializers.ListField(child=AmountField(allow_null=True), min_length=12,
                                 max_length=12, **kwargs)


# --- plans -----------------------------------------------------------------------------------


class ShownTargetMixin:
    """The company target, or null for a viewer who sees only their own line (a salesperson);
    the view says which in the context (`sees_target`)."""

    @extend_schema_field(money_field(allow_null=True))
    def get_target(self, obj):
        return f"{obj.target:.2f}" if self.context.get("sees_target", True) else None


class PlanSerializer(ShownTargetMixin, serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    version = serializers.IntegerField()
    reference = serializers.CharField()
    fiscal_year = serializers.IntegerField()
    title = serializers.CharField()
    target = serializers.SerializerMethodField()
    currency = serializers.CharField()
    state = serializers.CharField(help_text=PLAN_STATES)
    state_label = serializers.CharField(source="get_state_display")
    author = PersonSerializer()
    previous = serializers.IntegerField(source="previous_id", allow_null=True)
    created = serializers.DateTimeField()
    published_at = serializers.DateTimeField(allow_null=True)


class PlanConfirmationSerializer(serializers.Serializer):
    region = serializers.CharField()
    region_name = serializers.CharField()
    task = serializers.IntegerField(source="item_id")
    status = serializers.CharField(help_text="open, done, cancelled")
    decision = serializers.CharField(help_text="approved (confirmed), returned (pushed back)")
    holder = serializers.CharField()
    decided_by = serializers.CharField()
    decided_at = serializers.DateTimeField(allow_null=True)
    comment = serializers.CharField()


class PlanVersionSerializer(ShownTargetMixin, serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    state = serializers.CharField(help_text=PLAN_STATES)
    target = serializers.SerializerMethodField()
    revision_reason = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)


class PlanDetailSerializer(PlanSerializer):
    strategy = serializers.CharField()
    revision_reason = serializers.CharField()
    return_note = serializers.CharField(help_text=_("The last push-back or return's reason."))
    returned_by = PersonSerializer(allow_null=True)
    returned_at = serializers.DateTimeField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    confirmed_at = serializers.DateTimeField(allow_null=True)
    sent_to_ceo_at = serializers.DateTimeField(allow_null=True)
    request_id = serializers.IntegerField(allow_null=True)
    current_step = serializers.CharField()
    waiting_on = PersonSerializer(many=True)
    confirmations = PlanConfirmationSerializer(many=True)
    versions = PlanVersionSerializer(many=True)
    history = HistoryEventSerializer(many=True)
    available_actions = serializers.ListField(
        child=serializers.CharField(),
        help_text="What you may do with the plan now (selectors.plan_actions): edit, submit, "
                  "send_to_ceo, withdraw, revise, confirm, push_back, sign_off, return, "
                  "record_actual, import_actuals.")


class PlanQuerySerializer(serializers.Serializer):
    fiscal_year = serializers.IntegerField(min_value=2000, max_value=2100, required=False)
    state = serializers.ChoiceField(choices=PlanState.choices, required=False)


# Named in SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] (PlanSpreadEnum).
SPREAD_CHOICES = [("even", _("evenly")), ("last_year", _("by last year's actuals"))]


class PlanCreateSerializer(serializers.Serializer):
    fiscal_year = serializers.IntegerField(min_value=2000, max_value=2100)
    target = AmountField()
    title = text_field(max_length=200, required=False, allow_blank=True, default="")
    strategy = text_field(required=False, allow_blank=True, default="")
    regions = serializers.ListField(
        child=serializers.CharField(max_length=32), required=False, allow_empty=False,
        max_length=100, help_text=_("Region codes; all regions with people when absent."))
    spread = serializers.ChoiceField(choices=SPREAD_CHOICES, default="even")


class PlanUpdateSerializer(serializers.Serializer):
    title = text_field(max_length=200, required=False)
    strategy = text_field(required=False, allow_blank=True)


class PlanCommentSerializer(serializers.Serializer):
    comment = text_field(required=False, allow_blank=True, default="")


class PlanSubmitSerializer(PlanCommentSerializer):
    cc = cc_field()


class PlanReviseSerializer(serializers.Serializer):
    reason = text_field()


class PlanDiffQuerySerializer(serializers.Serializer):
    against = serializers.IntegerField(min_value=1, max_value=2**63 - 1)


class PlanCellChangeSerializer(serializers.Serializer):
    region = serializers.CharField()
    salesperson = serializers.CharField(source="person", allow_null=True)
    month = serializers.IntegerField()
    before = money_field(allow_null=True)
    after = money_field(allow_null=True)
    change = money_field()


class PlanDiffSerializer(serializers.Serializer):
    before = PlanVersionSerializer()
    after = PlanVersionSerializer()
    target = serializers.ListField(child=money_field(), allow_null=True,
                                   help_text=_("[before, after] when the target changed."))
    strategy_changed = serializers.BooleanField()
    cells = PlanCellChangeSerializer(many=True)


# --- the grid --------------------------------------------------------------------------------


class PlanGridLineSerializer(serializers.Serializer):
    months = serializers.ListField(child=money_field())
    quarters = serializers.ListField(child=money_field())
    year = money_field()


class PlanGridPersonSerializer(PlanGridLineSerializer):
    salesperson = serializers.CharField(source="person")
    name = serializers.CharField(source="label")


class PlanGridRegionSerializer(serializers.Serializer):
    region = serializers.CharField(source="region.region")
    name = serializers.CharField(source="region.label")
    months = serializers.ListField(child=money_field(), source="region.months",
                                   help_text=_("Empty when you see only your own line."))
    quarters = serializers.ListField(child=money_field(), source="region.quarters")
    year = money_field(source="region.year", allow_null=True)
    people = PlanGridPersonSerializer(many=True)


class PlanMismatchSerializer(serializers.Serializer):
    cell = serializers.CharField()
    level = serializers.CharField()
    expected = money_field()
    found = money_field()
    difference = money_field()
    message = serializers.CharField()


class PlanGridSerializer(serializers.Serializer):
    plan = serializers.IntegerField()
    state = serializers.CharField(help_text=PLAN_STATES)
    target = money_field(allow_null=True, help_text=_("Null for a viewer of one line only."))
    currency = serializers.CharField()
    regions = PlanGridRegionSerializer(many=True)
    company = PlanGridLineSerializer(allow_null=True, help_text=_("Sums of the regions; only for "
                                                          "readers of the whole plan."))
    mismatches = PlanMismatchSerializer(many=True)


class PlanPersonRowInput(serializers.Serializer):
    salesperson = serializers.CharField(max_length=150)
    months = months_field()
    quarters = serializers.ListField(child=AmountField(allow_null=True), min_length=4,
                                     max_length=4, required=False)
    year = AmountField(required=False, allow_null=True)


class PlanRegionRowInput(serializers.Serializer):
    region = serializers.CharField(max_length=32)
    months = months_field()
    quarters = serializers.ListField(child=AmountField(allow_null=True), min_length=4,
                                     max_length=4, required=False)
    year = AmountField(required=False, allow_null=True)
    people = PlanPersonRowInput(many=True, required=False, max_length=MAX_ROWS)


class PlanGridInputSerializer(serializers.Serializer):
    """The whole grid: every region row with its people. `quarters` and `year` are optional;
    when sent they are totals that must match their months, like `company_months` (optional)
    must match the regions."""

    target = AmountField()
    regions = PlanRegionRowInput(many=True, max_length=100)
    company_months = serializers.ListField(child=AmountField(allow_null=True), min_length=12,
                                           max_length=12, required=False)
    comment = text_field(required=False, allow_blank=True, default="")


class PlanUploadSerializer(serializers.Serializer):
    file = serializers.FileField()


# --- actuals and attainment ------------------------------------------------------------------


class SalesActualSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    salesperson = PersonSerializer()
    region = serializers.CharField(source="region.code")
    year = serializers.IntegerField()
    month = serializers.IntegerField()
    amount = money_field()
    currency = serializers.CharField(default="CNY")
    source = serializers.CharField()
    note = serializers.CharField()
    recorded_by = PersonSerializer()
    recorded_at = serializers.DateTimeField()


class SalesActualQuerySerializer(serializers.Serializer):
    month = serializers.IntegerField(min_value=1, max_value=12, required=False)
    region = serializers.CharField(max_length=32, required=False)
    salesperson = serializers.CharField(max_length=150, required=False)


class SalesActualInputSerializer(serializers.Serializer):
    salesperson = serializers.CharField(max_length=150)
    month = serializers.IntegerField(min_value=1, max_value=12)
    amount = AmountField()
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class ActualsImportResultSerializer(serializers.Serializer):
    imported = serializers.IntegerField()


class AttainmentPeriodSerializer(serializers.Serializer):
    target = money_field()
    actual = money_field()
    attainment = serializers.DecimalField(max_digits=8, decimal_places=1, allow_null=True,
                                          help_text=_("Actual as a percentage of target."))


class AttainmentLineSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="company, region, person")
    region = serializers.CharField()
    salesperson = serializers.CharField(source="person")
    name = serializers.CharField(source="label")
    months = AttainmentPeriodSerializer(many=True)
    quarters = AttainmentPeriodSerializer(many=True)
    year = AttainmentPeriodSerializer()
    to_date = AttainmentPeriodSerializer()


class AttainmentSerializer(serializers.Serializer):
    plan = serializers.IntegerField()
    fiscal_year = serializers.IntegerField()
    through_month = serializers.IntegerField(help_text=_("Months with actuals so far."))
    company = AttainmentLineSerializer(allow_null=True)
    regions = AttainmentLineSerializer(many=True)
    salespeople = AttainmentLineSerializer(many=True)
