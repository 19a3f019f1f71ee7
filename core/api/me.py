"""Me: the signed-in user's own settings. Out-of-office (自助代理): GET lists the periods not
ended yet, POST sets one, DELETE /{id}/ cancels one (API.md "Me")."""

from typing import cast

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.org import out_of_office
from core.org.models import User

from . import serializers as s
from .fields import BusinessDateField


class OutOfOfficeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    deputy = s.PersonSerializer(read_only=True)
    starts_on = serializers.DateField(read_only=True)
    ends_on = serializers.DateField(read_only=True)
    kinds = serializers.ListField(child=serializers.CharField(), read_only=True,
                                  help_text="Process kinds; empty means every process.")
    reason = serializers.CharField(read_only=True)


class OutOfOfficeInputSerializer(serializers.Serializer):
    deputy = s.UserRefField()
    starts_on = BusinessDateField()
    ends_on = BusinessDateField()
    kinds = serializers.ListField(child=serializers.CharField(max_length=40), required=False,
                                  default=list, max_length=20,
                                  help_text="Process kinds (registry codes); empty or absent: "
                                            "every process.")
    reason = s.text_field(required=False, allow_blank=True, default="", max_length=200)


def _rows(user: User) -> list[dict]:
    return list(OutOfOfficeSerializer(out_of_office.mine(user), many=True).data)


@extend_schema(tags=["me"])
class OutOfOfficeView(APIView):
    @extend_schema(summary="My out-of-office periods not ended yet",
                   responses={200: OutOfOfficeSerializer(many=True), **s.ERRORS})
    def get(self, request):
        return Response(_rows(cast(User, request.user)))

    @extend_schema(
        summary="Set my out-of-office (自助代理): dates, processes, deputy",
        request=OutOfOfficeInputSerializer,
        responses={201: OutOfOfficeSerializer, **s.ERRORS},
        examples=[OpenApiExample("A week away, claims only", request_only=True, value={
            "deputy": "zhang.wei", "starts_on": "2026-12-14", "ends_on": "2026-12-18",
            "kinds": ["expense_claim"], "reason": "年假"})],
    )
    def post(self, request):
        parsed = OutOfOfficeInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        d = parsed.validated_data
        delegation = out_of_office.set_out_of_office(
            cast(User, request.user), out_of_office.OutOfOffice(
                deputy=d["deputy"], starts_on=d["starts_on"], ends_on=d["ends_on"],
                kinds=d["kinds"], reason=d["reason"]))
        return Response(OutOfOfficeSerializer(delegation).data, status=201)


@extend_schema(tags=["me"])
class OutOfOfficeDetailView(APIView):
    @extend_schema(summary="Cancel one of my out-of-office periods",
                   request=None, responses={204: None, 404: s.ErrorSerializer, **s.ERRORS})
    def delete(self, request, pk: int):
        out_of_office.cancel_out_of_office(cast(User, request.user), pk)
        return Response(status=204)
