from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BegeleidingConfig(AppConfig):
    name = "openinburgering.begeleiding"
    label = "begeleiding"
    verbose_name = _("Maatschappelijke begeleiding")

    def ready(self):
        from openinburgering.core.werklijst import bron_registreren
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import dossierkaart, werklijst

        # Overdue steps on the one worklist, and this app's card on the dossier page (ADR 0051).
        bron_registreren(werklijst.BRON)
        kaart_registreren(dossierkaart.KAART)
