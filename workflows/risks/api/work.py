"""A risk's measures (what, who, by when) and its periodic reviews."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import idempotent
from core.api.serializers import ACTION_ERRORS, ERRORS, MAX_ID, ErrorSerializer
from core.api.tasks import IDEMPOTENCY_HEADER
from core.exceptions import InvalidInputError, NotFoundError

from .. import services
from ..models import Measure, Review
from . import serializers as s
from .common import visible_risk
from .risks import risk_detail

TAGS = ["risks: measures and reviews"]


def _measures(risk) -> list:
    today = timezone.localdate()
    rows = list(risk.measures.select_related("owner"))
    for m in rows:
        m.overdue = m.overdue_on(today)
    return rows


def _measure(pk: int) -> dict:
    measure = Measure.objects.select_related("owner").get(pk=pk)
    measure.overdue = measure.overdue_on(timezone.localdate())
    return s.RiskMeasureSerializer(measure).data


class MeasureListView(APIView):
    @extend_schema(tags=TAGS, summary="The risk's measures, by due date",
                   responses={200: s.RiskMeasureSerializer(many=True), **ERRORS,
                              404: ErrorSerializer})
    def get(self, request, pk: int):
        risk = visible_risk(request.user, pk)
        return Response(s.RiskMeasureSerializer(_measures(risk), many=True).data)

    @extend_schema(
        tags=TAGS, summary="Add a measure (its owner, the risk's managers); not while the plan "
        "or the closure waits for approval", request=s.RiskMeasureCreateSerializer,
        parameters=[IDEMPOTENCY_HEADER], responses={201: s.RiskMeasureSerializer, **ACTION_ERRORS},
    )
    @idempotent
    def post(self, request, pk: int):
        risk = visible_risk(request.user, pk)
        parsed = s.RiskMeasureCreateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        measure = services.measure_add(risk_id=risk.pk, actor=request.user,
                                       description=d["description"],
                                       owner=d.get("owner") or risk.owner,
                                       due_date=d["due_date"])
        return Response(_measure(measure.pk), status=status.HTTP_201_CREATED)


@extend_schema(
    tags=TAGS, summary="Mark a measure done (its owner or the risk's managers); the last one "
    "done moves the risk to monitoring", request=s.RiskMeasureDoneSerializer,
    parameters=[IDEMPOTENCY_HEADER], responses={200: s.RiskMeasureSerializer, **ACTION_ERRORS},
)
class MeasureDoneView(APIView):
    @idempotent
    def post(self, request, pk: int, measure_id: int):
        risk = visible_risk(request.user, pk)
        if measure_id > MAX_ID or not risk.measures.filter(pk=measure_id).exists():
            raise NotFoundError()
        parsed = s.RiskMeasureDoneSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        services.measure_done(measure_id=measure_id, actor=request.user,
                              done_date=parsed.validated_data.get("done_date"))
        return Response(_measure(measure_id))


class ReviewListView(APIView):
    @extend_schema(tags=TAGS, summary="The risk's periodic reviews, latest first",
                   responses={200: s.RiskReviewSerializer(many=True), **ERRORS,
                              404: ErrorSerializer})
    def get(self, request, pk: int):
        risk = visible_risk(request.user, pk)
        rows = risk.reviews.select_related("assignee", "done_by")
        return Response(s.RiskReviewSerializer(rows, many=True).data)


@extend_schema(
    tags=TAGS, summary="Complete a due review: do the measures work? optionally re-assess",
    request=s.RiskReviewCompleteSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.RiskDetailSerializer, **ACTION_ERRORS},
)
class ReviewCompleteView(APIView):
    @idempotent
    def post(self, request, pk: int, review_id: int):
        risk = visible_risk(request.user, pk)
        if review_id > MAX_ID or not Review.objects.filter(pk=review_id, risk=risk).exists():
            raise NotFoundError()
        parsed = s.RiskReviewCompleteSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        if (d.get("likelihood") is None) != (d.get("impact") is None):
            raise InvalidInputError(_("Give both likelihood and impact, or neither."),
                                    fields={"impact" if d.get("impact") is None
                                            else "likelihood": [_("Give both or neither.")]})
        services.review_complete(review_id=review_id, actor=request.user,
                                 measures_effective=d["measures_effective"],
                                 comment=d["comment"], likelihood=d.get("likelihood"),
                                 impact=d.get("impact"))
        return Response(risk_detail(request.user, pk))
