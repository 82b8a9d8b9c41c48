from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuoConfig(AppConfig):
    name = "openinburgering.integrations.duo"
    label = "duo"
    verbose_name = _("Koppeling met DUO")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from openinburgering.core.werklijst import bron_registreren
        from openinburgering.gemeenten.models import Gemeente
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import besluitenkaart, dossierkaart, keten, werklijst
        from .intake import gemeenten_vergeten

        # The domain apps report to DUO and read from it only through core.keten (ADR 0049).
        keten.registreren()
        # DUO's work items on the one worklist, and the DUO card on the dossier page (ADR 0051).
        bron_registreren(werklijst.BRON)
        kaart_registreren(dossierkaart.KAART)
        # DUO's extension requests and fines on the dossier page (ADR 0064).
        kaart_registreren(besluitenkaart.KAART)

        from openinburgering.inburgeraars.bewaren import opruimer_registreren

        from .bewaren import OPRUIMER

        # What happens to DUO's rows when a dossier's retention term has passed (ADR 0060).
        opruimer_registreren(OPRUIMER)

        def vergeten(**kwargs):
            gemeenten_vergeten()

        # The endpoint caches gemeenten by OIN; a change in this process is seen at once.
        post_save.connect(vergeten, sender=Gemeente, weak=False, dispatch_uid="duo-gemeenten")
        post_delete.connect(vergeten, sender=Gemeente, weak=False, dispatch_uid="duo-gemeenten-weg")
