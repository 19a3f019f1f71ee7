from django.http import HttpResponse
from django.urls import path

app_name = "throwaway"


def thing(request, thing_id: int):
    return HttpResponse(f"thing {thing_id}")


def things(request):
    return HttpResponse("things")


urlpatterns = [path("", things, name="things"), path("<int:thing_id>/", thing, name="thing")]
