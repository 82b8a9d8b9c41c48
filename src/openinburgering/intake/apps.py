from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "openinburgering.intake"
    label = "intake"

    def ready(self):
        from .reacties import registreren

        registreren()

        from openinburgering.inburgeraars.bewaren import opruimer_registreren

        from .bewaren import OPRUIMER

        opruimer_registreren(OPRUIMER)  # ADR 0060
