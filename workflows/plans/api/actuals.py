"""Actual sales (entered or imported) and attainment."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.filters import OrderingFilter
from core.api.idempotency import idempotent
from core.api.parsers import JSONParser
from core.api.serializers import ERRORS, ErrorSerializer
from core.api.tasks import IDEMPOTENCY_HEADER
from core.exceptions import InvalidInputError
from core.org.models import User

from .. import selectors, services
from ..models import Actual
from . import serializers as s
from .common import ACTUALS, FILE_ERRORS, upload, visible


class ActualsView(ListAPIView):
    """The plan's year's actuals you may see; POST records one (JSON) or imports a file
    (multipart, .xlsx or CSV: salesperson, [year], month, amount, [region], [note])."""

    serializer_class = s.SalesActualSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["month", "amount", "recorded_at"]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Actual.objects.none()
        plan = visible(self.request.user, self.kwargs["pk"])
        params = s.SalesActualQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        qs = selectors.actuals_for(self.request.user, plan.fiscal_year)
        if "month" in p:
            qs = qs.filter(month=p["month"])
        if "region" in p:
            qs = qs.filter(region__code=p["region"])
        if "salesperson" in p:
            qs = qs.filter(salesperson__username=p["salesperson"])
        return qs.order_by("month", "region__code", "salesperson__username", "pk")

    @extend_schema(tags=ACTUALS, parameters=[s.SalesActualQuerySerializer],
                   responses={200: s.SalesActualSerializer(many=True), **ERRORS,
                              404: ErrorSerializer})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=ACTUALS, parameters=[IDEMPOTENCY_HEADER],
        summary="Record one month's actual (JSON) or import a file (multipart `file`); a file "
                "with any bad row is refused whole, every bad row named (`row 7`)",
        request={"application/json": s.SalesActualInputSerializer,
                 "multipart/form-data": s.PlanUploadSerializer},
        responses={201: s.SalesActualSerializer, 200: s.ActualsImportResultSerializer,
                   **FILE_ERRORS},
    )
    @idempotent
    def post(self, request, pk: int):
        plan = visible(request.user, pk)
        if request.content_type.startswith("multipart/"):
            data, name = upload(request)
            n = services.actuals_import(actor=request.user, data=data, filename=name,
                                        year=plan.fiscal_year)
            return Response({"imported": n})
        parsed = s.SalesActualInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        person = User.objects.filter(username=d["salesperson"]).first()
        if person is None:
            raise InvalidInputError(_("No salesperson with this username."),
                                    fields={"salesperson": [_("Unknown user.")]})
        actual = services.actual_record(actor=request.user, salesperson=person,
                                        year=plan.fiscal_year, month=d["month"],
                                        amount=d["amount"], note=d["note"])
        actual = Actual.objects.select_related("salesperson", "region", "recorded_by").get(
            pk=actual.pk)
        return Response(s.SalesActualSerializer(actual).data, status=status.HTTP_201_CREATED)


def _period(target, actual, pct) -> dict:
    return {"target": target, "actual": actual, "attainment": pct}


def _attained(line) -> dict:
    return {"kind": line.kind, "region": line.region, "person": line.person,
            "label": line.label,
            "months": [_period(t, a, p) for _m, t, a, p in line.months],
            "quarters": [_period(*q) for q in line.quarters],
            "year": _period(line.year_target, line.year_actual, line.pct),
            "to_date": _period(line.to_date_target, line.year_actual, line.to_date_pct)}


@extend_schema(tags=ACTUALS, summary="Targets against actuals per month, quarter and year, for "
                                     "the company, regions and salespeople you may see",
               responses={200: s.AttainmentSerializer, **ERRORS, 404: ErrorSerializer})
class AttainmentView(APIView):
    def get(self, request, pk: int):
        plan = visible(request.user, pk)
        a = selectors.attainment(plan, request.user)
        return Response(s.AttainmentSerializer({
            "plan": plan.pk, "fiscal_year": plan.fiscal_year, "through_month": a.through,
            "company": _attained(a.company) if a.company else None,
            "regions": [_attained(r) for r in a.regions],
            "salespeople": [_attained(p) for p in a.people]}).data)
