from django.urls import include, path

from . import logboek

app_name = "api"
urlpatterns = [
    path("", include("openinburgering.inburgeraars.api.urls")),
    path("", include("openinburgering.pip.api.urls")),
    # Issue 18 (ADR 0076): every area of the work.
    path("", include("openinburgering.pip.api.urls_gesprekken")),
    path("", include("openinburgering.begeleiding.api.urls")),
    path("", include("openinburgering.traject.api.urls")),
    path("", include("openinburgering.handhaving.api.urls")),
    path("", include("openinburgering.taalaanbieders.api.urls")),
    path("verwerkingen", logboek.Verwerkingen.as_view(), name="verwerking-list"),
    path("verwerkingen/_zoek", logboek.VerwerkingenZoeken.as_view(), name="verwerking-zoek"),
    path("", include("openinburgering.intake.api.urls")),
    path("", include("openinburgering.signalen.api.urls")),
    path("", include("openinburgering.ontzorgen.api.urls")),
    path("", include("openinburgering.integrations.duo.api_v1.urls")),
    # For a data warehouse (ADR 0091).
    path("", include("openinburgering.cijfers.api.urls")),
]
