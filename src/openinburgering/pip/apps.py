from django.apps import AppConfig


class PipConfig(AppConfig):
    name = "openinburgering.pip"
    label = "pip"

    def ready(self):
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import dossierkaart

        kaart_registreren(dossierkaart.KAART)  # ADR 0051

        from . import besluit

        besluit.registreren()  # ADR 0052

        from openinburgering.inburgeraars.workflow import Status, voorwaarde_registreren

        from .selectors import vastgesteld_pip_vereist

        voorwaarde_registreren(
            naar=(Status.PIP_VASTGESTELD, Status.IN_UITVOERING), controle=vastgesteld_pip_vereist
        )

        from openinburgering.inburgeraars.bewaren import opruimer_registreren

        from .bewaren import OPRUIMER

        opruimer_registreren(OPRUIMER)  # ADR 0060
