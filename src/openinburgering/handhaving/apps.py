from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandhavingConfig(AppConfig):
    name = "openinburgering.handhaving"
    label = "handhaving"
    verbose_name = _("Handhaving: waarschuwingen en boetes")

    def ready(self):
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import dossierkaart

        kaart_registreren(dossierkaart.KAART)  # ADR 0051

        from . import besluit

        besluit.registreren()  # ADR 0052

        from openinburgering.inburgeraars.bewaren import opruimer_registreren

        from .bewaren import OPRUIMER

        opruimer_registreren(OPRUIMER)  # ADR 0060
