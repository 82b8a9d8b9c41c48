from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrievenConfig(AppConfig):
    name = "openinburgering.brieven"
    label = "brieven"
    verbose_name = _("Brieven")

    def ready(self):
        from openinburgering.inburgeraars.zoeken import zoeker_registreren

        from .selectors import kenmerk_treffers

        # The caseload search finds a person by the kenmerk of a letter (ADR 0051).
        zoeker_registreren("briefkenmerk", kenmerk_treffers)

        from openinburgering.inburgeraars.bewaren import opruimer_registreren

        from .bewaren import OPRUIMER

        opruimer_registreren(OPRUIMER)  # ADR 0060
