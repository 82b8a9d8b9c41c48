from django.apps import AppConfig


class PipConfig(AppConfig):
    name = "openinburgering.pip"
    label = "pip"

    def ready(self):
        from . import besluit

        besluit.registreren()  # ADR 0052
