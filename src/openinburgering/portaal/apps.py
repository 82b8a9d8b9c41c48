from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortaalConfig(AppConfig):
    name = "openinburgering.portaal"
    label = "portaal"
    verbose_name = _("Portaal voor de inburgeraar")

    def ready(self):
        from openinburgering.core.werklijst import bron_registreren
        from openinburgering.inburgeraars.bewaren import opruimer_registreren
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import bewaren, dossierkaart, werklijst

        # A message from the newcomer is work for the klantregisseur, and the dossier shows what
        # the newcomer saw and sent (ADR 0051, 0087).
        bron_registreren(werklijst.BRON)
        kaart_registreren(dossierkaart.KAART)
        # The documents go when the dossier's retention term has passed (ADR 0060).
        opruimer_registreren(bewaren.OPRUIMER)

        from openinburgering.talen.web import registreer_inburgeraar_van_verzoek

        # The language switch keeps a signed-in newcomer's choice on the dossier (ADR 0089).
        registreer_inburgeraar_van_verzoek(ingelogde_inburgeraar)


def ingelogde_inburgeraar(request):
    from . import selectors, sessie

    _status, wie = sessie.huidige(request)
    return selectors.eigen_inburgeraar(wie.inburgeraar_id) if wie else None
