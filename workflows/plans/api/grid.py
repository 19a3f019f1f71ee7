"""The allocation grid: JSON read and replace, .xlsx import and export."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.parsers import JSONParser
from core.api.serializers import ACTION_ERRORS, ERRORS, ErrorSerializer

from .. import selectors, services
from ..models import Plan
from ..services.common import describe, grid_of, names_for
from . import serializers as s
from .common import FILE_ERRORS, GRID, upload, visible


def grid_data(user, plan: Plan) -> dict:
    view = selectors.grid_view(plan, selectors.plan_scope(user))
    names = names_for(grid_of(plan)) if view.mismatches else {}
    return s.PlanGridSerializer({
        "plan": plan.pk, "state": plan.state,
        "target": plan.target if selectors.sees_process(user) else None,
        "currency": plan.currency,
        "regions": view.blocks, "company": view.company,
        "mismatches": [{"cell": m.cell, "level": m.level, "expected": m.expected,
                        "found": m.found, "difference": m.difference,
                        "message": describe(m, names)} for m in view.mismatches],
    }).data


class AllocationsView(APIView):
    parser_classes = [JSONParser]

    @extend_schema(tags=GRID, summary="The grid you may see: regions × months and salespeople "
                                      "× months, with quarters, years and any mismatch",
                   responses={200: s.PlanGridSerializer, **ERRORS, 404: ErrorSerializer})
    def get(self, request, pk: int):
        return Response(grid_data(request.user, visible(request.user, pk)))

    @extend_schema(
        tags=GRID, request=s.PlanGridInputSerializer,
        summary="Replace the whole grid of a draft (its author): refused, with every "
                "mismatching cell named (e.g. `east/3`), unless every level adds up to the fen",
        responses={200: s.PlanGridSerializer, **ACTION_ERRORS},
    )
    def put(self, request, pk: int):
        visible(request.user, pk)
        parsed = s.PlanGridInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        rows = []
        for i, region in enumerate(d["regions"]):
            rows.append(services.GridRow(region=region["region"], months=region["months"],
                                         stated=_stated(region), label=f"regions.{i}"))
            for j, person in enumerate(region.get("people") or []):
                rows.append(services.GridRow(region=region["region"],
                                             person=person["salesperson"],
                                             months=person["months"], stated=_stated(person),
                                             label=f"regions.{i}.people.{j}"))
        plan = services.allocations_save(plan_id=pk, actor=request.user, target=d["target"],
                                         rows=rows, company_months=d.get("company_months"),
                                         source="api", comment=d["comment"])
        return Response(grid_data(request.user, plan))


def _stated(row: dict) -> dict:
    stated = {}
    if row.get("year") not in (None, ""):
        stated["year"] = row["year"]
    for q, value in enumerate(row.get("quarters") or [], 1):
        if value not in (None, ""):
            stated[f"q{q}"] = value
    return stated


@extend_schema(
    tags=GRID, request={"multipart/form-data": s.PlanUploadSerializer},
    summary="Replace the grid from an .xlsx in the export's layout (same checks as PUT)",
    responses={200: s.PlanGridSerializer, **FILE_ERRORS},
)
class AllocationsImportView(APIView):
    parser_classes = [MultiPartParser, FormParser]

    def post(self, request, pk: int):
        visible(request.user, pk)
        data, name = upload(request)
        plan = services.allocations_import_xlsx(plan_id=pk, actor=request.user, data=data,
                                                filename=name)
        return Response(grid_data(request.user, plan))


def xlsx_response(user, plan: Plan) -> HttpResponse:
    data = services.plan_export_xlsx(plan, **selectors.export_scope(user, plan))
    response = HttpResponse(data, content_type=services.xlsx.XLSX_TYPE)
    name = f"{plan.number}-v{plan.version}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@extend_schema(
    tags=GRID, summary="The grid you may see as an Excel workbook (live quarter/year formulas)",
    responses={(200, services.xlsx.XLSX_TYPE): OpenApiResponse(OpenApiTypes.BINARY),
               401: ErrorSerializer, 404: ErrorSerializer},
)
class PlanExportView(APIView):
    def perform_content_negotiation(self, request, force=False):
        return super().perform_content_negotiation(request, force=True)

    def get(self, request, pk: int):
        return xlsx_response(request.user, visible(request.user, pk))
