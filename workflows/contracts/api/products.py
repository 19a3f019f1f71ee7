"""The product catalogue, read-only (contract lines name its products; the catalogue is kept
in the admin and imported from a workbook)."""

from django.db.models import Q
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView

from core.api.filters import OrderingFilter
from core.api.serializers import ERRORS

from ..models import UNSPECIFIED_PRODUCT, Product
from . import serializers as s

TAGS = ["contracts: products"]


@extend_schema(tags=TAGS)
class ProductListView(ListAPIView):
    """The catalogue by category and code: every signed-in user may read it (list prices are
    what the sales team quotes from)."""

    serializer_class = s.ProductSerializer
    filter_backends = [OrderingFilter]
    ordering_fields = ["code", "category", "list_price", "name_zh"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Product.objects.none()
        params = s.ProductQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        qs = Product.objects.exclude(code=UNSPECIFIED_PRODUCT)
        if "active" in p:
            qs = qs.filter(active=p["active"])
        if p.get("category", "").strip():
            qs = qs.filter(category=p["category"].strip())
        if p.get("q", "").strip():
            q = p["q"].strip()
            qs = qs.filter(Q(code__icontains=q) | Q(name_zh__icontains=q)
                           | Q(name_en__icontains=q))
        return qs.order_by("category", "code", "pk")

    @extend_schema(parameters=[s.ProductQuerySerializer],
                   responses={200: s.ProductSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
