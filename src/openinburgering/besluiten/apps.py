from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BesluitenConfig(AppConfig):
    name = "openinburgering.besluiten"
    label = "besluiten"
    verbose_name = _("Besluiten: beschikkingen en bezwaar")

    def ready(self):
        from openinburgering.inburgeraars.bewaren import opruimer_registreren

        from .bewaren import OPRUIMER

        opruimer_registreren(OPRUIMER)  # ADR 0060
