"""The API's tokens (API.md, docs/API.md): POST /api/auth/token/, the caller's tokens at
/api/auth/tokens/, and POST /api/auth/logout/.

- django-axes' lockout is answered as a clear 403 instead of "unable to log in" (the credentials
  may well be right).
- Every successful POST /api/auth/token/ makes a new token (django-rest-knox: only its digest is
  stored), optionally named, that expires after API_TOKEN_AGE (default SESSION_COOKIE_AGE); an
  expired one is refused (401). Logging out ends the token that made the call; a password change
  ends every token of the user, as it ends their other sessions. A user lists their tokens
  (never the secret: its first characters as `id`) and revokes any of them.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_serializer
from rest_framework import generics, serializers, status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import NotFoundError
from core.org.models import ApiToken

from .parsers import JSONParser
from .serializers import ERRORS, ErrorSerializer


@extend_schema_serializer(component_name="AuthToken")  # AuthTokenRequest in clients
class TokenRequestSerializer(AuthTokenSerializer):
    name = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default="",
        help_text=gettext_lazy("What the token is for (a script's name), shown in the list."))


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField()
    id = serializers.CharField()
    expiry = serializers.DateTimeField(allow_null=True)


class TokenSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="token_key", read_only=True)
    current = serializers.SerializerMethodField()

    class Meta:
        model = ApiToken
        fields = ["id", "name", "created", "expiry", "last_used", "current"]

    def get_current(self, token: ApiToken) -> bool:
        caller = self.context["request"].auth
        return isinstance(caller, ApiToken) and caller.pk == token.pk


def _live(user):
    return ApiToken.objects.filter(user=user).filter(
        Q(expiry__isnull=True) | Q(expiry__gt=timezone.now()))


class TokenView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser, FormParser, MultiPartParser]  # JSON capped (parsers.py)

    @extend_schema(
        tags=["auth"], operation_id="auth_token_create", auth=[],
        summary="Log in: a token for `Authorization: Token <token>`",
        request=TokenRequestSerializer,
        responses={200: TokenResponseSerializer, 400: ErrorSerializer, 403: ErrorSerializer},
        examples=[
            OpenApiExample("Log in", request_only=True,
                           value={"username": "east_rep1", "password": "…", "name": "my script"}),  # nosec B105
            OpenApiExample("The token", response_only=True, status_codes=["200"],
                           value={"token": "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"  # nosec B105: example
                                           "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                                  "id": "9944b091", "expiry": "2026-12-08T12:00:00+08:00"}),
            OpenApiExample("Wrong password", response_only=True, status_codes=["400"],
                           value={"detail": "Unable to log in with provided credentials.",
                                  "code": "invalid", "fields": {}}),
        ],
    )
    def post(self, request, *args, **kwargs):
        username = request.data.get("username") if hasattr(request.data, "get") else None
        credentials = {"username": username if isinstance(username, str) else ""}
        if AxesProxyHandler.is_locked(request._request, credentials):
            return Response(
                {"detail": _("Too many failed logins: this account is locked for a while."),
                 "code": "locked_out", "fields": {}},
                status=status.HTTP_403_FORBIDDEN,
            )
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        ApiToken.objects.filter(user=user, expiry__lte=timezone.now()).delete()
        token, secret = ApiToken.objects.create(user=user,
                                                name=serializer.validated_data["name"])
        return Response({"token": secret, "id": token.token_key, "expiry": token.expiry})


class LogoutView(APIView):
    @extend_schema(tags=["auth"], request=None, responses={204: None, **ERRORS})
    def post(self, request):
        """End the token this request was made with (a browser session: nothing to end)."""
        if isinstance(request.auth, ApiToken):
            request.auth.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenListView(generics.ListAPIView):
    serializer_class = TokenSerializer
    queryset = ApiToken.objects.none()  # for the schema; get_queryset gives the caller's

    def get_queryset(self):
        return _live(self.request.user).order_by("-created")

    @extend_schema(tags=["auth"], responses={200: TokenSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        """The caller's unexpired tokens, newest first."""
        return super().get(request, *args, **kwargs)


class TokenRevokeView(APIView):
    @extend_schema(tags=["auth"], request=None,
                   responses={204: None, **ERRORS, 404: ErrorSerializer})
    def delete(self, request, token_id: str):
        """Revoke one of the caller's tokens (404 for any other)."""
        deleted, _rows = ApiToken.objects.filter(user=request.user, token_key=token_id).delete()
        if not deleted:
            raise NotFoundError()
        return Response(status=status.HTTP_204_NO_CONTENT)


token_view = TokenView.as_view()
