from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerhuizingConfig(AppConfig):
    name = "openinburgering.verhuizing"
    label = "verhuizing"
    verbose_name = _("Verhuizing: overdragen en overnemen tussen gemeenten")

    def ready(self):
        from openinburgering.core import brp
        from openinburgering.inburgeraars.bewaren import opruimer_registreren
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import dossierkaart, reacties
        from .bewaren import OPRUIMER

        kaart_registreren(dossierkaart.KAART)  # ADR 0051
        reacties.registreren()  # ADR 0050
        # The BRP's gemeente of registration changed: a departure (ADR 0066).
        brp.verhuizing_registreren(reacties.vertrek_volgens_brp)
        opruimer_registreren(OPRUIMER)  # ADR 0060
        # R22 after a move: the route in a handover file read in counts as the previous one.
        from openinburgering.pip.services import vorige_leerroute_registreren

        from .selectors import vorige_leerroute

        vorige_leerroute_registreren(vorige_leerroute)
