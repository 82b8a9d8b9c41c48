from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrpConfig(AppConfig):
    name = "openinburgering.integrations.brp"
    label = "brp"
    verbose_name = _("Koppeling met de BRP")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from openinburgering.core import brp
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import dossierkaart, poort

        # The domain reads the BRP only through core.brp (ADR 0062).
        brp.registreer(poort.BrpPoort())
        kaart_registreren(dossierkaart.KAART)
