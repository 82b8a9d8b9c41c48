from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "openinburgering.intake"
    label = "intake"

    def ready(self):
        from .reacties import registreren

        registreren()
