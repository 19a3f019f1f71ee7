"""POST /api/auth/token/ (API.md): DRF's token view, with django-axes' lockout answered as a
clear 403 instead of "unable to log in" (the credentials may well be right)."""

from axes.handlers.proxy import AxesProxyHandler
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response

from .serializers import ErrorSerializer


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField()


class TokenView(ObtainAuthToken):
    @extend_schema(tags=["auth"], request=AuthTokenSerializer,
                   responses={200: TokenResponseSerializer, 400: ErrorSerializer,
                              403: ErrorSerializer})
    def post(self, request, *args, **kwargs):
        username = request.data.get("username") if hasattr(request.data, "get") else None
        credentials = {"username": username if isinstance(username, str) else ""}
        if AxesProxyHandler.is_locked(request._request, credentials):
            return Response(
                {"detail": _("Too many failed logins: this account is locked for a while."),
                 "code": "locked_out", "fields": {}},
                status=status.HTTP_403_FORBIDDEN,
            )
        return super().post(request, *args, **kwargs)


token_view = TokenView.as_view()
