from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaalaanbiedersConfig(AppConfig):
    name = "openinburgering.taalaanbieders"
    label = "taalaanbieders"
    verbose_name = _("Taalaanbieders")

    def ready(self):
        from openinburgering.core.werklijst import bron_registreren
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import dossierkaart, werklijst

        # Schools' reports on the one worklist, and this app's card on the dossier page (ADR 0051).
        bron_registreren(werklijst.BRON)
        kaart_registreren(dossierkaart.KAART)

        from openinburgering.inburgeraars.bewaren import opruimer_registreren

        from .bewaren import OPRUIMER

        opruimer_registreren(OPRUIMER)  # ADR 0060
