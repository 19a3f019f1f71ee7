"""The user's saved filters (the lists' "save this search"), read-only: each names a list page
and its query string, to apply in a client as the pages do (API.md "Saved filters")."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView

from core.inbox import search
from core.inbox.models import SavedFilter

from . import serializers as s


class SavedFilterSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    # a plain string: a generic "page" enum would collide in the schema
    page = serializers.CharField(help_text=", ".join(SavedFilter.Page.values))
    name = serializers.CharField()
    query = serializers.CharField(help_text="The list page's query string, e.g. q=acme&sort=due.")
    url = serializers.SerializerMethodField()
    created = serializers.DateTimeField()

    def get_url(self, obj) -> str:
        base = reverse(search.PAGE_URLS[obj.page])
        return f"{base}?{obj.query}" if obj.query else base


@extend_schema(tags=["saved-filters"], responses={200: SavedFilterSerializer(many=True),
                                                  **s.ERRORS})
class SavedFilterListView(ListAPIView):
    """The requesting user's own saved filters (nobody else's), by name."""

    serializer_class = SavedFilterSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SavedFilter.objects.none()
        return SavedFilter.objects.filter(user=self.request.user).order_by("name", "pk")
