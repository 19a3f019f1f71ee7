from rest_framework import filters


class OrderingFilter(filters.OrderingFilter):
    """`?ordering=` over the view's `ordering_fields`, with the primary key as the tie-breaker so
    that pages do not overlap; without the parameter the selector's own order stands."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if ordering and not {"pk", "-pk"} & set(ordering):
            ordering = [*ordering, "pk"]
        return ordering
