"""URLs for ``make bench-lijsten``: the whole product plus a bare one-query view as baseline."""

from django.db import connection
from django.http import JsonResponse
from django.urls import include, path


def kaal(request):
    """One query for 25 ids, as JSON: gunicorn + Django + the middleware, no product work."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM inburgeraars_inburgeraar ORDER BY id DESC LIMIT 25")
        return JsonResponse({"ids": [rij[0] for rij in cursor.fetchall()]})


urlpatterns = [
    path("bench/kaal", kaal),
    path("", include("openinburgering.urls")),
]
