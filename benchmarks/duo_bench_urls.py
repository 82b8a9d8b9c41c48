"""URLs for ``make bench-duo``: the whole product plus one bare view as the baseline."""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def kaal(request):
    """A Django view that reads the body and answers 201: gunicorn + Django, no work."""
    request.body  # noqa: B018 - read the body like the real endpoint does
    response = HttpResponse(status=201)
    response["API-Version"] = "1.8.0"
    return response


urlpatterns = [
    path("bench/kaal", kaal),
    path("", include("openinburgering.urls")),
]
