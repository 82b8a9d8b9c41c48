from django.urls import path

from . import gesprekken

urlpatterns = [
    path(
        "inburgeraars/<uuid:uuid>/voortgangsgesprekken",
        gesprekken.Voortgangsgesprekken.as_view(),
        name="voortgangsgesprek-list",
    ),
    path(
        "voortgangsgesprekken/<uuid:uuid>",
        gesprekken.Voortgangsgesprek.as_view(),
        name="voortgangsgesprek-detail",
    ),
    path(
        "voortgangsgesprekken/<uuid:uuid>/vastleggen",
        gesprekken.GesprekVastleggen.as_view(),
        name="voortgangsgesprek-vastleggen",
    ),
]
