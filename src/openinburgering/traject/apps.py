from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectConfig(AppConfig):
    name = "openinburgering.traject"
    label = "traject"
    verbose_name = _("Traject: PVT, MAP, Z-route, uren en examens")

    def ready(self):
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import dossierkaart

        kaart_registreren(dossierkaart.KAART)  # ADR 0051

        from .reacties import registreren as reacties_registreren

        reacties_registreren()  # ADR 0050

        # The hours registered here count in the one total of language hours DUO gets (R68),
        # which taalaanbieders (below this app) computes from every source registered with it.
        from openinburgering.taalaanbieders.bronnen import taaluren_bron_registreren

        from .selectors import geregistreerde_taaluren

        taaluren_bron_registreren("geregistreerd door de gemeente", geregistreerde_taaluren)
