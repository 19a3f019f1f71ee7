"""Sales contracts: list, draft, detail, edit, submit, amend, and the diff between versions
(API.md "Processes"). Reviews and sign-off are tasks: /api/tasks/{id}/approve/ and friends."""

from django.db.models import Q
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.filters import OrderingFilter
from core.api.idempotency import idempotent
from core.api.serializers import ACTION_ERRORS, ERRORS, ErrorSerializer, SubmitSerializer, submit_cc
from core.api.tasks import IDEMPOTENCY_HEADER
from core.audit import selectors as audit
from core.exceptions import InvalidInputError

from .. import services
from ..models import Contract
from ..selectors import contract_actions, ordered, versions_of, visible_contracts
from ..services.contracts import EDITABLE, lines_diff_of, version_diff
from . import serializers as s
from .common import (
    open_problems_first,
    visible_contract,
    with_contract_facts,
)

TAGS = ["contracts: contracts"]


def contract_detail(user, pk: int) -> dict:
    contract = visible_contract(user, pk)
    versions = versions_of(contract)
    seen = set(visible_contracts(user).filter(pk__in=[v.pk for v in versions])
               .values_list("pk", flat=True))
    contract.version_rows = [v for v in versions if v.pk in seen]
    contract.milestone_rows = list(contract.milestones.all())
    contract.line_rows = list(contract.lines.select_related("product"))
    contract.problem_rows = list(open_problems_first(
        contract.problems.select_related("raised_by", "assignee")))
    contract.history = list(audit.timeline(contract.audit_kind, contract.pk))
    contract.available_actions = ordered(contract_actions(user, contract))
    return s.ContractDetailSerializer(contract).data


def _edits(data: dict) -> dict:
    edits = {k: data[k] for k in EDITABLE if k in data}
    if "lines" in data:
        edits["lines"] = [dict(line) for line in data["lines"]]
    return edits


@extend_schema(tags=TAGS)
class ContractListView(ListAPIView):
    """Contracts the user may see (reviewers and auditors: all; a regional manager: their
    regions'; anyone else: their own, their customers', and those they review), newest first.
    Every version is a row of its own."""

    serializer_class = s.ContractSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["created", "value", "number", "version", "title", "state",
                       "payment_terms_days", "submitted_at", "signed_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Contract.objects.none()
        params = s.ContractQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        qs = visible_contracts(self.request.user)
        if p["mine"]:
            qs = qs.filter(owner=self.request.user)
        if "state" in p:
            qs = qs.filter(state=p["state"])
        if "region" in p:
            qs = qs.filter(customer__region=p["region"])
        if "customer" in p:
            qs = qs.filter(customer_id=p["customer"])
        if "credit_breach" in p:
            qs = qs.filter(credit_breach=p["credit_breach"])
        if p.get("q", "").strip():
            q = p["q"].strip()
            qs = qs.filter(Q(title__icontains=q) | Q(number__icontains=q)
                           | Q(customer__name__icontains=q))
        return with_contract_facts(qs).order_by("-created", "-pk")

    @extend_schema(parameters=[s.ContractQuerySerializer],
                   responses={200: s.ContractSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Draft a contract (submit it with /submit/)", request=s.ContractCreateSerializer,
        parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.ContractDetailSerializer, **ERRORS, 409: ErrorSerializer,
                   422: ErrorSerializer},
    )
    @idempotent
    def post(self, request):
        parsed = s.ContractCreateSerializer(data=request.data, context={"user": request.user})
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        contract = services.contract_create(
            actor=request.user, customer=d["customer"], title=d["title"], value=d.get("value"),
            lines=_edits(d).get("lines"), payment_terms_days=d["payment_terms_days"],
            delivery_terms=d["delivery_terms"],
            key_clauses=d["key_clauses"],
        )
        return Response(contract_detail(request.user, contract.pk),
                        status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class ContractDetailView(APIView):
    @extend_schema(summary="One contract with its credit check, versions, milestones, problems, "
                   "history and what you may do now",
                   responses={200: s.ContractDetailSerializer, **ERRORS, 404: ErrorSerializer})
    def get(self, request, pk: int):
        return Response(contract_detail(request.user, pk))

    @extend_schema(
        summary="Edit a draft or a returned contract (the owner); a signed one is amended",
        request=s.ContractUpdateSerializer,
        responses={200: s.ContractDetailSerializer, **ERRORS, 404: ErrorSerializer,
                   409: ErrorSerializer},
    )
    def patch(self, request, pk: int):
        visible_contract(request.user, pk)
        parsed = s.ContractUpdateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        services.contract_update(contract_id=pk, actor=request.user,
                                 **_edits(parsed.validated_data))
        return Response(contract_detail(request.user, pk))


@extend_schema(
    tags=TAGS, summary="Submit: numbers the contract, runs the credit check, starts the review",
    request=SubmitSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.ContractDetailSerializer, **ACTION_ERRORS},
)
class ContractSubmitView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_contract(request.user, pk)
        services.contract_submit(contract_id=pk, actor=request.user, cc=submit_cc(request))
        return Response(contract_detail(request.user, pk))


@extend_schema(
    tags=TAGS, summary="Amend a signed contract: a new version, a draft to submit for review",
    request=s.ContractAmendSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={201: s.ContractDetailSerializer, **ACTION_ERRORS},
)
class ContractAmendView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_contract(request.user, pk)
        parsed = s.ContractAmendSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        amendment = services.contract_amend(contract_id=pk, actor=request.user,
                                            reason=parsed.validated_data["reason"],
                                            **_edits(parsed.validated_data))
        return Response(contract_detail(request.user, amendment.pk),
                        status=status.HTTP_201_CREATED)


@extend_schema(
    tags=TAGS, summary="Field-by-field differences from another version of the same contract",
    parameters=[s.ContractDiffQuerySerializer],
    responses={200: s.ContractDiffSerializer, **ERRORS, 404: ErrorSerializer},
)
class ContractDiffView(APIView):
    def get(self, request, pk: int):
        contract = visible_contract(request.user, pk)
        parsed = s.ContractDiffQuerySerializer(data=request.query_params)
        parsed.is_valid(raise_exception=True)
        base = visible_contracts(request.user).filter(
            pk=parsed.validated_data["against"]).first()
        # One answer for "no such id", "not yours to see" and "another contract": none of them
        # tells the caller anything about contracts they may not see.
        if base is None or not contract.number or base.number != contract.number:
            raise InvalidInputError(
                _("Compare with another version of the same contract."),
                fields={"against": [_("Not a version of this contract.")]})
        return Response(s.ContractDiffSerializer({
            "base": base, "version": contract, "changes": version_diff(base, contract),
            "lines": lines_diff_of(base, contract),
        }).data)
