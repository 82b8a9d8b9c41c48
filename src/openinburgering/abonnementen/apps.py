from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AbonnementenConfig(AppConfig):
    name = "openinburgering.abonnementen"
    label = "abonnementen"
    verbose_name = _("Abonnementen op gebeurtenissen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from openinburgering.core.publicatie import luisteraar_registreren

        from .services import feiten_vastleggen

        # The domain apps publish through core.publicatie and never import this app (ADR 0072).
        luisteraar_registreren("abonnementen", feiten_vastleggen)

        from openinburgering.inburgeraars.bewaren import opruimer_registreren

        from .bewaren import OPRUIMER

        # A destroyed dossier's events go with it (ADR 0060).
        opruimer_registreren(OPRUIMER)
