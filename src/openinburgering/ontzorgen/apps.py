from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OntzorgenConfig(AppConfig):
    name = "openinburgering.ontzorgen"
    label = "ontzorgen"
    verbose_name = _("Ontzorgen")

    def ready(self):
        from openinburgering.core.werklijst import bron_registreren
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import besluit, dossierkaart, werklijst

        # The end of ontzorgen (R87) and refused payments on the one worklist; the card on the
        # dossier page; the decision page's link back (ADR 0051, 0052).
        bron_registreren(werklijst.BRON)
        kaart_registreren(dossierkaart.KAART)
        besluit.registreren()

        from openinburgering.inburgeraars.bewaren import opruimer_registreren

        from .bewaren import OPRUIMER

        opruimer_registreren(OPRUIMER)  # ADR 0060
