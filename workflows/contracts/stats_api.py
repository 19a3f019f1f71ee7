"""Contract statistics over the API: the same figures as the page and the CSV, as JSON."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.serializers import ERRORS, money_field

from . import statistics as st

TAGS = ["contracts: statistics"]


class ContractStatsQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(
        required=False, help_text=_("Submission year (default: this year)."))
    date_from = serializers.DateField(
        required=False, help_text=_("First submission date; a range replaces the year."))
    date_to = serializers.DateField(required=False, help_text=_("Last submission date."))
    region = serializers.CharField(
        required=False, max_length=32,
        help_text=_("Region code; one of the regions you may see (default: all of them)."))

    def validate_region(self, value):
        region = st.regions_for(self.context["user"]).filter(code=value).first()
        if region is None:
            raise serializers.ValidationError(_("Unknown region."))
        return region

    def validate(self, data):
        errors = st.period_errors(year=data.get("year"), date_from=data.get("date_from"),
                                  date_to=data.get("date_to"))
        if errors:
            raise serializers.ValidationError(errors)
        return data


def _hours(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=12, decimal_places=1, allow_null=True, **kwargs)


def _percent() -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=4, decimal_places=1, allow_null=True,
                                    help_text=_("Percent, one decimal; null when nothing counts."))


class ContractStatsPeriodSerializer(serializers.Serializer):
    start = serializers.DateField(help_text=_("First day, inclusive."))
    end = serializers.DateField(help_text=_("Last day, inclusive."))


class ContractStatsTotalsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    value = money_field()
    signed_count = serializers.IntegerField()
    signed_value = money_field()


class ContractStatsRowSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    value = money_field()


class ContractStatsStepSerializer(serializers.Serializer):
    key = serializers.CharField(help_text=_("Step code, e.g. regional_review, sales_gm."))
    label = serializers.CharField()
    count = serializers.IntegerField(help_text=_("Decided tasks of this step."))
    avg_hours = _hours()


class ContractStatsReviewTimeSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text=_("Signed versions."))
    avg_hours = _hours(help_text=_("Average hours from first submission to signing."))


class ContractStatsBreachSerializer(serializers.Serializer):
    submitted = serializers.IntegerField()
    breached = serializers.IntegerField()
    percent = _percent()


class ContractStatsCollectionsSerializer(serializers.Serializer):
    on_time = serializers.IntegerField()
    late = serializers.IntegerField()
    overdue = serializers.IntegerField()
    measured = serializers.IntegerField(help_text=_("Done or past due: the rate's base."))
    on_time_percent = _percent()
    overdue_amount = money_field()
    overdue_30 = serializers.IntegerField()
    overdue_30_amount = money_field()
    open_amount = money_field()


class ContractStatsSerializer(serializers.Serializer):
    period = ContractStatsPeriodSerializer()
    region = serializers.CharField(allow_null=True)
    currency = serializers.CharField()
    totals = ContractStatsTotalsSerializer()
    by_region = ContractStatsRowSerializer(many=True)
    by_state = ContractStatsRowSerializer(many=True)
    by_month = ContractStatsRowSerializer(many=True, help_text=_("By month of first submission."))
    signed_by_month = ContractStatsRowSerializer(many=True,
                                                 help_text=_("Signed, by month of signing."))
    cycle_times = ContractStatsStepSerializer(many=True)
    review_time = ContractStatsReviewTimeSerializer()
    credit_breach = ContractStatsBreachSerializer()
    collections = ContractStatsCollectionsSerializer()


@extend_schema(
    tags=TAGS, summary="Contract counts, values, review times, credit breaches and collections",
    parameters=[ContractStatsQuerySerializer], responses={200: ContractStatsSerializer, **ERRORS},
)
class StatisticsView(APIView):
    """Over the contracts the caller may see (a regional manager: their regions; legal,
    finance, the sales GM, the CEO and auditors: all). A contract number counts once, as its
    signed version if any, dated by its first submission. Money is a string with two decimals;
    the currency is given once."""

    def get(self, request):
        params = ContractStatsQuerySerializer(data=request.query_params,
                                           context={"user": request.user})
        params.is_valid(raise_exception=True)
        p = params.validated_data
        period = st.period_for(year=p.get("year"), date_from=p.get("date_from"),
                               date_to=p.get("date_to"))
        figures = st.contract_statistics(request.user, period=period, region=p.get("region"))
        return Response(ContractStatsSerializer(figures).data)
