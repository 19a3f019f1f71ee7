"""Approval analytics across every process (API.md "Analytics"): the figures of the page
/analytics/approvals/, read-only, for the sales GM, the CEO, auditors and administrators."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.analytics import figures as fig
from core.org.models import Department, Region

from .serializers import ERRORS, KindChoiceField


class CanViewAnalytics(BasePermission):
    message = _("Only the sales general manager, the CEO, auditors and administrators can read "
                "the approval analytics.")
    code = "permission_denied"

    def has_permission(self, request, view):
        return fig.can_view(request.user)


class AnalyticsQuerySerializer(serializers.Serializer):
    date_from = serializers.DateField(required=False, help_text="First day of decisions "
                                      "(Asia/Shanghai); default 90 days before date_to.")
    date_to = serializers.DateField(required=False, help_text="Last day (default today).")
    kind = KindChoiceField(required=False, help_text="One process (default: all).")
    region = serializers.SlugRelatedField(slug_field="code", queryset=Region.objects.all(),
                                          required=False, help_text="Region code.")
    department = serializers.SlugRelatedField(slug_field="code",
                                              queryset=Department.objects.all(),
                                              required=False, help_text="Department code.")
    band = serializers.ChoiceField(choices=fig.BAND_CODES, required=False,
                                   help_text="Amount band of the request: lt_10k, 10k_100k, "
                                   "100k_1m, gte_1m.")

    def validate(self, attrs):
        start, end = attrs.get("date_from"), attrs.get("date_to")
        if start and end and start > end:
            raise serializers.ValidationError({"date_to": _("The end comes before the start.")})
        return attrs

    def filters(self) -> fig.Filters:
        d = self.validated_data
        return fig.Filters.of(date_from=d.get("date_from"), date_to=d.get("date_to"),
                              kind=d.get("kind", ""),
                              region_id=d["region"].pk if d.get("region") else None,
                              department_id=d["department"].pk if d.get("department") else None,
                              band=d.get("band", ""))


class AnalyticsPeriodSerializer(serializers.Serializer):
    date_from = serializers.DateField()
    date_to = serializers.DateField()


class _Hours(serializers.Serializer):
    count = serializers.IntegerField()
    median = serializers.FloatField(allow_null=True, help_text="Hours (percentile_cont 0.5).")
    p90 = serializers.FloatField(allow_null=True, help_text="Hours (percentile_cont 0.9).")
    max = serializers.FloatField(allow_null=True, help_text="Hours.")


class ProcessCycleSerializer(_Hours):
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label


class StepCycleSerializer(_Hours):
    kind = serializers.CharField()
    step_code = serializers.CharField()
    process = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label


class SlaSerializer(serializers.Serializer):
    kind = serializers.CharField()
    step_code = serializers.CharField()
    process = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    count = serializers.IntegerField()
    on_time = serializers.IntegerField()
    late = serializers.IntegerField()
    percent = serializers.FloatField()


class ReturnsByProcessSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    requests = serializers.IntegerField()
    returns = serializers.IntegerField()
    per_request = serializers.FloatField()


class ReturnsByStepSerializer(serializers.Serializer):
    kind = serializers.CharField()
    step_code = serializers.CharField()
    process = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    decisions = serializers.IntegerField()
    returns = serializers.IntegerField()
    percent = serializers.FloatField()


class ReturnsSerializer(serializers.Serializer):
    by_process = ReturnsByProcessSerializer(many=True)
    by_step = ReturnsByStepSerializer(many=True)


class BacklogSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    lt_1d = serializers.IntegerField()
    d1_3 = serializers.IntegerField()
    d3_7 = serializers.IntegerField()
    gt_7d = serializers.IntegerField()
    total = serializers.IntegerField()
    overdue = serializers.IntegerField()


class ThroughputSerializer(serializers.Serializer):
    week = serializers.DateField(help_text="The Monday the week starts on.")
    decided = serializers.IntegerField()
    approved = serializers.IntegerField()
    rejected = serializers.IntegerField()
    returned = serializers.IntegerField()


class SlowRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    kind = serializers.CharField()
    object_id = serializers.IntegerField()
    number = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    current_step = serializers.CharField()
    waiting_on = serializers.CharField(source="waiting_on_names")
    submitted_at = serializers.DateTimeField()
    age_hours = serializers.FloatField()


class ApproverSerializer(_Hours):
    approver_id = serializers.IntegerField()
    name = serializers.CharField()
    wait_median = serializers.FloatField(allow_null=True, help_text="Hours, opened -> held.")
    work_median = serializers.FloatField(allow_null=True, help_text="Hours, held -> decided.")
    with_due = serializers.IntegerField()
    on_time = serializers.IntegerField()
    percent = serializers.FloatField(allow_null=True, help_text="On time, of those with a "
                                     "deadline.")
    reminders = serializers.IntegerField()
    escalations = serializers.IntegerField()


class WaitingWorkedSerializer(serializers.Serializer):
    kind = serializers.CharField()
    step_code = serializers.CharField()
    process = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    count = serializers.IntegerField()
    wait_median = serializers.FloatField(allow_null=True)
    wait_p90 = serializers.FloatField(allow_null=True)
    work_median = serializers.FloatField(allow_null=True)
    work_p90 = serializers.FloatField(allow_null=True)


class NudgesSerializer(serializers.Serializer):
    kind = serializers.CharField()
    step_code = serializers.CharField()
    process = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    decided = serializers.IntegerField()
    reminded = serializers.IntegerField(help_text="Tasks with an automatic reminder.")
    reminders = serializers.IntegerField()
    escalated = serializers.IntegerField(help_text="Tasks escalated at least once.")
    escalations = serializers.IntegerField()
    urges = serializers.IntegerField(help_text="Manual reminders by a person.")


class HeatCellSerializer(serializers.Serializer):
    week = serializers.DateField()
    median = serializers.FloatField(allow_null=True, help_text="Hours.")
    count = serializers.IntegerField()
    level = serializers.IntegerField(allow_null=True, help_text="Shading 0-4.")


class HeatRowSerializer(serializers.Serializer):
    kind = serializers.CharField()
    step_code = serializers.CharField()
    process = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    cells = HeatCellSerializer(many=True)


class HeatmapSerializer(serializers.Serializer):
    metric = serializers.CharField(help_text="wait: opened -> first held by a person.")
    weeks = serializers.ListField(child=serializers.DateField())
    max = serializers.FloatField(help_text="The largest median, hours.")
    rows = HeatRowSerializer(many=True)


class ApprovalAnalyticsSerializer(serializers.Serializer):
    period = AnalyticsPeriodSerializer()
    process_cycle = ProcessCycleSerializer(many=True)
    step_cycle = StepCycleSerializer(many=True)
    sla = SlaSerializer(many=True)
    returns = ReturnsSerializer()
    backlog = BacklogSerializer(many=True)
    throughput = ThroughputSerializer(many=True)
    slowest_open = SlowRequestSerializer(many=True)
    approvers = ApproverSerializer(many=True)
    waiting_worked = WaitingWorkedSerializer(many=True)
    nudges = NudgesSerializer(many=True)
    heatmap = HeatmapSerializer()


@extend_schema(tags=["analytics"], parameters=[AnalyticsQuerySerializer],
               responses={200: ApprovalAnalyticsSerializer, **ERRORS})
class ApprovalAnalyticsView(APIView):
    """Cycle times (median, p90, max) per process and step, deadline compliance, returns,
    open tasks by age, decisions per week and the ten slowest open requests: the figures of
    the analytics page for the same filters. Bad filters are 400 with the field named."""

    permission_classes = [IsAuthenticated, CanViewAnalytics]

    def get(self, request):
        params = AnalyticsQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        figures = fig.approval_analytics(params.filters())
        return Response(ApprovalAnalyticsSerializer(figures).data)
