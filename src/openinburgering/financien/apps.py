from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinancienConfig(AppConfig):
    name = "openinburgering.financien"
    label = "financien"
    verbose_name = _(
        "Financiën: rijksbijdragen, kosten per inburgeraar, cohorten en verantwoording"
    )

    def ready(self):
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import dossierkaart

        kaart_registreren(dossierkaart.KAART)  # ADR 0051
