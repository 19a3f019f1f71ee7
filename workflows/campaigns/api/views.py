"""Marketing campaigns: list, draft, detail (budget per line, evaluation), edit, submit, call
off, evaluation (API.md "Processes")."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import idempotent
from core.api.serializers import (
    ACTION_ERRORS,
    ERRORS,
    MAX_ID,
    ErrorSerializer,
    SubmitSerializer,
    submit_cc,
)
from core.api.tasks import IDEMPOTENCY_HEADER
from core.exceptions import InvalidInputError, NotFoundError

from .. import selectors, services
from ..models import Campaign
from . import serializers as s

TAGS = ["campaigns"]


def _visible(user, pk: int) -> Campaign:
    campaign = selectors.visible_campaign(user, pk) if 0 < pk <= MAX_ID else None
    if campaign is None:
        raise NotFoundError()
    return campaign


def campaign_detail(user, pk: int) -> dict:
    campaign = _visible(user, pk)
    campaign.budget = selectors.budget_lines(campaign)
    campaign.evaluation_row = selectors.evaluation_of(campaign)
    actions = selectors.campaign_actions(user, campaign)
    campaign.available_actions = sorted(actions)
    data = s.CampaignDetailSerializer(campaign).data
    data["evaluation"] = (s.EvaluationSerializer(campaign.evaluation_row).data
                          if campaign.evaluation_row else None)
    return data


def _lines(rows):
    return None if rows is None else [{**dict(r), "month": f"{r['month']}-01"} for r in rows]


@extend_schema(tags=TAGS)
class CampaignListView(ListAPIView):
    """Campaigns the user may see, newest first."""

    serializer_class = s.CampaignSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Campaign.objects.none()
        return selectors.visible_campaigns(self.request.user).order_by("-start", "-pk")

    @extend_schema(
        summary="Draft a campaign (submit it with /submit/)", request=s.CampaignInSerializer,
        parameters=[IDEMPOTENCY_HEADER],
        responses={201: s.CampaignDetailSerializer, **ERRORS, 409: ErrorSerializer})
    @idempotent
    def post(self, request):
        parsed = s.CampaignInSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = dict(parsed.validated_data)
        lines = _lines(d.pop("lines"))
        campaign = services.campaign_create(actor=request.user, lines=lines,
                                            regions=d.pop("regions", []), **d)
        return Response(campaign_detail(request.user, campaign.pk),
                        status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class CampaignDetailView(APIView):
    @extend_schema(summary="One campaign: its budget per line (planned, reserved, in claims, "
                           "spent, left) and its evaluation",
                   responses={200: s.CampaignDetailSerializer, **ERRORS, 404: ErrorSerializer})
    def get(self, request, pk: int):
        return Response(campaign_detail(request.user, pk))

    @extend_schema(summary="Edit a draft or a returned campaign (the owner)",
                   request=s.CampaignUpdateSerializer,
                   responses={200: s.CampaignDetailSerializer, **ERRORS,
                              404: ErrorSerializer, 409: ErrorSerializer})
    def patch(self, request, pk: int):
        _visible(request.user, pk)
        parsed = s.CampaignUpdateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = dict(parsed.validated_data)
        lines = _lines(d.pop("lines", None))
        services.campaign_update(campaign_id=pk, actor=request.user, lines=lines,
                                 regions=d.pop("regions", None), **d)
        return Response(campaign_detail(request.user, pk))


@extend_schema(tags=TAGS, summary="Submit for approval (the owner)", request=SubmitSerializer,
               parameters=[IDEMPOTENCY_HEADER],
               responses={200: s.CampaignDetailSerializer, **ACTION_ERRORS})
class CampaignSubmitView(APIView):
    @idempotent
    def post(self, request, pk: int):
        _visible(request.user, pk)
        services.campaign_submit(campaign_id=pk, actor=request.user,
                                  cc=submit_cc(request))
        return Response(campaign_detail(request.user, pk))


@extend_schema(tags=TAGS, summary="Call an approved campaign off: its budget is released",
               request={"application/json": {"type": "object",
                                             "properties": {"reason": {"type": "string"}}}},
               parameters=[IDEMPOTENCY_HEADER],
               responses={200: s.CampaignDetailSerializer, **ACTION_ERRORS})
class CampaignCancelView(APIView):
    @idempotent
    def post(self, request, pk: int):
        _visible(request.user, pk)
        reason = request.data.get("reason") if hasattr(request.data, "get") else None
        if not isinstance(reason, str):
            raise InvalidInputError(fields={"reason": [_("A reason is required.")]})
        services.campaign_cancel(campaign_id=pk, actor=request.user, reason=reason)
        return Response(campaign_detail(request.user, pk))


@extend_schema(tags=TAGS, summary="Fill in the evaluation (the owner); submit sends it to "
                                  "the sales GM",
               request=s.EvaluationInSerializer, parameters=[IDEMPOTENCY_HEADER],
               responses={200: s.CampaignDetailSerializer, **ACTION_ERRORS})
class CampaignEvaluationView(APIView):
    @idempotent
    def post(self, request, pk: int):
        _visible(request.user, pk)
        parsed = s.EvaluationInSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        services.evaluation_save(campaign_id=pk, actor=request.user, leads=d["leads"],
                                 attendees=d["attendees"], customers_met=d["customers_met"],
                                 contract_ids=d["contracts"], lessons=d["lessons"],
                                 submit=d["submit"])
        return Response(campaign_detail(request.user, pk))
