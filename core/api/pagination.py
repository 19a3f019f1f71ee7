from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


def _positive(value: str | None) -> int | None:
    if value is None or value == "":
        return None
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        return -1
    return int(value)


class Pagination(PageNumberPagination):
    """API.md: `?page=` and `?page_size=` (max 200). A page that is not a positive number, or
    past the last page, is bad input (400 with the field), not a missing resource."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        size = _positive(request.query_params.get(self.page_size_query_param))
        if size == -1:
            raise ValidationError({"page_size": [_("Give a whole number from 1 to %(max)d.")
                                                 % {"max": self.max_page_size}]})
        return min(size, self.max_page_size) if size else self.page_size

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw not in self.last_page_strings and _positive(raw) == -1:
            raise ValidationError({"page": [_("Give a page number from 1.")]})
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            raise ValidationError({"page": [_("There is no such page.")]}) from None

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = "Rows per page, 1 to 200 (a larger value gives 200)."
        return parameters
