"""POST /api/auth/token/ (API.md) and token authentication.

- django-axes' lockout is answered as a clear 403 instead of "unable to log in" (the credentials
  may well be right).
- A token lives as long as a browser session (API_TOKEN_AGE, default SESSION_COOKIE_AGE): an
  expired one is refused (401) and asking again gives a new one. Changing a password ends the
  user's token, as it ends their other sessions.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from .authentication import oldest_valid_token
from .parsers import JSONParser
from .serializers import ErrorSerializer


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField()


class TokenView(ObtainAuthToken):
    parser_classes = [JSONParser, FormParser, MultiPartParser]  # JSON capped (parsers.py)

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
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        Token.objects.filter(user=user, created__lt=oldest_valid_token()).delete()
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


token_view = TokenView.as_view()
