from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("openinburgering.accounts.urls")),
    path("", include("openinburgering.ui.urls")),
    path("inburgeraars/", include("openinburgering.inburgeraars.urls")),
    path("logboek/", include("openinburgering.logboek.urls")),
    path("taalaanbieders/", include("openinburgering.taalaanbieders.urls")),
    path("werklijst/", include("openinburgering.signalen.urls")),
    path("intake/", include("openinburgering.intake.urls")),
    path("pip/", include("openinburgering.pip.urls")),
    path("besluiten/", include("openinburgering.besluiten.urls")),
    path("begeleiding/", include("openinburgering.begeleiding.urls")),
    path("gemeente/", include("openinburgering.brieven.urls")),
    path("gemeente/", include("openinburgering.gemeenten.urls")),
    path("traject/", include("openinburgering.traject.urls")),
    path("handhaving/", include("openinburgering.handhaving.urls")),
    path("verhuizing/", include("openinburgering.verhuizing.urls")),
    path("", include("openinburgering.cijfers.urls")),
    path("cbs/", include("openinburgering.cbs.urls")),
    path("financien/", include("openinburgering.financien.urls")),
    path("kennisbank/", include("openinburgering.kennisbank.urls")),
    path("ontzorgen/", include("openinburgering.ontzorgen.urls")),
    path("api/v1/", include("openinburgering.api.urls")),
    path("", include("openinburgering.integrations.duo.urls")),
    path("", include("openinburgering.integrations.brp.urls")),
    path("abonnementen/", include("openinburgering.abonnementen.urls")),
    path("portaal/", include("openinburgering.portaal.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("talen/", include("openinburgering.talen.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

# Our own pages in the house style instead of Django's (ui/fouten.py).
handler400 = "openinburgering.ui.fouten.ongeldig_verzoek"
handler403 = "openinburgering.ui.fouten.geen_toegang"
handler404 = "openinburgering.ui.fouten.niet_gevonden"
handler500 = "openinburgering.ui.fouten.serverfout"
