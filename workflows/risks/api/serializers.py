"""What the risk API shows and accepts. Output serializers read rows the views prepared; input
serializers parse and bound values, and the services decide."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.fields import BusinessDateField, region_from
from core.api.serializers import (
    MAX_ID,
    HistoryEventSerializer,
    PersonSerializer,
    UserRefField,
    text_field,
)

from ..models import Level, RiskState, RiskType
from ..selectors import OPEN_FILTER, RISK_ACTIONS

RISK_STATES = ", ".join(RiskState.values)
SCALE = {"min_value": 1, "max_value": 5}


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string"}],
                      "description": "A region id or code (e.g. east)."})
class RegionRefField(serializers.Field):
    def to_internal_value(self, data):
        return region_from(data)

    def to_representation(self, value):
        return value.pk


class RiskRegionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


class RiskCustomerRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class RiskContractRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    title = serializers.CharField()


class RiskSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    type = serializers.ChoiceField(choices=RiskType.choices)
    type_label = serializers.CharField(source="get_type_display")
    title = serializers.CharField()
    description = serializers.CharField()
    customer = RiskCustomerRefSerializer(allow_null=True)
    contract = RiskContractRefSerializer(allow_null=True)
    region = RiskRegionSerializer(allow_null=True)
    likelihood = serializers.IntegerField(allow_null=True)
    impact = serializers.IntegerField(allow_null=True)
    score = serializers.IntegerField(allow_null=True)
    level = serializers.CharField(help_text=", ".join(Level.values) + " or empty (not assessed)")
    level_label = serializers.CharField(source="get_level_display")
    state = serializers.CharField(help_text=RISK_STATES)
    state_label = serializers.CharField(source="get_state_display")
    owner = PersonSerializer()
    identified_by = PersonSerializer(allow_null=True, help_text=_("Null: raised by the system."))
    source = serializers.CharField()
    overdue = serializers.BooleanField(help_text=_("A measure or a review is past due."))
    request_id = serializers.IntegerField(source="request_pk", allow_null=True)
    created = serializers.DateTimeField()
    assessed_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)


class RiskAssessmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    likelihood = serializers.IntegerField()
    impact = serializers.IntegerField()
    score = serializers.IntegerField()
    level = serializers.CharField()
    previous_level = serializers.CharField()
    assessed_by = PersonSerializer(allow_null=True)
    assessed_at = serializers.DateTimeField()
    comment = serializers.CharField()


class RiskMeasureSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    description = serializers.CharField()
    owner = PersonSerializer()
    due_date = BusinessDateField()
    done_date = BusinessDateField(allow_null=True)
    overdue = serializers.BooleanField()


class RiskReviewSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    due_date = BusinessDateField()
    assignee = PersonSerializer()
    state = serializers.CharField(help_text="open, done")
    measures_effective = serializers.BooleanField(allow_null=True)
    comment = serializers.CharField()
    assessment_id = serializers.IntegerField(allow_null=True)
    done_by = PersonSerializer(allow_null=True)
    done_at = serializers.DateTimeField(allow_null=True)


class RiskEscalationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    risk_id = serializers.IntegerField()
    measure_id = serializers.IntegerField(allow_null=True)
    reason = serializers.CharField(help_text="assessed, measure_overdue")
    level = serializers.IntegerField(help_text=_("1 regional manager, 2 sales GM, 3 CEO"))
    role = serializers.CharField()
    recipients = serializers.ListField(child=serializers.IntegerField())
    created = serializers.DateTimeField()


class RiskOpenTaskSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    step = serializers.CharField(source="step_code")
    step_label = serializers.CharField()
    assignee = PersonSerializer(allow_null=True)
    due = serializers.DateTimeField(allow_null=True)


class RiskDetailSerializer(RiskSerializer):
    routed_role = serializers.CharField(help_text=_("Whose approval the risk waits for."))
    open_task = RiskOpenTaskSerializer(allow_null=True)
    available_actions = serializers.ListField(
        child=serializers.ChoiceField(choices=RISK_ACTIONS))
    assessments = RiskAssessmentSerializer(many=True, source="assessment_rows")
    measures = RiskMeasureSerializer(many=True, source="measure_rows")
    reviews = RiskReviewSerializer(many=True, source="review_rows")
    escalations = RiskEscalationSerializer(many=True, source="escalation_rows")
    history = HistoryEventSerializer(many=True)


class RiskCreateSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=RiskType.choices)
    title = serializers.CharField(max_length=200)
    description = text_field(default="", allow_blank=True)
    customer = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False,
                                        allow_null=True, help_text=_("A customer id."))
    contract = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False,
                                        allow_null=True, help_text=_("A contract id."))
    region = RegionRefField(required=False, allow_null=True)
    owner = UserRefField(required=False, allow_null=True,
                         help_text=_("Empty: you. Managers may name someone else."))
    likelihood = serializers.IntegerField(required=False, allow_null=True, **SCALE)
    impact = serializers.IntegerField(required=False, allow_null=True, **SCALE)
    comment = text_field(default="", allow_blank=True)

    def validate(self, data):
        if (data.get("likelihood") is None) != (data.get("impact") is None):
            missing = "impact" if data.get("impact") is None else "likelihood"
            raise serializers.ValidationError(
                {missing: [_("Give both likelihood and impact, or neither.")]})
        return data


class RiskAssessSerializer(serializers.Serializer):
    likelihood = serializers.IntegerField(**SCALE)
    impact = serializers.IntegerField(**SCALE)
    comment = text_field(default="", allow_blank=True)


class RiskMeasureCreateSerializer(serializers.Serializer):
    description = text_field()
    owner = UserRefField(required=False, allow_null=True, help_text=_("Empty: the risk's owner."))
    due_date = BusinessDateField()


class RiskMeasureDoneSerializer(serializers.Serializer):
    done_date = BusinessDateField(required=False, allow_null=True,
                                      help_text=_("Empty: today."))


class RiskCloseSerializer(serializers.Serializer):
    reason = text_field()


class RiskReviewCompleteSerializer(serializers.Serializer):
    measures_effective = serializers.BooleanField()
    comment = text_field(default="", allow_blank=True)
    likelihood = serializers.IntegerField(required=False, allow_null=True, **SCALE)
    impact = serializers.IntegerField(required=False, allow_null=True, **SCALE)


class RiskQuerySerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=RiskType.choices, required=False)
    level = serializers.ChoiceField(choices=Level.choices, required=False)
    status = serializers.ChoiceField(choices=[(OPEN_FILTER, _("Open")), *RiskState.choices],
                                     required=False,
                                     help_text=_("A state, or open for every state but closed."))
    owner = UserRefField(required=False, help_text=_("A user id or username."))
    region = RegionRefField(required=False)
    overdue = serializers.BooleanField(default=False,
                                       help_text=_("Only risks with a measure or review past "
                                                   "due."))
    likelihood = serializers.IntegerField(required=False, **SCALE)
    impact = serializers.IntegerField(required=False, **SCALE)
    q = serializers.CharField(required=False, max_length=100, help_text=_("Number or title."))


class RiskCellSerializer(serializers.Serializer):
    likelihood = serializers.IntegerField()
    impact = serializers.IntegerField()
    score = serializers.IntegerField()
    level = serializers.CharField()
    count = serializers.IntegerField()
    url = serializers.CharField(help_text=_("The register filtered to this cell."))


class RiskHeatmapSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    cells = RiskCellSerializer(many=True,
                               help_text=_("25 cells, impact 5 to 1, likelihood 1 to 5."))


class RiskOverdueMeasureSerializer(RiskMeasureSerializer):
    risk_id = serializers.IntegerField()
    risk_number = serializers.CharField(source="risk.number")
    risk_title = serializers.CharField(source="risk.title")
    risk_level = serializers.CharField(source="risk.level")
    days_late = serializers.IntegerField()


class RiskSummarySerializer(serializers.Serializer):
    levels = serializers.DictField(child=serializers.IntegerField(),
                                   help_text=_("Open risks per level."))
    escalations = RiskEscalationSerializer(many=True, help_text=_("The latest 50."))
    overdue_measures = RiskOverdueMeasureSerializer(many=True)
