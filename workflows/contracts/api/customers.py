"""Customers and their credit limits: list, create, detail, ask for a new limit, finance decides
(API.md "Processes")."""

from django.db.models import Q
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.filters import OrderingFilter
from core.api.idempotency import idempotent
from core.api.serializers import ACTION_ERRORS, ERRORS, ErrorSerializer
from core.api.tasks import IDEMPOTENCY_HEADER
from core.audit import selectors as audit

from .. import services
from ..models import ContractState, CreditLimitChange, Customer, Interaction
from ..selectors import visible_contracts, visible_customers
from . import customer_serializers as s
from .common import visible_customer, visible_limit_change, visible_limit_changes

TAGS = ["contracts: customers"]


def customer_detail(user, customer: Customer) -> dict:
    customer.pending_change = customer.limit_changes.filter(
        state=CreditLimitChange.State.PENDING).select_related("requested_by").first()
    customer.contracts_count = visible_contracts(user).filter(customer=customer).exclude(
        state=ContractState.SUPERSEDED).count()
    customer.history = list(audit.timeline(customer.audit_kind, customer.pk))
    customer.class_history = list(customer.class_changes.order_by("-month", "-pk"))
    return s.CustomerDetailSerializer(customer).data


def _change(pk: int) -> dict:
    change = CreditLimitChange.objects.select_related(
        "customer", "requested_by", "decided_by").get(pk=pk)
    return s.CreditLimitChangeSerializer(change).data


@extend_schema(tags=TAGS)
class CustomerListView(ListAPIView):
    """Customers the user may see (readers: all; others their regions' and their own), by
    name."""

    serializer_class = s.CustomerSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["name", "rating", "value_class", "credit_limit", "open_receivables",
                       "credit_code"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Customer.objects.none()
        params = s.CustomerQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        qs = visible_customers(self.request.user)
        if "region" in p:
            qs = qs.filter(region=p["region"])
        if "rating" in p:
            qs = qs.filter(rating=p["rating"])
        if "value_class" in p:
            qs = qs.filter(value_class=p["value_class"])
        if p.get("q", "").strip():
            q = p["q"].strip()
            qs = qs.filter(Q(name__icontains=q) | Q(credit_code__icontains=q.upper()))
        return qs.order_by("name", "pk")

    @extend_schema(parameters=[s.CustomerQuerySerializer],
                   responses={200: s.CustomerSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Create a customer (a wrong credit code is 400 with the reason)",
        request=s.CustomerCreateSerializer, parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.CustomerDetailSerializer, **ERRORS, 409: ErrorSerializer,
                   422: ErrorSerializer},
    )
    @idempotent
    def post(self, request):
        parsed = s.CustomerCreateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        customer = services.customer_create(
            actor=request.user, name=d["name"], credit_code=d["credit_code"], region=d["region"],
            account_owner=d.get("account_owner") or request.user, rating=d["rating"],
            contacts=d["contacts"],
        )
        # The creator is shown what they created, even for a region they do not read.
        customer = Customer.objects.select_related("region", "account_owner").get(pk=customer.pk)
        return Response(customer_detail(request.user, customer), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, summary="One customer: credit limit, open receivables, the pending "
               "limit change, how many contracts, and its history",
               responses={200: s.CustomerDetailSerializer, **ERRORS, 404: ErrorSerializer})
class CustomerDetailView(APIView):
    def get(self, request, pk: int):
        return Response(customer_detail(request.user, visible_customer(request.user, pk)))


@extend_schema(
    tags=TAGS, summary="Ask for a new credit limit (finance decides it)",
    request=s.CreditLimitRequestSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={201: s.CreditLimitChangeSerializer, **ACTION_ERRORS},
)
class CreditLimitRequestView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_customer(request.user, pk)
        parsed = s.CreditLimitRequestSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        change = services.credit_limit_request(
            customer_id=pk, actor=request.user, new_limit=parsed.validated_data["new_limit"],
            reason=parsed.validated_data["reason"],
        )
        return Response(_change(change.pk), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class CreditLimitChangeListView(ListAPIView):
    """Limit changes of the customers the user may see, newest first (finance's to-do list:
    `?state=pending`)."""

    serializer_class = s.CreditLimitChangeSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["created", "decided_at", "new_limit"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CreditLimitChange.objects.none()
        params = s.CreditLimitQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        qs = visible_limit_changes(self.request.user)
        if "state" in p:
            qs = qs.filter(state=p["state"])
        if "customer" in p:
            qs = qs.filter(customer_id=p["customer"])
        return qs.order_by("-created", "-pk")

    @extend_schema(parameters=[s.CreditLimitQuerySerializer],
                   responses={200: s.CreditLimitChangeSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(
    tags=TAGS, summary="Approve or refuse a limit change (finance, not the person who asked)",
    request=s.CreditLimitDecideSerializer, parameters=[IDEMPOTENCY_HEADER],
    responses={200: s.CreditLimitChangeSerializer, **ACTION_ERRORS},
)
class CreditLimitDecideView(APIView):
    @idempotent
    def post(self, request, pk: int):
        visible_limit_change(request.user, pk)
        parsed = s.CreditLimitDecideSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        services.credit_limit_decide(change_id=pk, actor=request.user,
                                     approve=parsed.validated_data["approve"],
                                     comment=parsed.validated_data["comment"])
        return Response(_change(pk))


class CustomerInteractionListView(ListAPIView):
    """The customer's interaction log, newest first; anyone who may see the customer adds to
    it."""

    serializer_class = s.InteractionSerializer
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Interaction.objects.none()
        customer = visible_customer(self.request.user, self.kwargs["pk"])
        return customer.interactions.select_related("by").order_by("-date", "-pk")

    @extend_schema(tags=TAGS, summary="The customer's visits, calls, complaints and notes, "
                   "newest first",
                   responses={200: s.InteractionSerializer(many=True), **ERRORS,
                              404: ErrorSerializer})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS, summary="Log a visit, call, complaint or note with the next action date",
        request=s.InteractionCreateSerializer, parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.InteractionSerializer, **ACTION_ERRORS},
    )
    @idempotent
    def post(self, request, pk: int):
        visible_customer(request.user, pk)
        parsed = s.InteractionCreateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        item = services.interaction_add(customer_id=pk, actor=request.user,
                                        **parsed.validated_data)
        item = Interaction.objects.select_related("by").get(pk=item.pk)
        return Response(s.InteractionSerializer(item).data, status=status.HTTP_201_CREATED)
